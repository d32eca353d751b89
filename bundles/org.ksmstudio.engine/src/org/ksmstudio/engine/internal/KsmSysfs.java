package org.ksmstudio.engine.internal;

import java.util.Optional;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.SysfsResult.Outcome;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * The files of /sys/kernel/mm/ksm on an engine: writes answered by the rules of {@link KsmSysfsFile}
 * (EINVAL, ERANGE, EBUSY, EACCES for counters, ENOENT) and then applied with the store functions'
 * side effects, reads as the kernel prints them, and a tunables record written at start-up. The
 * run's patch's own files ({@link PatchSysfsFile}) are read and written here too.
 */
final class KsmSysfs {

    private KsmSysfs() {
    }

    /**
     * Writes a tunables record through sysfs in {@link KsmSysfsFile#writeOrder()} (run last);
     * pages_to_scan is left to the scan-time advisor when it runs.
     */
    static void apply(KsmEngine e, KsmTunables t) {
        for (KsmSysfsFile file : KsmSysfsFile.writeOrder()) {
            if (file.refusedUnderAdvisor() && e.advisor != AdvisorMode.NONE) {
                continue;
            }
            String value = t.written(file);
            SysfsResult r = write(e, file.fileName(), value);
            if (!r.ok()) {
                throw new ScenarioException("tunables." + file.fileName(), value, r.message());
            }
        }
    }

    /** Writes a /sys/kernel/mm/ksm file with the kernel's parsing and outcomes. */
    static SysfsResult write(KsmEngine e, String name, String value) {
        String v = value == null ? "" : value;
        Optional<KsmSysfsFile> found = KsmSysfsFile.byName(name);
        if (found.isEmpty()) {
            return writePatchFile(e, name, v);
        }
        KsmSysfsFile file = found.get();
        KsmSysfsFile.Parsed p = file.check(v, file.writable() ? e.counters().value(file) : 0,
                e.advisor != AdvisorMode.NONE, () -> e.items.pagesShared() != 0 || e.stable.removeAllStableNodes());
        if (!p.ok()) {
            return fail(p.outcome(), name, v, p.reason());
        }
        store(e, file, p.value());
        return new SysfsResult(Outcome.OK, name, v, "");
    }

    /** A write of one of the patch's files: its tunables take a value in their range, its counters are EACCES. */
    private static SysfsResult writePatchFile(KsmEngine e, String name, String v) {
        PatchSysfsFile file = e.seams.file(name);
        if (file == null) {
            return fail(Outcome.ENOENT, name, v, "no such file in /sys/kernel/mm/ksm");
        }
        KsmSysfsFile.Parsed p = file.parse(v);
        if (!p.ok()) {
            return fail(p.outcome(), name, v, p.reason());
        }
        e.seams.store(file, p.value());
        return new SysfsResult(Outcome.OK, name, v, "");
    }

    /** The store functions' effects of an accepted value (run_store, advisor_mode_store, ...). */
    private static void store(KsmEngine e, KsmSysfsFile file, long n) {
        switch (file) {
            case RUN -> storeRun(e, (int) n);
            case PAGES_TO_SCAN -> e.pagesToScan = n;
            case SLEEP_MILLISECS -> {
                boolean changed = n != e.sleepMillisecs;
                e.sleepMillisecs = n;
                if (changed) {
                    e.clock.interruptSleep();
                }
            }
            case MERGE_ACROSS_NODES -> e.mergeAcrossNodes = (int) n;
            case MAX_PAGE_SHARING -> e.maxPageSharing = (int) n;
            case STABLE_NODE_CHAINS_PRUNE_MILLISECS -> e.pruneMillisecs = n;
            case USE_ZERO_PAGES -> e.useZeroPages = n == 1;
            case SMART_SCAN -> e.smartScan = n == 1;
            case ADVISOR_MODE -> storeAdvisorMode(e, AdvisorMode.values()[(int) n]);
            case ADVISOR_MAX_CPU -> e.advisorMaxCpu = n & KsmSysfsFile.UINT_MAX;
            case ADVISOR_MIN_PAGES_TO_SCAN -> e.advisorMinPages = n;
            case ADVISOR_MAX_PAGES_TO_SCAN -> e.advisorMaxPages = n;
            case ADVISOR_TARGET_SCAN_TIME -> e.advisorTarget = n;
            default -> throw new IllegalStateException(file + " is read-only");
        }
    }

    /** run_store: 2 unmerges everything, 1 wakes ksmd, 0 lets it finish its sleep and wait. */
    private static void storeRun(KsmEngine e, int nv) {
        if (e.run != nv) {
            e.run = nv;
            if ((nv & 2) != 0) {
                e.unmergeAndRemoveAllRmapItems();
            }
        }
        if ((nv & 1) != 0) {
            e.wakeThreadWait();
        } else if (!e.shouldRun()) {
            // ksmd finishes its sleep, finds nothing to do and waits
            e.clock.waitForWork();
        }
    }

    /** advisor_mode_store: none restores pages_to_scan 100, scan-time starts from advisor_min_pages_to_scan. */
    private static void storeAdvisorMode(KsmEngine e, AdvisorMode m) {
        if (m == e.advisor) {
            return;
        }
        e.advisor = m;
        if (m == AdvisorMode.NONE) {
            e.pagesToScan = Long.parseLong(KsmSysfsFile.PAGES_TO_SCAN.defaultValue().orElseThrow());
        } else {
            e.advStartScan = 0;
            e.advContext = ScanTimeAdvisor.Context.ZERO;
            e.pagesToScan = e.advisorMinPages & KsmSysfsFile.UINT_MAX;
        }
    }

    private static SysfsResult fail(Outcome o, String file, String value, String why) {
        return new SysfsResult(o, file, value, file + " = " + value + ": " + o + " (" + why + ")");
    }

    /** Reads a /sys/kernel/mm/ksm file as the kernel prints it (without the newline). */
    static String read(KsmEngine e, String name) {
        Optional<KsmSysfsFile> file = KsmSysfsFile.byName(name);
        if (file.isEmpty() && e.seams.file(name) == null) {
            throw new IllegalArgumentException("file = " + name + ": no such file in /sys/kernel/mm/ksm");
        }
        KsmCounters c = e.counters();
        return file.isPresent() ? file.get().print(c.value(file.get())) : Long.toString(c.value(name));
    }
}
