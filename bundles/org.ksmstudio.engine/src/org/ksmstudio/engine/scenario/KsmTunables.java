package org.ksmstudio.engine.scenario;

/**
 * The writable files of /sys/kernel/mm/ksm at the start of a run, kernel defaults in {@link #DEFAULTS}.
 * Values are the numbers written to sysfs (milliseconds, pages, percent, seconds as in sysfs).
 * Range rules (EINVAL/EBUSY) are applied by the engine when tunables are written while it runs;
 * here values must only be within the kernel's accepted ranges.
 *
 * @param run                           0 stop, 1 merge, 2 unmerge
 * @param pagesToScan                   pages per ksmd wake-up
 * @param sleepMillisecs                ksmd sleep between wake-ups, ms
 * @param mergeAcrossNodes              1 one tree for all nodes, 0 per-node trees
 * @param maxPageSharing                limit of mappings per KSM page (&gt;= 2)
 * @param stableNodeChainsPruneMillisecs ms between prunes of a chain's stale dups
 * @param useZeroPages                  merge zero pages with the shared zero page
 * @param smartScan                     skip pages that did not merge recently
 * @param advisorMode                   none or scan-time
 * @param advisorMaxCpu                 percent
 * @param advisorMinPagesToScan         pages_to_scan when scan-time is selected
 * @param advisorMaxPagesToScan         cap
 * @param advisorTargetScanTime         seconds (&gt;= 1)
 */
public record KsmTunables(int run, long pagesToScan, long sleepMillisecs, int mergeAcrossNodes, int maxPageSharing,
        long stableNodeChainsPruneMillisecs, boolean useZeroPages, boolean smartScan, AdvisorMode advisorMode,
        long advisorMaxCpu, long advisorMinPagesToScan, long advisorMaxPagesToScan, long advisorTargetScanTime) {

    /** The kernel's defaults (run=0). */
    public static final KsmTunables DEFAULTS = new KsmTunables(0, 100, 20, 1, 256, 2000, false, true,
            AdvisorMode.NONE, 70, 500, 30000, 200);

    private static final long UINT_MAX = 0xffff_ffffL;

    public KsmTunables {
        ScenarioException.check(run >= 0 && run <= 2, "tunables.run", run, "must be 0, 1 or 2");
        ScenarioException.check(pagesToScan >= 0 && pagesToScan <= UINT_MAX, "tunables.pages_to_scan", pagesToScan,
                "must be 0..4294967295");
        ScenarioException.check(sleepMillisecs >= 0 && sleepMillisecs <= UINT_MAX, "tunables.sleep_millisecs",
                sleepMillisecs, "must be 0..4294967295");
        ScenarioException.check(mergeAcrossNodes == 0 || mergeAcrossNodes == 1, "tunables.merge_across_nodes",
                mergeAcrossNodes, "must be 0 or 1");
        ScenarioException.check(maxPageSharing >= 2, "tunables.max_page_sharing", maxPageSharing, "must be >= 2");
        ScenarioException.check(stableNodeChainsPruneMillisecs >= 0 && stableNodeChainsPruneMillisecs <= UINT_MAX,
                "tunables.stable_node_chains_prune_millisecs", stableNodeChainsPruneMillisecs,
                "must be 0..4294967295");
        advisorMode = advisorMode == null ? AdvisorMode.NONE : advisorMode;
        ScenarioException.check(advisorMaxCpu >= 0, "tunables.advisor_max_cpu", advisorMaxCpu, "must be >= 0");
        ScenarioException.check(advisorMinPagesToScan >= 0, "tunables.advisor_min_pages_to_scan",
                advisorMinPagesToScan, "must be >= 0");
        ScenarioException.check(advisorMaxPagesToScan >= 0, "tunables.advisor_max_pages_to_scan",
                advisorMaxPagesToScan, "must be >= 0");
        ScenarioException.check(advisorTargetScanTime >= 1, "tunables.advisor_target_scan_time",
                advisorTargetScanTime, "must be >= 1");
    }

    public KsmTunables withRun(int value) {
        return new KsmTunables(value, pagesToScan, sleepMillisecs, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withPagesToScan(long value) {
        return new KsmTunables(run, value, sleepMillisecs, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withSleepMillisecs(long value) {
        return new KsmTunables(run, pagesToScan, value, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withMergeAcrossNodes(int value) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, value, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withMaxPageSharing(int value) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, mergeAcrossNodes, value,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withStableNodeChainsPruneMillisecs(long value) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, mergeAcrossNodes, maxPageSharing, value,
                useZeroPages, smartScan, advisorMode, advisorMaxCpu, advisorMinPagesToScan, advisorMaxPagesToScan,
                advisorTargetScanTime);
    }

    public KsmTunables withUseZeroPages(boolean value) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, value, smartScan, advisorMode, advisorMaxCpu, advisorMinPagesToScan,
                advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withSmartScan(boolean value) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, value, advisorMode, advisorMaxCpu,
                advisorMinPagesToScan, advisorMaxPagesToScan, advisorTargetScanTime);
    }

    public KsmTunables withAdvisor(AdvisorMode mode, long maxCpu, long minPages, long maxPages, long targetScanTime) {
        return new KsmTunables(run, pagesToScan, sleepMillisecs, mergeAcrossNodes, maxPageSharing,
                stableNodeChainsPruneMillisecs, useZeroPages, smartScan, mode, maxCpu, minPages, maxPages,
                targetScanTime);
    }
}
