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
        RmapItems items = e.items;
        long zero = e.slots.ksmZeroPages();
        return new KsmCounters(e.pagesScanned(), items.pagesShared(), items.pagesSharing(), items.pagesUnshared(),
                pagesVolatile(items), items.pagesSkipped(), zero, e.scan.seqnr(), e.sn.chains(), e.sn.dups(),
                profit(e, items.pagesSharing(), zero, items.rmapItems()),
                e.run, e.pagesToScan, e.sleepMillisecs, e.mergeAcrossNodes, e.maxPageSharing, e.pruneMillisecs,
                e.useZeroPages ? 1 : 0, e.smartScan ? 1 : 0, e.advisor.sysfsName(), e.advisorMaxCpu, e.advisorMinPages,
                e.advisorMaxPages, e.advisorTarget, e.seams.values());
    }

    /** pages_volatile: rmap items neither in a tree nor sharing (pages_volatile_show) */
    private static long pagesVolatile(RmapItems items) {
        return Math.max(0,
                items.rmapItems() - items.pagesShared() - items.pagesSharing() - items.pagesUnshared());
    }

    /** general_profit_show / ksm_process_profit: pages saved, less the rmap items' memory. */
    private static long profit(KsmEngine e, long merged, long zero, long rmapItems) {
        return (merged + zero) * e.pageSize - rmapItems * KsmEngine.RMAP_ITEM_SIZE;
    }

    /** The counters a convergence check compares (pages_* except scanned/skipped, zero pages, chains, dups, profit). */
    static long[] convergenceSignature(KsmEngine e) {
        long[] sig = new long[SIGNATURE_LENGTH];
        updateSignature(e, sig);
        return sig;
    }

    /** Length of {@link #convergenceSignature}. */
    static final int SIGNATURE_LENGTH = 8;

    /**
     * Changes of the counters of {@link #convergenceSignature} so far, only ever growing: while it stays the
     * same, so does the signature (the per-page check of a batch compares the signature only when it moved).
     */
    static long counterWrites(KsmEngine e) {
        return e.items.counterWrites() + e.sn.counterWrites() + e.slots.counterWrites();
    }

    /** Writes the convergence signature into {@code sig} (no allocation); returns whether it changed. */
    static boolean updateSignature(KsmEngine e, long[] sig) {
        RmapItems items = e.items;
        boolean changed = false;
        changed |= set(sig, 0, items.pagesShared());
        changed |= set(sig, 1, items.pagesSharing());
        changed |= set(sig, 2, items.pagesUnshared());
        changed |= set(sig, 3, pagesVolatile(items));
        changed |= set(sig, 4, e.sn.chains());
        changed |= set(sig, 5, e.sn.dups());
        changed |= set(sig, 6, e.slots.ksmZeroPages());
        changed |= set(sig, 7, items.rmapItems());
        return changed;
    }

    private static boolean set(long[] sig, int i, long value) {
        boolean changed = sig[i] != value;
        sig[i] = value;
        return changed;
    }

    /** /proc/PID/ksm_stat of every process in creation order. */
    static List<ProcessKsmStat> processStats(KsmEngine e) {
        List<ProcessKsmStat> list = new ArrayList<>();
        for (Mm mm : e.mms.all()) {
            long items = e.items.rmapItems(mm.index);
            long zero = e.slots.ksmZeroPages(mm.index);
            long merging = e.items.mergingPages(mm.index);
            list.add(new ProcessKsmStat(mm.pid, mm.name, items, zero, merging, profit(e, merging, zero, items),
                    mm.mergeAny, !mm.exiting && mm.anyMergeable(), mm.exiting));
        }
        return list;
    }
}
