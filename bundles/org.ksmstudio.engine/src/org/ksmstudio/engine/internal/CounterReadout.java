package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.ProcessKsmStat;

/**
 * The counters of /sys/kernel/mm/ksm and /proc/PID/ksm_stat, derived from an engine's counts
 * with the kernel's definitions (pages_volatile, general_profit, ksm_process_profit).
 */
final class CounterReadout {
    private CounterReadout() {
    }

    /** Every sysfs value now. */
    static KsmCounters counters(KsmEngine e) {
        long vol = e.rmapItems - e.pagesShared - e.pagesSharing - e.pagesUnshared;
        long profit = (e.pagesSharing + e.zeroPages) * e.pageSize - e.rmapItems * KsmEngine.RMAP_ITEM_SIZE;
        return new KsmCounters(e.pagesScanned, e.pagesShared, e.pagesSharing, e.pagesUnshared, Math.max(0, vol),
                e.smart.pagesSkipped, e.zeroPages, e.seqnr, e.stable.chains, e.stable.dups, profit,
                e.run, e.pagesToScan, e.sleepMillisecs, e.mergeAcrossNodes, e.maxPageSharing, e.pruneMillisecs,
                e.useZeroPages ? 1 : 0, e.smartScan ? 1 : 0, e.advisor.sysfsName(), e.advisorMaxCpu, e.advisorMinPages,
                e.advisorMaxPages, e.advisorTarget);
    }

    /** The counters a convergence check compares (pages_* except scanned/skipped, zero pages, chains, dups, profit). */
    static long[] convergenceSignature(KsmEngine e) {
        long vol = Math.max(0, e.rmapItems - e.pagesShared - e.pagesSharing - e.pagesUnshared);
        return new long[] { e.pagesShared, e.pagesSharing, e.pagesUnshared, vol, e.stable.chains, e.stable.dups,
            e.zeroPages, e.rmapItems };
    }

    /** /proc/PID/ksm_stat of every process in creation order. */
    static List<ProcessKsmStat> processStats(KsmEngine e) {
        List<ProcessKsmStat> list = new ArrayList<>();
        for (Mm mm : e.mms) {
            long profit = (mm.mergingPages + mm.zeroPages) * e.pageSize - mm.rmapItems * KsmEngine.RMAP_ITEM_SIZE;
            list.add(new ProcessKsmStat(mm.pid, mm.name, mm.rmapItems, mm.zeroPages, mm.mergingPages, profit,
                    mm.mergeAny, !mm.exiting && mm.anyMergeable(), mm.exiting));
        }
        return list;
    }
}
