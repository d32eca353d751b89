package org.ksmstudio.engine.scenario;

/**
 * Time costs of the simulated machine, in nanoseconds unless stated. The ksmd part drives the
 * timing of scans (with the scheduler tick rounding of its sleeps); the walk part is used by
 * reverse-map walks (migration, compaction, reclaim).
 *
 * @param hz                     scheduler tick rate (CONFIG_HZ), e.g. 250
 * @param wakeupLatencyNanos     mean lateness of ksmd's timed wake-ups beyond its tick-rounded sleep when its
 *                               batch is short (scheduling delay, exponential; a batch ending late in its tick
 *                               crosses the next tick more often); slips are whole ticks
 * @param wakeupCpuNanos         ksmd's CPU time per wake-up that scans, beyond the cost of its pages (the wake-up
 *                               itself, ksm_do_scan's locks and the walk to its next mm and VMA)
 * @param skipPageNanos          ksmd cost of a page skipped by smart scan (a hole in the page table costs a quarter)
 * @param ksmPageVisitNanos      ksmd cost of visiting a page already in its stable node
 * @param checksumNanos          ksmd cost of visiting a page that is not a KSM page: finding it, its rmap item and
 *                               the checksum of its content (the whole cost of a first or volatile visit)
 * @param treeSearchNanos        ksmd cost per node visited in a stable or unstable tree search (get the node's
 *                               page, compare); a dup visited in a chain walk costs an eighth
 * @param mergeNanos             ksmd cost of merging one page (write protect, replace the PTE, TLB flush)
 * @param walkItemNanos          rmap walk: per rmap item (anon_vma lock, interval tree)
 * @param walkPteNanos           rmap walk: per mapping visited (PTE update)
 * @param tlbIpiNanos            rmap walk: per TLB flush IPI to another CPU
 * @param mmuNotifierNanos       rmap walk: per mapping shadowed by a secondary MMU (KVM)
 * @param copyPageNanosPerDistance page copy cost per unit of NUMA distance (distance 10 = local)
 */
public record CostModel(int hz, long wakeupLatencyNanos, long wakeupCpuNanos, long skipPageNanos, long ksmPageVisitNanos,
        long checksumNanos, long treeSearchNanos, long mergeNanos, long walkItemNanos, long walkPteNanos,
        long tlbIpiNanos, long mmuNotifierNanos, long copyPageNanosPerDistance) {

    /**
     * The machine the reference data was measured on (Linux 6.18, x86_64 VM, 2 vCPUs, HZ=250), quiet (load
     * average below 1.5, 2026-12-04; docs/cost-model.md). ksmd's on-CPU time (/proc/PID/schedstat), one batch
     * per full scan: 0.91 to 1.05 us per page on a first (checksum) visit, 1.5 to 1.65 us per page merged into
     * a KSM page (checksum included), 0.13 to 0.17 us per page already merged, 0.15 to 0.19 us per page skipped
     * by smart scan, 2.6 to 2.8 us per unique page re-inserted into an unstable tree of 20,000 to 100,000
     * pages (14 to 17 levels: about 110 ns each; a dup visited in a chain walk an eighth of that). A wake-up at
     * pages_to_scan 1 cost ksmd 8 to 12 us of CPU at sleep_millisecs 1 to 20, and came 0 to 0.13 ms after its
     * tick-rounded sleep; the wake-up lateness fitted to the reference phases (ScanCostCalibrator) is 0.26 ms on
     * the quiet machine and 0.73 ms on the machine of the shared kernel-reference.json: 0.3 ms. A machine loaded by other work (load average 5 to 12) measured two to three times
     * these costs for everything but the checksum: the Calibrate action fits them to the user's machine.
     */
    public static final CostModel THIS_MACHINE = new CostModel(250, 300_000, 11_000, 160, 150, 1_000, 110, 450,
            /* walk terms (rmap extension, docs/cost-model.md): 25 ns anon_vma lock per rmap item, 78 ns per PTE
               update, no IPI (the mm was idle), no KVM; with the fixed terms of WalkCostModel, migrating one KSM
               page costs 44.6 us + 301 ns per PTE: 0.12 ms at 256 PTEs, 316 ms at 1,048,576 (measured 0.11, 346) */
            25, 78, 0, 0, 60);

    /**
     * The KVM host of the 2016 linux-mm thread (rmap extension, docs/cost-model.md): HZ=1000, 100 ns anon_vma
     * lock, 200 ns PTE update, 3 us per TLB-flush IPI (the target CPU runs a guest: VM exit and ack), 5 us per
     * KVM MMU-notifier invalidation. A guest mapping on another CPU costs 11.35 us to unmap (two IPIs: host TLB
     * and KVM remote flush) and 0.42 us to restore, so one walk of a 256-mapping dup takes about 2.9 ms, its
     * migration about 3.1 ms, and migrating a page with 6.3 million such mappings about 74 s. Its ksmd terms are
     * not measured (20 us per wake-up, 40, 150, 700, 150 and 1,000 ns: a faster ksmd than {@link #THIS_MACHINE}'s).
     */
    public static final CostModel KVM_HOST_2016 = new CostModel(1000, 600_000, 20_000, 40, 150, 700, 150, 1_000, 100, 200,
            3_000, 5_000, 60);

    public CostModel {
        ScenarioException.check(hz >= 1 && hz <= 10_000, "costModel.hz", hz, "must be 1..10000");
        ScenarioException.check(wakeupLatencyNanos >= 0, "costModel.wakeupLatencyNanos", wakeupLatencyNanos,
                "must be >= 0");
        ScenarioException.check(wakeupCpuNanos >= 0, "costModel.wakeupCpuNanos", wakeupCpuNanos, "must be >= 0");
        ScenarioException.check(skipPageNanos >= 0 && ksmPageVisitNanos >= 0 && checksumNanos >= 0
                && treeSearchNanos >= 0 && mergeNanos >= 0, "costModel.ksmd costs", "negative",
                "ksmd costs must be >= 0");
        ScenarioException.check(walkItemNanos >= 0 && walkPteNanos >= 0 && tlbIpiNanos >= 0 && mmuNotifierNanos >= 0
                && copyPageNanosPerDistance >= 0, "costModel.walk costs", "negative", "walk costs must be >= 0");
    }

    /** These costs on a kernel with another tick rate (CONFIG_HZ). */
    public CostModel withHz(int ticksPerSecond) {
        return new CostModel(ticksPerSecond, wakeupLatencyNanos, wakeupCpuNanos, skipPageNanos, ksmPageVisitNanos, checksumNanos,
                treeSearchNanos, mergeNanos, walkItemNanos, walkPteNanos, tlbIpiNanos, mmuNotifierNanos,
                copyPageNanosPerDistance);
    }

    /** Length of one scheduler tick in nanoseconds. */
    public long tickNanos() {
        return 1_000_000_000L / hz;
    }
}
