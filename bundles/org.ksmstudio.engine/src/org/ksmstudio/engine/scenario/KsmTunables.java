package org.ksmstudio.engine.scenario;

import static org.ksmstudio.engine.sysfs.KsmSysfsFile.ADVISOR_MAX_CPU;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.ADVISOR_MODE;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.MAX_PAGE_SHARING;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.MERGE_ACROSS_NODES;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.PAGES_TO_SCAN;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.RUN;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.SLEEP_MILLISECS;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.SMART_SCAN;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.STABLE_NODE_CHAINS_PRUNE_MILLISECS;
import static org.ksmstudio.engine.sysfs.KsmSysfsFile.USE_ZERO_PAGES;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * The writable files of /sys/kernel/mm/ksm ({@link KsmSysfsFile#tunables()}) at the start of a run,
 * kernel defaults in {@link #DEFAULTS}. Values are the numbers written to sysfs (milliseconds, pages,
 * percent, seconds as in sysfs) and must be within what the kernel accepts for the file; the
 * state-dependent rules (EINVAL under the advisor, EBUSY while shared) apply to writes while it runs.
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

    /** The kernel's defaults (run=0): the defaults of {@link KsmSysfsFile}. */
    public static final KsmTunables DEFAULTS = new KsmTunables((int) def(RUN), def(PAGES_TO_SCAN),
            def(SLEEP_MILLISECS), (int) def(MERGE_ACROSS_NODES), (int) def(MAX_PAGE_SHARING),
            def(STABLE_NODE_CHAINS_PRUNE_MILLISECS), def(USE_ZERO_PAGES) == 1, def(SMART_SCAN) == 1,
            AdvisorMode.values()[(int) def(ADVISOR_MODE)], def(ADVISOR_MAX_CPU), def(ADVISOR_MIN_PAGES_TO_SCAN),
            def(ADVISOR_MAX_PAGES_TO_SCAN), def(ADVISOR_TARGET_SCAN_TIME));

    /** Every value within what the kernel accepts for its file ({@link KsmSysfsFile#parse(String)}). */
    public KsmTunables {
        advisorMode = advisorMode == null ? AdvisorMode.NONE : advisorMode;
        check(RUN, run);
        check(PAGES_TO_SCAN, pagesToScan);
        check(SLEEP_MILLISECS, sleepMillisecs);
        check(MERGE_ACROSS_NODES, mergeAcrossNodes);
        check(MAX_PAGE_SHARING, maxPageSharing);
        check(STABLE_NODE_CHAINS_PRUNE_MILLISECS, stableNodeChainsPruneMillisecs);
        check(ADVISOR_MAX_CPU, advisorMaxCpu);
        check(ADVISOR_MIN_PAGES_TO_SCAN, advisorMinPagesToScan);
        check(ADVISOR_MAX_PAGES_TO_SCAN, advisorMaxPagesToScan);
        check(ADVISOR_TARGET_SCAN_TIME, advisorTargetScanTime);
    }

    private static long def(KsmSysfsFile file) {
        return file.parse(file.defaultValue().orElseThrow()).value();
    }

    private static void check(KsmSysfsFile file, long value) {
        KsmSysfsFile.Parsed p = file.parse(Long.toString(value));
        ScenarioException.check(p.ok(), "tunables." + file.fileName(), value, p.reason());
    }

    /** The value of one tunable as {@link KsmSysfsFile#parse(String)} gives it (booleans 0/1, advisor_mode 0/1). */
    public long value(KsmSysfsFile file) {
        return switch (file) {
            case RUN -> run;
            case PAGES_TO_SCAN -> pagesToScan;
            case SLEEP_MILLISECS -> sleepMillisecs;
            case MERGE_ACROSS_NODES -> mergeAcrossNodes;
            case MAX_PAGE_SHARING -> maxPageSharing;
            case STABLE_NODE_CHAINS_PRUNE_MILLISECS -> stableNodeChainsPruneMillisecs;
            case USE_ZERO_PAGES -> useZeroPages ? 1 : 0;
            case SMART_SCAN -> smartScan ? 1 : 0;
            case ADVISOR_MODE -> advisorMode.ordinal();
            case ADVISOR_MAX_CPU -> advisorMaxCpu;
            case ADVISOR_MIN_PAGES_TO_SCAN -> advisorMinPagesToScan;
            case ADVISOR_MAX_PAGES_TO_SCAN -> advisorMaxPagesToScan;
            case ADVISOR_TARGET_SCAN_TIME -> advisorTargetScanTime;
            default -> throw new IllegalArgumentException(file + ": a counter, not a tunable");
        };
    }

    /** The value of one tunable as written to its file ("none", "1", "256"). */
    public String written(KsmSysfsFile file) {
        long v = value(file);
        return file.isText() ? KsmSysfsFile.modeName(v) : Long.toString(v);
    }

    /** These tunables with one of them set to a value as {@link KsmSysfsFile#parse(String)} gives it. */
    public KsmTunables with(KsmSysfsFile file, long value) {
        return switch (file) {
            case RUN -> withRun((int) value);
            case PAGES_TO_SCAN -> withPagesToScan(value);
            case SLEEP_MILLISECS -> withSleepMillisecs(value);
            case MERGE_ACROSS_NODES -> withMergeAcrossNodes((int) value);
            case MAX_PAGE_SHARING -> withMaxPageSharing((int) value);
            case STABLE_NODE_CHAINS_PRUNE_MILLISECS -> withStableNodeChainsPruneMillisecs(value);
            case USE_ZERO_PAGES -> withUseZeroPages(value == 1);
            case SMART_SCAN -> withSmartScan(value == 1);
            case ADVISOR_MODE -> withAdvisor(AdvisorMode.values()[(int) value], advisorMaxCpu, advisorMinPagesToScan,
                    advisorMaxPagesToScan, advisorTargetScanTime);
            case ADVISOR_MAX_CPU -> withAdvisor(advisorMode, value, advisorMinPagesToScan, advisorMaxPagesToScan,
                    advisorTargetScanTime);
            case ADVISOR_MIN_PAGES_TO_SCAN -> withAdvisor(advisorMode, advisorMaxCpu, value, advisorMaxPagesToScan,
                    advisorTargetScanTime);
            case ADVISOR_MAX_PAGES_TO_SCAN -> withAdvisor(advisorMode, advisorMaxCpu, advisorMinPagesToScan, value,
                    advisorTargetScanTime);
            case ADVISOR_TARGET_SCAN_TIME -> withAdvisor(advisorMode, advisorMaxCpu, advisorMinPagesToScan,
                    advisorMaxPagesToScan, value);
            default -> throw new IllegalArgumentException(file + ": a counter, not a tunable");
        };
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
