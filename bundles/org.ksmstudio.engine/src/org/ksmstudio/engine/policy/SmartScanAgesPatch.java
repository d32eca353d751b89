package org.ksmstudio.engine.policy;

import java.util.List;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * smart_scan (6.7) with its skip ages as tunables: should_skip_rmap_item() starts skipping an
 * unmerged page once it is {@code smart_scan_min_age} scans old and then skips it for 1, 2, 4, ...
 * scans, doubling each time, up to {@code smart_scan_max_skips}. With the defaults (3 and 8) it is
 * the kernel's skip_age() (1 from age 3, 2 from 4, 4 from 6, 8 from 9: the doublings come at ages
 * 4, 6 and 9). State: one int per rmap item (age in the low 16 bits, remaining skips above), as the
 * kernel's rmap_item->age and ->remaining_skips. Stock sharing; honours smart_scan=0.
 */
public final class SmartScanAgesPatch extends StockSharingPatch implements KsmPatch {
    /** The age from which a page is skipped. */
    public static final PatchSysfsFile MIN_AGE = PatchSysfsFile.tunable("smart_scan_min_age", 3, 1, 255, "scans",
            "smart-scan-ages: scans an unmerged page is looked at before smart scan starts skipping it");
    /** The longest skip. */
    public static final PatchSysfsFile MAX_SKIPS = PatchSysfsFile.tunable("smart_scan_max_skips", 8, 1, 255, "scans",
            "smart-scan-ages: most scans in a row smart scan skips an unmerged page");
    /** Skip periods begun. */
    public static final PatchSysfsFile SKIP_PERIODS = PatchSysfsFile.counter("smart_scan_skip_periods", "periods",
            "smart-scan-ages: times smart scan started skipping a page for some scans");

    private static final int AGE_MAX = 0xffff;

    @Override
    public String name() {
        return "smart-scan-ages";
    }

    @Override
    public String description() {
        return "smart_scan with tunable skip ages: skips from smart_scan_min_age, doubling up to smart_scan_max_skips";
    }

    @Override
    public List<PatchSysfsFile> sysfsFiles() {
        return List.of(MIN_AGE, MAX_SKIPS, SKIP_PERIODS);
    }

    @Override
    public int itemColumns() {
        return 1;
    }

    @Override
    public boolean skipRmapItem(Ksmd ksmd, int item) {
        if (ksmd.value(KsmSysfsFile.SMART_SCAN) == 0) {
            return false;
        }
        int v = ksmd.itemState(0, item);
        int age = v & AGE_MAX;
        int skips = v >>> 16;
        ksmd.setItemState(0, item, skips << 16 | Math.min(AGE_MAX, age + 1));
        long minAge = ksmd.value(MIN_AGE);
        if (age < minAge) {
            return false;
        }
        if (skips == 0) {
            ksmd.setItemState(0, item, skipAge(age, minAge, ksmd.value(MAX_SKIPS)) << 16 | Math.min(AGE_MAX, age + 1));
            ksmd.add(SKIP_PERIODS, 1);
            return false;
        }
        ksmd.setItemState(0, item, (skips - 1) << 16 | Math.min(AGE_MAX, age + 1));
        return true;
    }

    /**
     * skip_age() generalised: 1 scan at {@code minAge}, doubling at minAge + 1, + 3, + 6, + 10, ...
     * (the kernel's 4, 6, 9 for minAge 3), at most {@code maxSkips}.
     */
    static int skipAge(int age, long minAge, long maxSkips) {
        long skips = 1;
        long step = 1;
        for (long next = minAge + 1; age >= next && skips < maxSkips; next += ++step) {
            skips *= 2;
        }
        return (int) Math.min(skips, maxSkips);
    }
}
