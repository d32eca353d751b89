package org.ksmstudio.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every value of /sys/kernel/mm/ksm at one simulated instant, with the kernel's definitions.
 * {@link #asSysfsMap()} gives them under their sysfs names, in the kernel's attribute order.
 */
public record KsmCounters(long pagesScanned, long pagesShared, long pagesSharing, long pagesUnshared,
        long pagesVolatile, long pagesSkipped, long ksmZeroPages, long fullScans, long stableNodeChains,
        long stableNodeDups, long generalProfit, long run, long pagesToScan, long sleepMillisecs,
        long mergeAcrossNodes, long maxPageSharing, long stableNodeChainsPruneMillisecs, long useZeroPages,
        long smartScan, String advisorMode, long advisorMaxCpu, long advisorMinPagesToScan,
        long advisorMaxPagesToScan, long advisorTargetScanTime) {

    /** The sysfs names of the read-only counters, in the order of {@link #asSysfsMap()}. */
    public static final String[] COUNTER_NAMES = { "pages_scanned", "pages_shared", "pages_sharing",
            "pages_unshared", "pages_volatile", "pages_skipped", "ksm_zero_pages", "full_scans", "stable_node_chains",
            "stable_node_dups", "general_profit" };

    /** name → value as sysfs prints it (advisor_mode as "[none] scan-time"). */
    public Map<String, String> asSysfsMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sleep_millisecs", Long.toString(sleepMillisecs));
        m.put("pages_to_scan", Long.toString(pagesToScan));
        m.put("run", Long.toString(run));
        m.put("pages_scanned", Long.toString(pagesScanned));
        m.put("pages_shared", Long.toString(pagesShared));
        m.put("pages_sharing", Long.toString(pagesSharing));
        m.put("pages_unshared", Long.toString(pagesUnshared));
        m.put("pages_volatile", Long.toString(pagesVolatile));
        m.put("pages_skipped", Long.toString(pagesSkipped));
        m.put("ksm_zero_pages", Long.toString(ksmZeroPages));
        m.put("full_scans", Long.toString(fullScans));
        m.put("merge_across_nodes", Long.toString(mergeAcrossNodes));
        m.put("max_page_sharing", Long.toString(maxPageSharing));
        m.put("stable_node_chains", Long.toString(stableNodeChains));
        m.put("stable_node_dups", Long.toString(stableNodeDups));
        m.put("stable_node_chains_prune_millisecs", Long.toString(stableNodeChainsPruneMillisecs));
        m.put("use_zero_pages", Long.toString(useZeroPages));
        m.put("general_profit", Long.toString(generalProfit));
        m.put("smart_scan", Long.toString(smartScan));
        m.put("advisor_mode", "scan-time".equals(advisorMode) ? "none [scan-time]" : "[none] scan-time");
        m.put("advisor_max_cpu", Long.toString(advisorMaxCpu));
        m.put("advisor_min_pages_to_scan", Long.toString(advisorMinPagesToScan));
        m.put("advisor_max_pages_to_scan", Long.toString(advisorMaxPagesToScan));
        m.put("advisor_target_scan_time", Long.toString(advisorTargetScanTime));
        return m;
    }

    /** A numeric value by sysfs name (advisor_mode: 0 none, 1 scan-time); throws for unknown names. */
    public long value(String sysfsName) {
        return switch (sysfsName) {
            case "pages_scanned" -> pagesScanned;
            case "pages_shared" -> pagesShared;
            case "pages_sharing" -> pagesSharing;
            case "pages_unshared" -> pagesUnshared;
            case "pages_volatile" -> pagesVolatile;
            case "pages_skipped" -> pagesSkipped;
            case "ksm_zero_pages" -> ksmZeroPages;
            case "full_scans" -> fullScans;
            case "stable_node_chains" -> stableNodeChains;
            case "stable_node_dups" -> stableNodeDups;
            case "general_profit" -> generalProfit;
            case "run" -> run;
            case "pages_to_scan" -> pagesToScan;
            case "sleep_millisecs" -> sleepMillisecs;
            case "merge_across_nodes" -> mergeAcrossNodes;
            case "max_page_sharing" -> maxPageSharing;
            case "stable_node_chains_prune_millisecs" -> stableNodeChainsPruneMillisecs;
            case "use_zero_pages" -> useZeroPages;
            case "smart_scan" -> smartScan;
            case "advisor_mode" -> "scan-time".equals(advisorMode) ? 1 : 0;
            case "advisor_max_cpu" -> advisorMaxCpu;
            case "advisor_min_pages_to_scan" -> advisorMinPagesToScan;
            case "advisor_max_pages_to_scan" -> advisorMaxPagesToScan;
            case "advisor_target_scan_time" -> advisorTargetScanTime;
            default -> throw new IllegalArgumentException("no such ksm sysfs file: " + sysfsName);
        };
    }
}
