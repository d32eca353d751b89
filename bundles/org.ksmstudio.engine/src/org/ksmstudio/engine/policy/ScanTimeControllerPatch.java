package org.ksmstudio.engine.policy;

import java.util.List;

import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * Another scan-time advisor: instead of scan_time_advisor()'s EWMA of the scan-time change (6.8),
 * a proportional controller on the error between the last full scan's time and
 * advisor_target_scan_time. After each full scan under advisor_mode=scan-time, pages_to_scan moves
 * {@code advisor_gain_pct} percent of the way to {@code pages × scan time / target} (the value that
 * would have met the target), then is capped so that ksmd's CPU share over the scan stays within
 * advisor_max_cpu, and kept within advisor_min_pages_to_scan .. advisor_max_pages_to_scan (the
 * kernel takes the minimum as a start value only). Stock sharing; with advisor_mode=none it does
 * nothing.
 */
public final class ScanTimeControllerPatch extends StockSharingPatch implements KsmPatch {
    /** The share of the error corrected per scan. */
    public static final PatchSysfsFile GAIN = PatchSysfsFile.tunable("advisor_gain_pct", 50, 1, 100, "%",
            "scan-time-controller: share of the way to the pages_to_scan that meets the target, per full scan");
    /** Adjustments made. */
    public static final PatchSysfsFile ADJUSTMENTS = PatchSysfsFile.counter("advisor_adjustments", "scans",
            "scan-time-controller: full scans after which pages_to_scan changed");
    /** The last full scan's time. */
    public static final PatchSysfsFile LAST_SCAN_MS = PatchSysfsFile.counter("advisor_last_scan_ms", "ms",
            "scan-time-controller: how long the last full scan took");

    /** ksmd's CPU time when the current full scan started (a run's own instance: per-run state) */
    private long cpuAtStart;

    @Override
    public String name() {
        return "scan-time-controller";
    }

    @Override
    public String description() {
        return "scan-time advisor as a proportional controller on the scan time's error (advisor_gain_pct), CPU-capped";
    }

    @Override
    public List<PatchSysfsFile> sysfsFiles() {
        return List.of(GAIN, ADJUSTMENTS, LAST_SCAN_MS);
    }

    @Override
    public void fullScanStarts(Ksmd ksmd) {
        cpuAtStart = ksmd.cpuNanos();
    }

    @Override
    public void fullScanEnds(Ksmd ksmd) {
        long scanNanos = Math.max(1, ksmd.now() - ksmd.fullScanStartNanos());
        ksmd.set(LAST_SCAN_MS, scanNanos / 1_000_000);
        if (ksmd.value(KsmSysfsFile.ADVISOR_MODE) == 0) {
            return;
        }
        long pages = ksmd.value(KsmSysfsFile.PAGES_TO_SCAN);
        double target = ksmd.value(KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME) * 1e9;
        double ideal = pages * (scanNanos / target);
        double next = pages + (ideal - pages) * ksmd.value(GAIN) / 100.0;
        double cpuShare = (ksmd.cpuNanos() - cpuAtStart) / (double) scanNanos;
        double maxCpu = ksmd.value(KsmSysfsFile.ADVISOR_MAX_CPU) / 100.0;
        if (cpuShare > 0 && next / pages * cpuShare > maxCpu) {
            next = pages * maxCpu / cpuShare;
        }
        long min = ksmd.value(KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN);
        long max = ksmd.value(KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN);
        long set = Math.max(min, Math.min(max, Math.round(next)));
        set = Math.min(set, KsmSysfsFile.UINT_MAX);
        if (set != pages) {
            ksmd.setPagesToScan(set);
            ksmd.add(ADJUSTMENTS, 1);
        }
    }
}
