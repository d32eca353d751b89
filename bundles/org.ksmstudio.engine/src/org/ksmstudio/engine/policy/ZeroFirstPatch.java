package org.ksmstudio.engine.policy;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.patch.MergeTarget;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * A merge-target variant: with use_zero_pages=1 an empty page is merged with the zero page the
 * first time ksmd sees it, instead of after its checksum stayed the same for one more scan
 * (cmp_and_merge_page() checks the checksum before try_to_merge_with_zero_page()). Empty pages
 * rarely change, and the zero page needs no tree; the cost is a merge that a write may break at
 * once. Other pages as stock; stock sharing.
 */
public final class ZeroFirstPatch extends StockSharingPatch implements KsmPatch {

    @Override
    public String name() {
        return "zero-first";
    }

    @Override
    public String description() {
        return "use_zero_pages without the checksum wait: an empty page goes to the zero page when first scanned";
    }

    @Override
    public boolean checksumAllowsMerge(Ksmd ksmd, int item, boolean checksumChanged) {
        return !checksumChanged || emptyAndZeroPages(ksmd, item);
    }

    @Override
    public MergeTarget mergeTarget(Ksmd ksmd, int item) {
        return emptyAndZeroPages(ksmd, item) ? MergeTarget.ZERO_PAGE : ksmd.stockMergeTarget(item);
    }

    private static boolean emptyAndZeroPages(Ksmd ksmd, int item) {
        return ksmd.value(KsmSysfsFile.USE_ZERO_PAGES) == 1 && ksmd.zeroChecksum(item);
    }
}
