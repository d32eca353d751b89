package org.ksmstudio.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsRow;

/**
 * Every value of /sys/kernel/mm/ksm at one simulated instant, with the kernel's definitions, and
 * the values of the run's patch's own files ({@link #patchValues()}, after the kernel's).
 * {@link #asSysfsMap()} gives them under their sysfs names; {@link KsmSysfsFile} defines each one.
 */
public record KsmCounters(long pagesScanned, long pagesShared, long pagesSharing, long pagesUnshared,
        long pagesVolatile, long pagesSkipped, long ksmZeroPages, long fullScans, long stableNodeChains,
        long stableNodeDups, long generalProfit, long run, long pagesToScan, long sleepMillisecs,
        long mergeAcrossNodes, long maxPageSharing, long stableNodeChainsPruneMillisecs, long useZeroPages,
        long smartScan, String advisorMode, long advisorMaxCpu, long advisorMinPagesToScan,
        long advisorMaxPagesToScan, long advisorTargetScanTime, List<PatchValue> patchValues) {

    /** The sysfs names of the read-only counters, in the table's order ({@link KsmSysfsFile#counters()}). */
    public static final String[] COUNTER_NAMES = KsmSysfsFile.counters().stream().map(KsmSysfsFile::fileName)
            .toArray(String[]::new);

    /** The patch's files in their order after the kernel's (none when the run has no patch files). */
    public KsmCounters {
        patchValues = List.copyOf(patchValues);
    }

    /**
     * name → value as sysfs prints it (advisor_mode as "[none] scan-time"), every file of the table in
     * its order, then the patch's files.
     */
    public Map<String, String> asSysfsMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (KsmSysfsFile file : KsmSysfsFile.values()) {
            m.put(file.fileName(), file.print(value(file)));
        }
        for (PatchValue p : patchValues) {
            m.put(p.file().fileName(), p.file().print(p.value()));
        }
        return m;
    }

    /** Every row of this run's sysfs table: the kernel's files, then the patch's. */
    public List<SysfsRow> rows() {
        List<SysfsRow> rows = new ArrayList<>(List.of(KsmSysfsFile.values()));
        patchValues.forEach(p -> rows.add(p.file()));
        return rows;
    }

    /** A numeric value by sysfs name, a patch's file too (advisor_mode: 0 none, 1 scan-time); throws for unknown names. */
    public long value(String sysfsName) {
        Optional<KsmSysfsFile> file = KsmSysfsFile.byName(sysfsName);
        if (file.isPresent()) {
            return value(file.get());
        }
        for (PatchValue p : patchValues) {
            if (p.file().fileName().equals(sysfsName)) {
                return p.value();
            }
        }
        throw new IllegalArgumentException("no such ksm sysfs file: " + sysfsName);
    }

    /** The value of a row of the table (a kernel file or one of the patch's). */
    public long value(SysfsRow row) {
        return row instanceof KsmSysfsFile file ? value(file) : value(row.fileName());
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
