package org.ksmstudio.engine.rmap;

import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.ScenarioException;

/**
 * Time cost of the terms of a reverse-map walk, in nanoseconds. Five terms come from the scenario's
 * {@link CostModel} (rmap item, PTE update, TLB-flush IPI, MMU notifier, page copy); the others are
 * x86 constants measured on the reference machine (see {@code docs/cost-model.md}).
 *
 * @param anonVmaLockNanos     per rmap item visited: anon_vma read lock and unlock ({@code walkItemNanos})
 * @param vmaVisitNanos        per VMA of the item's anon_vma interval tree (own mm, then forked children)
 * @param pteNanos             per mapping changed: page_vma_mapped_walk to the PTE and its update, rmap and
 *                             mapcount accounting ({@code walkPteNanos})
 * @param pteMissNanos         per VMA looked into that does not map the page (the page-table walk alone)
 * @param youngNanos           per mapping in folio_referenced: test-and-clear of the young bit (x86: no flush)
 * @param localFlushNanos      per mapping unmapped: invalidation of the TLB entry on the walking CPU
 * @param ipiNanos             per TLB-flush IPI sent to another CPU where the mm is active, ack awaited
 *                             ({@code tlbIpiNanos}); a KVM secondary-MMU flush kicks the guest's CPUs the same way
 * @param mmuNotifierNanos     per mapping of an mm with a secondary MMU (KVM): notifier call and shadow PTE
 *                             invalidation ({@code mmuNotifierNanos})
 * @param migrationFixedNanos  per migrated page besides its walks: isolate, allocate the target, lock, move the
 *                             mapping and flags, put back (also the fixed part of reclaim and memory failure)
 * @param copyNanosPerDistance page copy per unit of NUMA distance, 10 = local ({@code copyPageNanosPerDistance})
 * @param reschedNanos         per cond_resched() point taken inside a walk
 */
public record WalkCostModel(long anonVmaLockNanos, long vmaVisitNanos, long pteNanos, long pteMissNanos,
        long youngNanos, long localFlushNanos, long ipiNanos, long mmuNotifierNanos, long migrationFixedNanos,
        long copyNanosPerDistance, long reschedNanos) {

    /** Fixed x86 terms, measured on the reference machine (not part of the scenario's cost model). */
    private static final long VMA_VISIT = 10;
    private static final long PTE_MISS = 40;
    private static final long YOUNG = 20;
    private static final long LOCAL_FLUSH = 40;
    private static final long MIGRATION_FIXED = 44_000;
    /** cond_resched() when nothing is due: the need-resched flag check (6.18 has one per rmap item and per VMA) */
    private static final long RESCHED = 2;

    /** The reference machine: Linux 6.18, x86_64 VM, 2 vCPUs, one mm, no KVM. */
    public static final WalkCostModel THIS_MACHINE = of(CostModel.THIS_MACHINE);

    /** The KVM host of the 2016 linux-mm thread: many CPUs, guests shadowed by KVM's MMU. */
    public static final WalkCostModel KVM_HOST_2016 = of(CostModel.KVM_HOST_2016);

    public WalkCostModel {
        ScenarioException.check(anonVmaLockNanos >= 0 && vmaVisitNanos >= 0 && pteNanos >= 0 && pteMissNanos >= 0
                && youngNanos >= 0 && localFlushNanos >= 0 && ipiNanos >= 0 && mmuNotifierNanos >= 0
                && migrationFixedNanos >= 0 && copyNanosPerDistance >= 0 && reschedNanos >= 0,
                "costModel.walk costs", "negative", "walk costs must be >= 0");
    }

    /** The walk terms of a scenario's cost model, completed with the fixed x86 terms. */
    public static WalkCostModel of(CostModel c) {
        return new WalkCostModel(c.walkItemNanos(), VMA_VISIT, c.walkPteNanos(), PTE_MISS, YOUNG, LOCAL_FLUSH,
                c.tlbIpiNanos(), c.mmuNotifierNanos(), MIGRATION_FIXED, c.copyPageNanosPerDistance(), RESCHED);
    }

    /** Cost of copying one page across NUMA distance {@code distance} (10 = local). */
    public long copyNanos(int distance) {
        return copyNanosPerDistance * distance;
    }
}
