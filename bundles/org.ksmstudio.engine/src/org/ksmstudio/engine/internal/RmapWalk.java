package org.ksmstudio.engine.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.rmap.WalkCost;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.rmap.WalkKind;

/**
 * One reverse-map walk at a time over the engine's tables, with its exact cost (rmap_walk_ksm,
 * rmap_walk_anon and the rmap_one callbacks of try_to_migrate, remove_migration_ptes,
 * try_to_unmap, folio_referenced and collect_procs): the walking CPU's IPI targets and the fork
 * trees of an operation, and the terms of the page being handled.
 * <p>
 * A KSM page is walked as {@code rmap_walk_ksm} does: for each rmap item of its stable node (dup), the
 * anon_vma lock, then every VMA of the item's anon_vma (its own mm first, then its live fork
 * descendants in creation order); a first pass handles each item's own mm, a second the forked
 * children. Walks that stop once the page is unmapped (unmap, referenced) end right after the last
 * mapping. A plain anonymous page is walked once over its anon_vma. Costs are in {@link WalkCostModel}.
 */
final class RmapWalk {
    private static final int NIL = StableNodes.NIL;

    private final KsmEngine engine;
    private final WalkCostModel cost;
    private final RmapPolicy patch;
    private final boolean x86;

    // ---- per operation ----
    private int[] ipiTargets = new int[0];
    private BitSet[] targetCpus = new BitSet[0];
    private int[][] children = new int[0][];
    /** live parent (fork after fill) by mm index, or -1 */
    private int[] parents = new int[0];
    private boolean anyForks;
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

    RmapWalk(KsmEngine engine, WalkCostModel cost, RmapPolicy patch, boolean x86) {
        this.engine = engine;
        this.cost = cost;
        this.patch = patch;
        this.x86 = x86;
    }

    /** Sets up the per-operation state of a walk by the given CPU (IPI targets, fork trees). */
    void beginOperation(int cpu) {
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

    /** The live parent an mm was forked from after fill (sharing its anon_vma tree), or null. */
    private @Nullable Mm parentOf(Mm mm) {
        int p = parents[mm.index];
        return p < 0 ? null : engine.mms.all().get(p);
    }

    /** Zeroes the per-page terms: a new page is handled. */
    void beginPage() {
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

    private void add(long nanos) {
        pageNanos += nanos;
        stretch += nanos;
    }

    /**
     * Start of the work for one rmap item (the top of rmap_walk_ksm's loop): a cond_resched() point
     * before every {@code every}-th item of the page's walks, the first excepted.
     */
    private void itemStart() {
        int every = patch.reschedEvery();
        if (every > 0 && itemsInPage > 0 && itemsInPage % every == 0) {
            maxStretch = Math.max(maxStretch, stretch);
            stretch = 0;
            pageNanos += cost.reschedNanos();
            reschedPoints++;
        }
        itemsInPage++;
    }

    /** One walk of frame f (mapped at slot s) of the given kind. */
    void walk(int f, int s, WalkKind kind) {
        long start = pageNanos;
        walks++;
        boolean batched = x86 && kind.flushes() && patch.batchesTlbFlush(kind);
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

    /** n VMAs of the anon_vma interval tree iterated: in 6.18 each starts with a cond_resched() point. */
    private void vma(long n) {
        vmas += n;
        if (patch.reschedEachVma()) {
            maxStretch = Math.max(maxStretch, stretch);
            stretch = 0;
            pageNanos += n * cost.reschedNanos();
            reschedPoints += n;
        }
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

    /** A fixed part of the page's work (migration or unmap set-up). */
    void fixed(long nanos) {
        fixedNanos += nanos;
        add(nanos);
    }

    /** The copy of the page's content. */
    void copy(long nanos) {
        copyNanos += nanos;
        add(nanos);
    }

    /** The end of the page's work: its longest stretch without a resched point is final. */
    void endPage() {
        maxStretch = Math.max(maxStretch, stretch);
    }

    /** Whether a REFERENCED walk found the page in an active mm. */
    boolean sawActive() {
        return sawActive;
    }

    void clearSawActive() {
        sawActive = false;
    }

    long pageNanos() {
        return pageNanos;
    }

    long longestWalk() {
        return longestWalk;
    }

    long maxStretch() {
        return maxStretch;
    }

    long pageIpis() {
        return pageIpis;
    }

    /** The terms of the page handled since {@link #beginPage()}. */
    WalkCost pageCost(int dup, int node, boolean skipped) {
        return new WalkCost(dup, node, walks, itemsInPage, vmas, ptes, pteMisses, pageIpis, notifiers,
                reschedPoints, copyNanos, fixedNanos, pageNanos, longestWalk, Math.max(maxStretch, stretch), skipped);
    }
}
