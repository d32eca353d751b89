package org.ksmstudio.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.rmap.KsmMemory;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.rmap.RmapStatistics;
import org.ksmstudio.engine.rmap.WalkCost;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.rmap.WalkKind;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.Topology;

/**
 * Operations that walk the reverse map of the pages they handle (migrate_pages, move_pages,
 * compaction, reclaim, memory failure) on the engine's structures, with the exact cost of each walk;
 * runs the refile policy's {@link RefilePass}. Single-threaded: the simulation serialises access.
 * <p>
 * A KSM page is walked as {@code rmap_walk_ksm} does: for each rmap item of its stable node (dup), the
 * anon_vma lock, then every VMA of the item's anon_vma (its own mm first, then its live fork
 * descendants in creation order); a first pass handles each item's own mm, a second the forked
 * children. Walks that stop once the page is unmapped (unmap, referenced) end right after the last
 * mapping. A plain anonymous page is walked once over its anon_vma. Costs are in {@link WalkCostModel}.
 */
public final class RmapOperations {
    private static final int NIL = StableNodes.NIL;
    /** operations kept for {@link #recentOperations()} */
    public static final int LOG_SIZE = 10_000;

    private final KsmEngine engine;
    private final Topology topology;
    private final WalkCostModel cost;
    private final RmapPolicy patch;
    private final String policyName;
    private final boolean x86;
    private final RmapStatistics stats;
    private final long[] nodePages;
    /** memory pressure windows: node, from, until (ns), pages */
    private final List<long[]> pressure = new ArrayList<>();
    /** the latest operations, oldest first, at most {@link #LOG_SIZE} */
    private final ArrayDeque<OperationResult> log = new ArrayDeque<>();
    private final RefilePass refile;

    // ---- per operation ----
    private int walkerCpu;
    private int[] ipiTargets = new int[0];
    private BitSet[] targetCpus = new BitSet[0];
    private int[][] children = new int[0][];
    /** live parent (fork after fill) by mm index, or -1 */
    private int[] parents = new int[0];
    private boolean anyForks;
    private final BitSet handledFrames = new BitSet();
    private final BitSet handledSlots = new BitSet();
    private final BitSet flushCpus = new BitSet();

    // ---- per page ----
    private long pageNanos;
    private long stretch;
    private long maxStretch;
    private long longestWalk;
    private long pageIpis;
    private long itemsInPage;
    private int remaining;
    private boolean sawActive;
    // ---- per page: the terms (for walkCost) ----
    private int walks;
    private long vmas;
    private long ptes;
    private long pteMisses;
    private long notifiers;
    private long reschedPoints;
    private long copyNanos;
    private long fixedNanos;

    public RmapOperations(KsmEngine engine, Topology topology, WalkCostModel cost) {
        this.engine = engine;
        this.topology = topology;
        this.cost = cost;
        this.patch = engine.policy() instanceof RmapPolicy p ? p : null;
        this.policyName = engine.policy().name();
        this.x86 = !topology.arch().startsWith("arm") && !topology.arch().startsWith("aarch");
        this.stats = new RmapStatistics(topology.nodes().size());
        this.nodePages = new long[topology.nodes().size()];
        for (NumaNode n : topology.nodes()) {
            nodePages[n.id()] = Math.max(1, n.memoryBytes() / topology.pageSize());
        }
        this.refile = new RefilePass(engine, this, patch == null ? null : patch.refile(), topology.nodes().size(),
                cost, x86);
    }

    public WalkCostModel costModel() {
        return cost;
    }

    /** Whether the policy refuses a mapping to a KSM page with (almost) 2^31 of them: false means no limit. */
    public boolean sharingLimited() {
        return !engine.policy().isSharingCandidate(Integer.MAX_VALUE - 1, 0, engine.maxPageSharing);
    }

    // =====================================================================================
    // operations
    // =====================================================================================

    /** migrate_pages(pid, from, to): every page of the process on {@code fromNode} (any node if < 0). */
    public OperationResult migratePages(int pid, int fromNode, int toNode) {
        checkNode(toNode);
        Mm mm = engine.runningMm(pid);
        return migrateRange(RmapOperation.MIGRATE_PAGES, mm, null, 0, Long.MAX_VALUE, fromNode, toNode);
    }

    /** move_pages() of region pages [fromPage, toPage) of a process to {@code toNode}. */
    public OperationResult movePages(int pid, String region, long fromPage, long toPage, int toNode) {
        checkNode(toNode);
        Mm mm = engine.runningMm(pid);
        Vma v = mm.vma(region);
        if (v == null) {
            throw new IllegalArgumentException("region = " + region + ": process " + pid + " has no such region");
        }
        if (fromPage < 0 || toPage < fromPage) {
            throw new IllegalArgumentException("pages " + fromPage + ".." + toPage + ": must satisfy 0 <= from <= to");
        }
        return migrateRange(RmapOperation.MOVE_PAGES, mm, v, fromPage, toPage, -1, toNode);
    }

    private OperationResult migrateRange(RmapOperation op, Mm mm, Vma only, long from, long to, int fromNode,
            int toNode) {
        beginOperation(mm.cpus.isEmpty() ? firstCpu(mm.homeNode) : mm.cpus.get(0));
        Totals t = new Totals(op);
        for (Vma v : mm.vmas) {
            if (only != null && v != only) {
                continue;
            }
            long a = only == null ? 0 : Math.min(from, v.pages);
            long b = only == null ? v.pages : Math.min(to, v.pages);
            for (long p = a; p < b; p++) {
                int s = v.firstSlot + (int) p;
                int f = engine.slots.pte(s);
                if (f < 0 || handledFrames.get(f)) {
                    continue;
                }
                int src = engine.frames.node(f);
                if ((fromNode >= 0 && src != fromNode) || src == toNode) {
                    continue;
                }
                handledFrames.set(f);
                migratePage(op, f, s, src, toNode, t);
            }
        }
        return t.result();
    }

    /** Compaction of a node: every in-use page of the node is migrated within the node, in frame order of use. */
    public OperationResult compact(int node) {
        checkNode(node);
        beginOperation(firstCpu(node));
        Totals t = new Totals(RmapOperation.COMPACTION);
        int slots = engine.pageCount();
        for (int s = 0; s < slots; s++) {
            int f = engine.slots.pte(s);
            if (f < 0 || handledFrames.get(f) || engine.frames.node(f) != node) {
                continue;
            }
            handledFrames.set(f);
            migratePage(RmapOperation.COMPACTION, f, s, node, node, t);
        }
        return t.result();
    }

    /**
     * Memory pressure on a node: reclaim looks at up to {@code pagesToReclaim} in-use pages of the node
     * (folio_referenced, then try_to_unmap of the pages no running process referenced), and the node is
     * under pressure {@code pagesToReclaim / node pages} for {@code durationNanos}. Swap is not
     * modelled: an unmapped page keeps its mappings afterwards (as if swapped back in).
     */
    public OperationResult reclaim(int node, long pagesToReclaim, long durationNanos) {
        checkNode(node);
        if (pagesToReclaim < 0 || durationNanos < 0) {
            throw new IllegalArgumentException("pagesToReclaim = " + pagesToReclaim + ", duration = " + durationNanos
                    + ": must be >= 0");
        }
        long now = engine.now();
        pressure.removeIf(w -> w[2] <= now);
        pressure.add(new long[] { node, now, now + durationNanos, pagesToReclaim });
        double p = pressure(node);
        beginOperation(firstCpu(node));
        Totals t = new Totals(RmapOperation.RECLAIM);
        int slots = engine.pageCount();
        long scanned = 0;
        for (int s = 0; s < slots && scanned < pagesToReclaim; s++) {
            int f = engine.slots.pte(s);
            if (f < 0 || handledFrames.get(f) || engine.frames.node(f) != node) {
                continue;
            }
            handledFrames.set(f);
            scanned++;
            boolean ksm = engine.frames.stableNode(f) >= 0;
            beginPage();
            boolean skipped = skips(RmapOperation.RECLAIM, engine.frames.mapcount(f), p);
            if (!skipped) {
                sawActive = false;
                walk(f, s, WalkKind.REFERENCED);
                if (!sawActive) {
                    fixed(cost.migrationFixedNanos());
                    walk(f, s, WalkKind.UNMAP);
                }
            }
            endPage(node, RmapOperation.RECLAIM, ksm, skipped, t);
        }
        return t.result();
    }

    /** Memory failure of the page mapped at a region page: collect the processes, unmap every mapping. */
    public OperationResult memoryFailure(int pid, String region, long page) {
        Mm mm = engine.runningMm(pid);
        Vma v = mm.vma(region);
        if (v == null) {
            throw new IllegalArgumentException("region = " + region + ": process " + pid + " has no such region");
        }
        if (page < 0 || page >= v.pages) {
            throw new IllegalArgumentException("page = " + page + ": outside region " + region + " of " + v.pages
                    + " pages");
        }
        beginOperation(0);
        Totals t = new Totals(RmapOperation.MEMORY_FAILURE);
        int s = v.firstSlot + (int) page;
        int f = engine.slots.pte(s);
        if (f >= 0) {
            int node = engine.frames.node(f);
            boolean ksm = engine.frames.stableNode(f) >= 0;
            beginPage();
            fixed(cost.migrationFixedNanos());
            walk(f, s, WalkKind.COLLECT);
            walk(f, s, WalkKind.UNMAP);
            endPage(node, RmapOperation.MEMORY_FAILURE, ksm, false, t);
        }
        engine.processes().memoryFailure(pid, region, page);
        return t.result();
    }

    /** Memory pressure on a node now: the pages being reclaimed over the node's pages, 0..1. */
    public double pressure(int node) {
        long now = engine.now();
        double p = 0;
        for (long[] w : pressure) {
            if (w[0] == node && now >= w[1] && now < w[2]) {
                p += w[3] / (double) nodePages[node];
            }
        }
        return Math.min(1, p);
    }

    private void migratePage(RmapOperation op, int f, int s, int src, int dst, Totals t) {
        boolean ksm = engine.frames.stableNode(f) >= 0;
        beginPage();
        boolean skipped = skips(op, engine.frames.mapcount(f), pressure(src));
        if (!skipped) {
            migrationWalks(f, s, src, dst);
            engine.frames.migrate(f, dst);
        }
        endPage(src, op, ksm, skipped, t);
    }

    /** The work of migrating one page besides its bookkeeping: fixed part, unmap walk, copy, restore walk. */
    private void migrationWalks(int f, int s, int src, int dst) {
        fixed(cost.migrationFixedNanos());
        walk(f, s, WalkKind.MIGRATE_UNMAP);
        long copy = cost.copyNanos(topology.distance(src, dst));
        copyNanos += copy;
        add(copy);
        walk(f, s, WalkKind.MIGRATE_RESTORE);
    }

    private void fixed(long nanos) {
        fixedNanos += nanos;
        add(nanos);
    }

    /**
     * The exact cost of migrating the page of stable node {@code dup} to {@code toNode} (its own node: as
     * compaction does), walked by the first CPU of the page's node, under the run's cost model and policy;
     * the same code as {@link #migratePages} and {@link #compact}, without moving the page or recording it.
     */
    public WalkCost migrationCost(int dup, int toNode) {
        checkNode(toNode);
        int f = dupFrame(dup);
        int src = engine.frames.node(f);
        beginOperation(firstCpu(src));
        beginPage();
        boolean skipped = skips(src == toNode ? RmapOperation.COMPACTION : RmapOperation.MIGRATE_PAGES,
                engine.frames.mapcount(f), pressure(src));
        if (!skipped) {
            migrationWalks(f, engine.sn.first(dup), src, toNode);
        }
        return pageCost(dup, src, skipped);
    }

    /** The exact cost of one walk of the given kind over the page of stable node {@code dup} (see migrationCost). */
    public WalkCost walkCost(int dup, WalkKind kind) {
        int f = dupFrame(dup);
        int src = engine.frames.node(f);
        beginOperation(firstCpu(src));
        beginPage();
        walk(f, engine.sn.first(dup), kind);
        return pageCost(dup, src, false);
    }

    private int dupFrame(int dup) {
        StableNodes sn = engine.sn;
        if (dup < 0 || dup >= sn.highWater() || sn.kind(dup) == StableNodes.FREE || sn.kind(dup) == StableNodes.CHAIN
                || engine.stable.isStale(dup) || sn.kpfn(dup) < 0) {
            throw new IllegalArgumentException("dupId = " + dup + ": no such KSM page (the stable tree changed?)");
        }
        return sn.kpfn(dup);
    }

    private WalkCost pageCost(int dup, int node, boolean skipped) {
        handledFrames.clear();
        return new WalkCost(dup, node, walks, itemsInPage, vmas, ptes, pteMisses, pageIpis, notifiers,
                reschedPoints, copyNanos, fixedNanos, pageNanos, longestWalk, Math.max(maxStretch, stretch), skipped);
    }

    private boolean skips(RmapOperation op, long mapcount, double p) {
        return patch != null && patch.skipsWalk(op, mapcount, p);
    }

    // =====================================================================================
    // walks
    // =====================================================================================

    /** Sets up the per-operation state of a walk by the given CPU (IPI targets, fork trees). */
    void beginOperation(int cpu) {
        walkerCpu = cpu;
        handledFrames.clear();
        List<Mm> mms = engine.mms.all();
        int n = mms.size();
        ipiTargets = new int[n];
        targetCpus = new BitSet[n];
        int[] childCount = new int[n];
        anyForks = false;
        Map<Integer, Mm> byPid = new HashMap<>();
        for (Mm mm : mms) {
            if (!mm.exiting) {
                byPid.put(mm.pid, mm);
            }
        }
        parents = new int[n];
        for (Mm mm : mms) {
            Mm parent = mm.parentPid == 0 || mm.exiting ? null : byPid.get(mm.parentPid);
            parents[mm.index] = parent == null ? -1 : parent.index;
        }
        for (Mm mm : mms) {
            BitSet b = new BitSet();
            if (mm.active && !mm.exiting) {
                for (int c : mm.cpus) {
                    if (c != cpu) {
                        b.set(c);
                    }
                }
            }
            targetCpus[mm.index] = b;
            ipiTargets[mm.index] = b.cardinality();
            Mm parent = parentOf(mm);
            if (parent != null) {
                childCount[parent.index]++;
                anyForks = true;
            }
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            childCount[i] = 0;
        }
        for (Mm mm : mms) {
            Mm parent = parentOf(mm);
            if (parent != null) {
                children[parent.index][childCount[parent.index]++] = mm.index;
            }
        }
    }

    /** IPIs a TLB flush of mm {@code mmIndex} sends from the walking CPU (after {@link #beginOperation}). */
    int ipiTargets(int mmIndex) {
        return ipiTargets[mmIndex];
    }

    /** Runs the refile pass when one is due (call after each ksmd wake-up); returns the items moved. */
    public int afterWakeup() {
        return refile.afterWakeup();
    }

    /** The live parent an mm was forked from after fill (sharing its anon_vma tree), or null. */
    private Mm parentOf(Mm mm) {
        int p = parents[mm.index];
        return p < 0 ? null : engine.mms.all().get(p);
    }

    private void beginPage() {
        pageNanos = 0;
        stretch = 0;
        maxStretch = 0;
        longestWalk = 0;
        pageIpis = 0;
        itemsInPage = 0;
        walks = 0;
        vmas = 0;
        ptes = 0;
        pteMisses = 0;
        notifiers = 0;
        reschedPoints = 0;
        copyNanos = 0;
        fixedNanos = 0;
    }

    private void endPage(int node, RmapOperation op, boolean ksm, boolean failed, Totals t) {
        maxStretch = Math.max(maxStretch, stretch);
        stats.recordPage(node, op, ksm, pageNanos, longestWalk, maxStretch, pageIpis, failed);
        t.add(ksm, pageNanos, longestWalk, maxStretch, pageIpis, failed);
    }

    private void add(long nanos) {
        pageNanos += nanos;
        stretch += nanos;
    }

    /**
     * Start of the work for one rmap item (the top of rmap_walk_ksm's loop): a cond_resched() point
     * before every {@code every}-th item of the page's walks, the first excepted.
     */
    private void itemStart() {
        int every = patch == null ? 0 : patch.reschedEvery();
        if (every > 0 && itemsInPage > 0 && itemsInPage % every == 0) {
            maxStretch = Math.max(maxStretch, stretch);
            stretch = 0;
            pageNanos += cost.reschedNanos();
            reschedPoints++;
        }
        itemsInPage++;
    }

    /** One walk of frame f (mapped at slot s) of the given kind. */
    private void walk(int f, int s, WalkKind kind) {
        long start = pageNanos;
        walks++;
        boolean batched = x86 && kind.flushes() && patch != null && patch.batchesTlbFlush(kind);
        flushCpus.clear();
        remaining = engine.frames.mapcount(f);
        int node = engine.frames.stableNode(f);
        if (node >= 0) {
            walkKsm(node, f, kind, batched);
        } else {
            walkAnon(f, s, kind, batched);
        }
        if (batched) {
            int n = flushCpus.cardinality();
            add(n * cost.ipiNanos());
            pageIpis += n;
        }
        if (anyForks) {
            handledSlots.clear();
        }
        longestWalk = Math.max(longestWalk, pageNanos - start);
    }

    private void walkKsm(int node, int k, WalkKind kind, boolean batched) {
        StableNodes sn = engine.sn;
        for (int pass = 0; pass < 2; pass++) {
            for (int s = sn.first(node); s != NIL; s = engine.items.next(s)) {
                Mm mm = engine.mms.ofSlot(s);
                itemStart();
                add(cost.anonVmaLockNanos());
                boolean done = pass == 0 ? visitOwn(s, k, mm, kind, batched)
                        : visitDescendants(mm, s - mm.firstSlot, k, kind, batched);
                if (done) {
                    return;
                }
            }
        }
    }

    /** Pass 1 for one item: the VMAs of its anon_vma; only its own mm's is looked into. */
    private boolean visitOwn(int s, int k, Mm mm, WalkKind kind, boolean batched) {
        vma(1);
        if (rmapOne(s, k, mm, kind, batched)) {
            return true;
        }
        vma(descendantCount(mm.index));
        return false;
    }

    /** Pass 2 for one item: the VMAs of its fork descendants, in creation order. */
    private boolean visitDescendants(Mm mm, int offset, int k, WalkKind kind, boolean batched) {
        vma(1);
        return visitChildren(mm.index, offset, k, kind, batched);
    }

    private boolean visitChildren(int mmIndex, int offset, int k, WalkKind kind, boolean batched) {
        for (int c : children[mmIndex]) {
            Mm child = engine.mms.all().get(c);
            vma(1);
            if (rmapOne(child.firstSlot + offset, k, child, kind, batched)) {
                return true;
            }
            if (visitChildren(c, offset, k, kind, batched)) {
                return true;
            }
        }
        return false;
    }

    private void vma(long n) {
        vmas += n;
        add(n * cost.vmaVisitNanos());
    }

    private int descendantCount(int mmIndex) {
        int n = 0;
        for (int c : children[mmIndex]) {
            n += 1 + descendantCount(c);
        }
        return n;
    }

    /** rmap_walk_anon: the page's anon_vma (its oldest live owner's) once, every VMA covering it. */
    private void walkAnon(int f, int s, WalkKind kind, boolean batched) {
        Mm owner = engine.mms.ofSlot(s);
        int offset = s - owner.firstSlot;
        Mm root = owner;
        for (Mm p = parentOf(root); p != null && engine.slots.pte(p.firstSlot + offset) == f; p = parentOf(p)) {
            root = p;
        }
        itemStart();
        add(cost.anonVmaLockNanos());
        vma(1);
        if (!rmapOne(root.firstSlot + offset, f, root, kind, batched)) {
            visitChildren(root.index, offset, f, kind, batched);
        }
    }

    /**
     * The rmap_one callback on the VMA of mm at slot s: handles the mapping if s maps frame k and was
     * not handled yet in this walk, else pays a page-table walk that finds nothing.
     *
     * @return whether the walk is done (stops once no mapping is left, for the kinds that stop)
     */
    private boolean rmapOne(int s, int k, Mm mm, WalkKind kind, boolean batched) {
        if (engine.slots.pte(s) != k || (anyForks && handledSlots.get(s))) {
            add(cost.pteMissNanos());
            pteMisses++;
            return false;
        }
        if (anyForks) {
            handledSlots.set(s);
        }
        remaining--;
        ptes++;
        int targets = ipiTargets[mm.index];
        switch (kind) {
            case MIGRATE_UNMAP, UNMAP -> {
                add(cost.pteNanos() + cost.localFlushNanos());
                if (x86) {
                    if (batched) {
                        flushCpus.or(targetCpus[mm.index]);
                    } else {
                        ipis(targets);
                    }
                }
                secondaryMmu(mm, targets);
            }
            case MIGRATE_RESTORE -> add(cost.pteNanos());
            case REFERENCED -> {
                add(cost.youngNanos());
                if (!x86) {
                    add(cost.localFlushNanos());
                }
                sawActive |= mm.active;
                secondaryMmu(mm, targets);
            }
            case COLLECT -> add(cost.pteMissNanos());
        }
        return kind.stopsWhenDone() && remaining <= 0;
    }

    /** KVM: the MMU notifier invalidates the shadow PTE and flushes the guest's CPUs (IPIs on x86). */
    private void secondaryMmu(Mm mm, int targets) {
        if (mm.kvm) {
            add(cost.mmuNotifierNanos());
            notifiers++;
            if (x86) {
                ipis(targets);
            }
        }
    }

    private void ipis(int n) {
        add(n * cost.ipiNanos());
        pageIpis += n;
    }

    private int firstCpu(int node) {
        List<Integer> cpus = topology.nodes().get(node).cpus();
        return cpus.isEmpty() ? 0 : cpus.get(0);
    }

    private void checkNode(int node) {
        if (node < 0 || node >= topology.nodes().size()) {
            throw new IllegalArgumentException("node = " + node + ": no such NUMA node (" + topology.nodes().size()
                    + " nodes)");
        }
    }

    // =====================================================================================
    // reports
    // =====================================================================================

    /** KSM pages in use, sharing counters, and the pages dups cost. */
    public KsmMemory memory() {
        StableNodes sn = engine.sn;
        long ksmPages = 0;
        long extra = 0;
        int top = sn.highWater();
        for (int n = 0; n < top; n++) {
            byte kind = sn.kind(n);
            if (kind == StableNodes.FREE) {
                continue;
            }
            if (kind == StableNodes.CHAIN) {
                int live = 0;
                for (int d = sn.first(n); d != NIL; d = sn.next(d)) {
                    if (!engine.stable.isStale(d)) {
                        live++;
                    }
                }
                extra += Math.max(0, live - 1);
            } else if (!engine.stable.isStale(n)) {
                ksmPages++;
            }
        }
        KsmCounters c = engine.counters();
        return new KsmMemory(ksmPages, c.pagesShared(), c.pagesSharing(), c.generalProfit(), extra,
                refile.totalMoves());
    }

    /** The latest operations (at most {@link #LOG_SIZE}), oldest first: latency over simulated time. */
    public List<OperationResult> recentOperations() {
        return List.copyOf(log);
    }

    /** Latencies per node and operation so far, and the memory side. */
    public RmapReport report() {
        return new RmapReport(engine.now(), policyName, stats.snapshot(), stats.migrationP99(), stats.migrationMax(),
                memory(), stats.histograms());
    }

    /** Sums of one operation's pages. */
    private final class Totals {
        private final RmapOperation op;
        private final long start = engine.now();
        private long latency;
        private long pages;
        private long ksmPages;
        private long walk;
        private long stretchMax;
        private long ipiCount;
        private long failures;

        Totals(RmapOperation op) {
            this.op = op;
        }

        void add(boolean ksm, long nanos, long walkNanos, long stretchNanos, long ipi, boolean failed) {
            latency += nanos;
            pages++;
            ksmPages += ksm ? 1 : 0;
            walk = Math.max(walk, walkNanos);
            stretchMax = Math.max(stretchMax, stretchNanos);
            ipiCount += ipi;
            failures += failed ? 1 : 0;
        }

        OperationResult result() {
            OperationResult r = new OperationResult(op, start, latency, pages, ksmPages, walk, stretchMax, ipiCount,
                    failures);
            if (log.size() == LOG_SIZE) {
                log.removeFirst();
            }
            log.addLast(r);
            return r;
        }
    }
}
