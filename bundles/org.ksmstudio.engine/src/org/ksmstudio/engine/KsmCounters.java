package org.ksmstudio.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * Every value of /sys/kernel/mm/ksm at one simulated instant, with the kernel's definitions.
 * {@link #asSysfsMap()} gives them under their sysfs names; {@link KsmSysfsFile} defines each one.
 */
public record KsmCounters(long pagesScanned, long pagesShared, long pagesSharing, long pagesUnshared,
        long pagesVolatile, long pagesSkipped, long ksmZeroPages, long fullScans, long stableNodeChains,
        long stableNodeDups, long generalProfit, long run, long pagesToScan, long sleepMillisecs,
        long mergeAcrossNodes, long maxPageSharing, long stableNodeChainsPruneMillisecs, long useZeroPages,
        long smartScan, String advisorMode, long advisorMaxCpu, long advisorMinPagesToScan,
        long advisorMaxPagesToScan, long advisorTargetScanTime) {

    /** The sysfs names of the read-only counters, in the table's order ({@link KsmSysfsFile#counters()}). */
    public static final String[] COUNTER_NAMES = KsmSysfsFile.counters().stream().map(KsmSysfsFile::fileName)
            .toArray(String[]::new);

    /** name → value as sysfs prints it (advisor_mode as "[none] scan-time"), every file of the table in its order. */
    public Map<String, String> asSysfsMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (KsmSysfsFile file : KsmSysfsFile.values()) {
            m.put(file.fileName(), file.print(value(file)));
        }
        return m;
    }

    /** A numeric value by sysfs name (advisor_mode: 0 none, 1 scan-time); throws for unknown names. */
    public long value(String sysfsName) {
        return value(KsmSysfsFile.byName(sysfsName)
                .orElseThrow(() -> new IllegalArgumentException("no such ksm sysfs file: " + sysfsName)));
    }

    /** The value of one file of the table (advisor_mode: 0 none, 1 scan-time). */
    public long value(KsmSysfsFile file) {
        return switch (file) {
            case PAGES_SCANNED -> pagesScanned;
            case PAGES_SHARED -> pagesShared;
            case PAGES_SHARING -> pagesSharing;
            case PAGES_UNSHARED -> pagesUnshared;
            case PAGES_VOLATILE -> pagesVolatile;
            case PAGES_SKIPPED -> pagesSkipped;
            case KSM_ZERO_PAGES -> ksmZeroPages;
            case FULL_SCANS -> fullScans;
            case STABLE_NODE_CHAINS -> stableNodeChains;
            case STABLE_NODE_DUPS -> stableNodeDups;
            case GENERAL_PROFIT -> generalProfit;
            case RUN -> run;
            case PAGES_TO_SCAN -> pagesToScan;
            case SLEEP_MILLISECS -> sleepMillisecs;
            case MERGE_ACROSS_NODES -> mergeAcrossNodes;
            case MAX_PAGE_SHARING -> maxPageSharing;
            case STABLE_NODE_CHAINS_PRUNE_MILLISECS -> stableNodeChainsPruneMillisecs;
            case USE_ZERO_PAGES -> useZeroPages;
            case SMART_SCAN -> smartScan;
            case ADVISOR_MODE -> KsmSysfsFile.ADVISOR_MODE.toNumber(advisorMode);
            case ADVISOR_MAX_CPU -> advisorMaxCpu;
            case ADVISOR_MIN_PAGES_TO_SCAN -> advisorMinPagesToScan;
            case ADVISOR_MAX_PAGES_TO_SCAN -> advisorMaxPagesToScan;
            case ADVISOR_TARGET_SCAN_TIME -> advisorTargetScanTime;
        };
    }
}
