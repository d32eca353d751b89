package org.example;

import java.util.List;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * The C idea: in cmp_and_merge_page(), merge a page only after its checksum stayed the same for
 * volatile_scans full scans in a row (6.18: one), so that pages written now and then are not
 * merged just to be broken again by the next write.
 */
public final class VolatileTwicePatch extends StockSharingPatch implements KsmPatch {
    /** How many scans in a row the checksum must stay the same. */
    static final PatchSysfsFile SCANS = PatchSysfsFile.tunable("volatile_scans", 2, 1, 100, "scans",
            "volatile-twice: full scans in a row a page's checksum must not change before it is merged");
    /** Pages held back although stock would have merged them. */
    static final PatchSysfsFile HELD = PatchSysfsFile.counter("pages_held_back", "pages",
            "volatile-twice: times a page with an unchanged checksum waited for another scan");

    @Override
    public String name() {
        return "volatile-twice";
    }

    @Override
    public String description() {
        return "merge a page only after its checksum stayed the same for volatile_scans scans in a row";
    }

    @Override
    public List<PatchSysfsFile> sysfsFiles() {
        return List.of(SCANS, HELD);
    }

    @Override
    public int itemColumns() {
        return 1; // column 0: scans in a row with an unchanged checksum (rmap_item->stable_scans in C)
    }

    @Override
    public boolean checksumAllowsMerge(Ksmd ksmd, int item, boolean checksumChanged) {
        if (checksumChanged) {
            ksmd.setItemState(0, item, 0);
            return false;
        }
        int unchanged = ksmd.itemState(0, item) + 1;
        ksmd.setItemState(0, item, unchanged);
        if (unchanged < ksmd.value(SCANS)) {
            ksmd.add(HELD, 1);
            return false;
        }
        return true;
    }
}
