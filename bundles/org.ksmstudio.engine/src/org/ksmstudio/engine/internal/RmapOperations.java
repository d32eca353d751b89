package org.ksmstudio.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.policy.StockPolicy;
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
 * runs the refile policy's {@link RefilePass}. The walks themselves are {@link RmapWalk}'s.
 * Single-threaded: the simulation serialises access.
 */
public final class RmapOperations {
    private static final int NIL = StableNodes.NIL;
    /** operations kept for {@link #recentOperations()} */
    public static final int LOG_SIZE = 10_000;

    private final KsmEngine engine;
    private final Topology topology;
    private final WalkCostModel cost;
    /** how a policy that is only a {@link org.ksmstudio.engine.policy.SharingPolicy} walks: as the stock kernel */
    private static final RmapPolicy STOCK_WALKS = new StockPolicy();
    /** the policy's walk hooks */
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

    private final BitSet handledFrames = new BitSet();
    private final RmapWalk walk;

    public RmapOperations(KsmEngine engine, Topology topology, WalkCostModel cost) {
        this.engine = engine;
        this.topology = topology;
        this.cost = cost;
        this.patch = engine.policy() instanceof RmapPolicy p ? p : STOCK_WALKS;
        this.policyName = engine.policy().name();
        this.x86 = !topology.arch().startsWith("arm") && !topology.arch().startsWith("aarch");
        this.stats = new RmapStatistics(topology.nodes().size());
        this.nodePages = new long[topology.nodes().size()];
        for (NumaNode n : topology.nodes()) {
            nodePages[n.id()] = Math.max(1, n.memoryBytes() / topology.pageSize());
        }
        this.walk = new RmapWalk(engine, cost, patch, x86);
        this.refile = new RefilePass(engine, walk, patch.refile(), topology.nodes().size(),
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

    private OperationResult migrateRange(RmapOperation op, Mm mm, @Nullable Vma only, long from, long to, int fromNode,
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
            walk.beginPage();
            boolean skipped = skips(RmapOperation.RECLAIM, engine.frames.mapcount(f), p);
            if (!skipped) {
                walk.clearSawActive();
                walk.walk(f, s, WalkKind.REFERENCED);
                if (!walk.sawActive()) {
                    walk.fixed(cost.migrationFixedNanos());
                    walk.walk(f, s, WalkKind.UNMAP);
                }
            }
            endPage(node, RmapOperation.RECLAIM, f, engine.frames.mapcount(f), ksm, skipped, t);
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
            long mapcount = engine.frames.mapcount(f);
            walk.beginPage();
            walk.fixed(cost.migrationFixedNanos());
            walk.walk(f, s, WalkKind.COLLECT);
            walk.walk(f, s, WalkKind.UNMAP);
            endPage(node, RmapOperation.MEMORY_FAILURE, f, mapcount, ksm, false, t);
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
        long mapcount = engine.frames.mapcount(f);
        walk.beginPage();
        boolean skipped = skips(op, mapcount, pressure(src));
        if (!skipped) {
            migrationWalks(f, s, src, dst);
            engine.frames.migrate(f, dst);
        }
        endPage(src, op, f, mapcount, ksm, skipped, t);
    }

    /** The work of migrating one page besides its bookkeeping: fixed part, unmap walk, copy, restore walk. */
    private void migrationWalks(int f, int s, int src, int dst) {
        walk.fixed(cost.migrationFixedNanos());
        walk.walk(f, s, WalkKind.MIGRATE_UNMAP);
        walk.copy(cost.copyNanos(topology.distance(src, dst)));
        walk.walk(f, s, WalkKind.MIGRATE_RESTORE);
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
        walk.beginPage();
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
        walk.beginPage();
        walk.walk(f, engine.sn.first(dup), kind);
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
        return walk.pageCost(dup, node, skipped);
    }

    private boolean skips(RmapOperation op, long mapcount, double p) {
        return patch.skipsWalk(op, mapcount, p);
    }

    // =====================================================================================
    // walks
    // =====================================================================================

    /** Runs the refile pass when one is due (call after each ksmd wake-up); returns the items moved. */
    public int afterWakeup() {
        return refile.afterWakeup();
    }

    private void endPage(int node, RmapOperation op, int f, long mapcount, boolean ksm, boolean failed, Totals t) {
        walk.endPage();
        stats.recordPage(node, op, ksm, walk.pageNanos(), walk.longestWalk(), walk.maxStretch(), walk.pageIpis(),
                failed);
        t.add(ksm, walk.pageNanos(), walk.longestWalk(), walk.maxStretch(), walk.pageIpis(), failed);
        if (ksm) {
            t.walkedKsm(f, mapcount, walk.longestWalk());
        }
    }

    /** A new operation walked by {@code cpu}: no frame handled yet. */
    private void beginOperation(int cpu) {
        handledFrames.clear();
        walk.beginOperation(cpu);
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
        private int walkedKsmPage = -1;
        private long walkedKsmMappings;
        private long walkedKsmNanos = -1;

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

        /** A KSM page (frame {@code f}) was handled: kept when its walk is the longest of the operation's so far. */
        void walkedKsm(int f, long mapcount, long walkNanos) {
            if (walkNanos > walkedKsmNanos) {
                walkedKsmNanos = walkNanos;
                walkedKsmPage = f;
                walkedKsmMappings = mapcount;
            }
        }

        OperationResult result() {
            OperationResult r = new OperationResult(op, start, latency, pages, ksmPages, walk, stretchMax, ipiCount,
                    failures, walkedKsmPage, walkedKsmMappings);
            if (log.size() == LOG_SIZE) {
                log.removeFirst();
            }
            log.addLast(r);
            return r;
        }
    }
}
