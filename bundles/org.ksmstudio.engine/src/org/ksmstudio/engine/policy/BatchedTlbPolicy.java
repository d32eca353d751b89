package org.ksmstudio.engine.policy;

import org.ksmstudio.engine.rmap.WalkKind;

/**
 * Mel Gorman's batching of TLB-flush IPIs (done for reclaim in 4.3) applied to page migration, as
 * Hugh Dickins proposed in the 2016 thread: the CPUs to flush are gathered over every mapping of the
 * page and each receives one IPI per page instead of one per mapping. KVM's secondary-MMU flushes stay
 * per mapping (the MMU notifier is not batched). Stock sharing rules.
 */
public final class BatchedTlbPolicy extends StockSharingPatch {

    @Override
    public String name() {
        return "batched-tlb";
    }

    @Override
    public String description() {
        return "stock sharing; one TLB-flush IPI per CPU per page during migration and unmap";
    }

    @Override
    public boolean batchesTlbFlush(WalkKind kind) {
        return kind == WalkKind.MIGRATE_UNMAP || kind == WalkKind.UNMAP;
    }
}
