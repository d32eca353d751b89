package org.ksmstudio.engine;

/**
 * /proc/PID/ksm_stat of one process (ksm_merging_pages is also /proc/PID/ksm_merging_pages).
 *
 * @param exited whether the process has exited (its mm may still be on ksmd's list)
 */
public record ProcessKsmStat(int pid, String name, long ksmRmapItems, long ksmZeroPages, long ksmMergingPages,
        long ksmProcessProfit, boolean ksmMergeAny, boolean ksmMergeable, boolean exited) {
}
