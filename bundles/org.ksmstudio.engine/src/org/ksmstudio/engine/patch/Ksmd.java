package org.ksmstudio.engine.patch;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * ksmd as a patch's hooks see it: the clock, the tunables and counters (the kernel's and the
 * patch's own), the rmap item being decided on, the patch's columns of state per rmap item and per
 * mm, and the stock behaviour of each seam so that a patch can wrap it. An rmap item is named by
 * an int (its page slot), an mm by its index; both are valid only during the call. Not thread-safe
 * and not to be kept: the engine passes the same instance to every hook of one run.
 */
public interface Ksmd {

    // ---- time ----

    /** Simulated time, ns (jiffies in the kernel). */
    long now();

    /** ksmd's CPU time so far in this run, ns (task_sched_runtime(ksmd)). */
    long cpuNanos();

    /** ksm_scan.seqnr: full scans completed. */
    long fullScans();

    /** When the current full scan started, ns (the advisor's scan start). */
    long fullScanStartNanos();

    // ---- tunables and counters ----

    /** The value of a kernel file as the engine holds it now (booleans 0/1, advisor_mode 0 none, 1 scan-time). */
    long value(KsmSysfsFile file);

    /** The value of one of the patch's own files ({@link KsmPatch#sysfsFiles()}). */
    long value(PatchSysfsFile file);

    /** Adds {@code delta} to one of the patch's counters (a patch counter never goes below 0). */
    void add(PatchSysfsFile counter, long delta);

    /** Sets one of the patch's counters. */
    void set(PatchSysfsFile counter, long value);

    /**
     * Sets pages_to_scan as the scan-time advisor does (0..2^32-1; the advisor's write, not a sysfs
     * write: allowed while advisor_mode is scan-time).
     */
    void setPagesToScan(long pages);

    // ---- the rmap item being decided on ----

    /** The mm (index) owning rmap item {@code item}. */
    int mmOf(int item);

    /** The pid of mm {@code mm}. */
    int pid(int mm);

    /** The pid of the parent of mm {@code mm} (0 when it was not forked). */
    int parentPid(int mm);

    /** The index of the parent mm of a forked mm, -1 when it was not forked. */
    int parentMm(int mm);

    /** Whether the item's oldchecksum is that of an empty page (calc_checksum of ZERO_PAGE). */
    boolean zeroChecksum(int item);

    // ---- the patch's state ----

    /** Column {@code column} (0 .. {@link KsmPatch#itemColumns()} - 1) of rmap item {@code item}; 0 when allocated. */
    int itemState(int column, int item);

    /** Sets column {@code column} of rmap item {@code item}. */
    void setItemState(int column, int item, int value);

    /** Column {@code column} (0 .. {@link KsmPatch#mmColumns()} - 1) of mm {@code mm}; 0 when created. */
    long mmState(int column, int mm);

    /** Sets column {@code column} of mm {@code mm}. */
    void setMmState(int column, int mm, long value);

    // ---- the stock behaviour of each seam (6.18) ----

    /**
     * should_skip_rmap_item() of 6.18 for an unmerged page: with smart_scan, ages the item and tells
     * whether this scan skips it (skip_age: 1, 2, 4, 8 scans from ages 3, 4-5, 6-8, 9 on).
     */
    boolean stockSkip(int item);

    /** The start of a full scan in 6.18: the scan-time advisor notes when it started. */
    void stockFullScanStarts();

    /** The end of a full scan in 6.18: scan_time_advisor() sets pages_to_scan when advisor_mode is scan-time. */
    void stockFullScanEnds();

    /** The merge target of 6.18: the zero page for an empty page with use_zero_pages, else the trees. */
    MergeTarget stockMergeTarget(int item);
}
