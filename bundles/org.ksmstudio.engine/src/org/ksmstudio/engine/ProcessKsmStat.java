package org.ksmstudio.engine;

/**
 * /proc/PID/ksm_stat of one process (ksm_merging_pages is also /proc/PID/ksm_merging_pages).
 *
 * @param exited whether the process has exited (its mm may still be on ksmd's list)
 */
public record ProcessKsmStat(int pid, String name, long ksmRmapItems, long ksmZeroPages, long ksmMergingPages,
        long ksmProcessProfit, boolean ksmMergeAny, boolean ksmMergeable, boolean exited) {

    /** The ksm_stat fields by name. */
    public static final java.util.List<String> FIELDS = java.util.List.of("ksm_rmap_items", "ksm_zero_pages",
            "ksm_merging_pages", "ksm_process_profit", "ksm_merge_any", "ksm_mergeable");

    /** A field by its ksm_stat name (booleans as 0/1); throws IllegalArgumentException for other names. */
    public long value(String field) {
        return switch (field) {
            case "ksm_rmap_items" -> ksmRmapItems;
            case "ksm_zero_pages" -> ksmZeroPages;
            case "ksm_merging_pages" -> ksmMergingPages;
            case "ksm_process_profit" -> ksmProcessProfit;
            case "ksm_merge_any" -> ksmMergeAny ? 1 : 0;
            case "ksm_mergeable" -> ksmMergeable ? 1 : 0;
            default -> throw new IllegalArgumentException("not a ksm_stat field: " + field);
        };
    }
}
