package org.ksmstudio.engine.sysfs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.SysfsResult.Outcome;

/**
 * The one table of /sys/kernel/mm/ksm (mm/ksm.c's {@code ksm_attrs}): every file with its kind,
 * the kernel's default, the values it accepts and the errno it answers otherwise, the first kernel
 * version that has it, its unit and a one-line meaning. The engine's sysfs, model validation, the
 * live reader and writer, the views and the exported scripts are all driven by it: a new file is a
 * new row here plus its behaviour in the engine.
 *
 * <p>The tunables are declared in an order the kernel accepts them from any state (see
 * {@link #writeOrder()}), the counters after them in the order of the Counters view.</p>
 */
public enum KsmSysfsFile implements SysfsRow {
    /** Written while pages are shared they answer EBUSY: they come right after an unmerge. */
    MAX_PAGE_SHARING("max_page_sharing", Format.INT, 2, Integer.MAX_VALUE, "256", "4.13", "mappings",
            "Most mappings of one KSM page; a fuller page gets a new dup in its stable node chain"),
    MERGE_ACROSS_NODES("merge_across_nodes", Format.ULONG, 0, 1, "1", "3.9", "",
            "1 merges pages of every NUMA node into one tree, 0 keeps one stable and unstable tree per node"),
    SLEEP_MILLISECS("sleep_millisecs", Format.UINT, 0, 0xffff_ffffL, "20", "2.6.32", "ms",
            "How long ksmd sleeps between two batches of pages_to_scan pages"),
    PAGES_TO_SCAN("pages_to_scan", Format.UINT, 0, 0xffff_ffffL, "100", "2.6.32", "pages",
            "Pages ksmd scans per wake-up (refused with EINVAL while the scan-time advisor runs)"),
    STABLE_NODE_CHAINS_PRUNE_MILLISECS("stable_node_chains_prune_millisecs", Format.UINT, 0, 0xffff_ffffL, "2000",
            "4.13", "ms", "How often a walk of a stable node chain frees its stale dups"),
    USE_ZERO_PAGES("use_zero_pages", Format.BOOL, 0, 1, "0", "4.11", "",
            "1 merges empty pages with the kernel's zero page instead of with each other"),
    SMART_SCAN("smart_scan", Format.BOOL, 0, 1, "1", "6.7", "",
            "1 skips pages that did not merge on earlier scans, for more scans the more often they failed"),
    ADVISOR_MAX_CPU("advisor_max_cpu", Format.ULONG, 0, Long.MAX_VALUE, "70", "6.8", "% of a CPU",
            "Most CPU the scan-time advisor lets ksmd use"),
    ADVISOR_MIN_PAGES_TO_SCAN("advisor_min_pages_to_scan", Format.ULONG, 0, Long.MAX_VALUE, "500", "6.8", "pages",
            "pages_to_scan when the scan-time advisor starts (a start value, not a floor)"),
    ADVISOR_MAX_PAGES_TO_SCAN("advisor_max_pages_to_scan", Format.ULONG, 0, Long.MAX_VALUE, "30000", "6.8", "pages",
            "Largest pages_to_scan the scan-time advisor sets"),
    ADVISOR_TARGET_SCAN_TIME("advisor_target_scan_time", Format.ULONG, 1, Long.MAX_VALUE, "200", "6.8", "s",
            "How long a full scan should take under the scan-time advisor"),
    /** After its limits; switching it resets pages_to_scan (scan-time: to advisor_min_pages_to_scan). */
    ADVISOR_MODE("advisor_mode", Format.MODE, 0, 1, "none", "6.8", "",
            "none: pages_to_scan is set by hand; scan-time: the advisor sets it to reach advisor_target_scan_time"),
    /** Written last: 1 starts ksmd with everything else in place. */
    RUN("run", Format.UINT, 0, 2, "0", "2.6.32", "",
            "0 stops ksmd, 1 runs it, 2 stops it and unmerges every KSM page"),

    PAGES_SCANNED("pages_scanned", "6.6", "pages", "Pages ksmd has scanned since boot"),
    PAGES_SHARED("pages_shared", "2.6.32", "pages", "KSM pages in use (each backs two or more mappings)"),
    PAGES_SHARING("pages_sharing", "2.6.32", "pages", "Mappings of KSM pages beyond the first: pages saved"),
    PAGES_UNSHARED("pages_unshared", "2.6.32", "pages", "Unique pages checked repeatedly for merging"),
    PAGES_VOLATILE("pages_volatile", "2.6.32", "pages", "Pages changing too fast to be placed in a tree"),
    PAGES_SKIPPED("pages_skipped", "6.7", "pages", "Pages smart scan skipped"),
    KSM_ZERO_PAGES("ksm_zero_pages", "6.5", "pages", "Empty pages merged with the zero page (use_zero_pages=1)"),
    FULL_SCANS("full_scans", "2.6.32", "scans", "Times ksmd has scanned every mergeable area"),
    STABLE_NODE_CHAINS("stable_node_chains", "4.13", "chains",
            "Stable nodes that became chains because a page reached max_page_sharing"),
    STABLE_NODE_DUPS("stable_node_dups", "4.13", "stable nodes", "Dups: the KSM pages hanging off the chains"),
    GENERAL_PROFIT("general_profit", "6.4", "bytes",
            "Memory saved minus the rmap items' cost: pages_sharing and zero pages times page size, less rmap items");

    /** Largest value of an unsigned int file. */
    public static final long UINT_MAX = 0xffff_ffffL;

    private static final List<KsmSysfsFile> TUNABLES = Arrays.stream(values()).filter(KsmSysfsFile::writable)
            .toList();
    private static final List<KsmSysfsFile> COUNTERS = Arrays.stream(values()).filter(f -> !f.writable()).toList();
    private static final List<String> MODES = List.of("none", "scan-time");

    /** How the kernel parses a write ({@code kstrto*} and what the store function returns on error). */
    private enum Format {
        /** A read-only counter. */
        COUNTER,
        /** kstrtouint; any error is EINVAL. */
        UINT,
        /** kstrtoul; the error (EINVAL, ERANGE) is returned. */
        ULONG,
        /** kstrtoint; the error (EINVAL, ERANGE) is returned. */
        INT,
        /** kstrtobool; EINVAL. */
        BOOL,
        /** sysfs_streq against the modes; EINVAL. */
        MODE
    }

    private final String fileName;
    private final Format format;
    private final long min;
    private final long max;
    private final @Nullable String defaultValue;
    private final String since;
    private final String unit;
    private final String meaning;

    KsmSysfsFile(String fileName, Format format, long min, long max, @Nullable String defaultValue, String since, String unit,
            String meaning) {
        this.fileName = fileName;
        this.format = format;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.since = since;
        this.unit = unit;
        this.meaning = meaning;
    }

    KsmSysfsFile(String fileName, String since, String unit, String meaning) {
        this(fileName, Format.COUNTER, Long.MIN_VALUE, Long.MAX_VALUE, null, since, unit, meaning);
    }

    /** The file's name in /sys/kernel/mm/ksm. */
    @Override
    public String fileName() {
        return fileName;
    }

    /** Whether root may write it (a tunable) rather than only read it (a counter). */
    @Override
    public boolean writable() {
        return format != Format.COUNTER;
    }

    /** Whether the value is a word (advisor_mode) rather than a number. */
    public boolean isText() {
        return format == Format.MODE;
    }

    /** Whether the value is 0 or 1 (kstrtobool also takes y/n and on/off). */
    public boolean isBoolean() {
        return format == Format.BOOL;
    }

    /** The kernel's default of a tunable, as written to the file; empty for counters. */
    @Override
    public Optional<String> defaultValue() {
        String value = defaultValue;
        return value == null ? Optional.empty() : Optional.of(value);
    }

    /** The first mainline kernel version that has the file, e.g. "6.7". */
    @Override
    public String since() {
        return since;
    }

    /** The unit of the value ("pages", "ms", ...), empty when it has none. */
    @Override
    public String unit() {
        return unit;
    }

    /** What the file means, in one line. */
    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * The values the kernel accepts, for people: "0, 1 or 2", "2..2147483647", "none or scan-time".
     * Unsigned long files take up to 2^63-1 here (the engine's long), the kernel up to 2^64-1.
     */
    @Override
    public String range() {
        return switch (format) {
            case COUNTER -> "read-only";
            case BOOL -> "0 or 1 (also y/n, on/off)";
            case MODE -> String.join(" or ", MODES);
            default -> max - min == 1 ? min + " or " + max
                    : max - min == 2 ? min + ", " + (min + 1) + " or " + max
                            : max == Long.MAX_VALUE ? "an integer of at least " + min : min + ".." + max;
        };
    }

    /**
     * Whether a change is refused with EBUSY while KSM pages exist (max_page_sharing_store and
     * merge_across_nodes_store: {@code ksm_pages_shared || remove_all_stable_nodes()}).
     */
    public boolean busyWhileShared() {
        return this == MAX_PAGE_SHARING || this == MERGE_ACROSS_NODES;
    }

    /** Whether writes are refused with EINVAL while the scan-time advisor runs (pages_to_scan_store). */
    public boolean refusedUnderAdvisor() {
        return this == PAGES_TO_SCAN;
    }

    /**
     * The kernel's answer to writing {@code written} as far as it depends on the text alone: OK with
     * the value (advisor_mode: its index, none 0, scan-time 1; booleans 0 or 1), or the errno and why.
     */
    @Override
    public Parsed parse(String written) {
        String v = written == null ? "" : written;
        return switch (format) {
            case COUNTER -> Parsed.refused(Outcome.EACCES, "read-only");
            case UINT -> {
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                yield n < 0 ? invalid() : bounded(n);
            }
            case ULONG -> {
                long n = SysfsParse.parseUnsigned(v, -1L);
                yield n == -2 ? Parsed.refused(Outcome.ERANGE, "out of range")
                        : n < 0 ? invalid() : bounded(n);
            }
            case INT -> {
                long n = SysfsParse.parseSigned(v);
                yield n == Long.MIN_VALUE ? invalid()
                        : n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? Parsed.refused(Outcome.ERANGE, "out of range")
                                : bounded(n);
            }
            case BOOL -> {
                int b = SysfsParse.parseBool(v);
                yield b < 0 ? invalid() : Parsed.ok(b);
            }
            case MODE -> {
                int m = MODES.indexOf(SysfsParse.stripNewline(v));
                yield m < 0 ? invalid() : Parsed.ok(m);
            }
        };
    }

    /**
     * The kernel's whole answer to a write: {@link #parse(String)}, then the rules that depend on
     * the state (EINVAL under the advisor, EBUSY while shared), in the order the store functions test
     * them.
     *
     * @param current        the file's value now (as {@link #parse(String)} gives it)
     * @param advisorRunning whether advisor_mode is scan-time
     * @param pagesShared    the kernel's busy test; asked only when the value changes a
     *                       {@link #busyWhileShared()} file (it may free stale stable nodes)
     */
    public Parsed check(String written, long current, boolean advisorRunning, BooleanSupplier pagesShared) {
        if (refusedUnderAdvisor() && advisorRunning) {
            return Parsed.refused(Outcome.EINVAL, "advisor_mode is not none");
        }
        Parsed p = parse(written);
        if (p.ok() && busyWhileShared() && p.value() != current && pagesShared.getAsBoolean()) {
            return Parsed.refused(Outcome.EBUSY, "pages are shared");
        }
        return p;
    }

    private Parsed bounded(long n) {
        return n < min || n > max ? invalid() : Parsed.ok(n);
    }

    private Parsed invalid() {
        return Parsed.refused(Outcome.EINVAL, "must be " + range());
    }

    /** The value as the kernel prints it (without the newline): advisor_mode as "[none] scan-time". */
    @Override
    public String print(long value) {
        if (format != Format.MODE) {
            return Long.toString(value);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < MODES.size(); i++) {
            s.append(i == 0 ? "" : " ").append(i == value ? "[" + MODES.get(i) + "]" : MODES.get(i));
        }
        return s.toString();
    }

    /** The value a file's text means, as it would be written: trimmed, "[none] scan-time" gives "none". */
    public String normalize(String text) {
        String t = text.strip();
        if (format == Format.MODE) {
            int open = t.indexOf('[');
            int close = t.indexOf(']', open + 1);
            if (open >= 0 && close > open) {
                return t.substring(open + 1, close);
            }
        }
        return t;
    }

    /**
     * A normalized value as a number (advisor_mode: none 0, scan-time 1).
     *
     * @throws NumberFormatException when it is not what the kernel prints
     */
    public long toNumber(String normalized) {
        if (format == Format.MODE) {
            int m = MODES.indexOf(normalized);
            if (m < 0) {
                throw new NumberFormatException(fileName + ": unknown mode '" + normalized + "'");
            }
            return m;
        }
        return Long.parseLong(normalized);
    }

    /** The word written for a mode index (advisor_mode only). */
    public static String modeName(long index) {
        return MODES.get((int) index);
    }

    /** The file of that name, if the table has it. */
    public static Optional<KsmSysfsFile> byName(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }

    /**
     * The tunables in an order the kernel accepts: max_page_sharing and merge_across_nodes first
     * (right after an unmerge while pages are shared, else EBUSY), pages_to_scan before the advisor
     * is switched on (under it pages_to_scan is EINVAL: from an unknown state advisor_mode is set to
     * none before it, see {@link #refusedUnderAdvisor()}), the advisor's limits before advisor_mode,
     * and run last.
     */
    public static List<KsmSysfsFile> writeOrder() {
        return TUNABLES;
    }

    /** The tunables (in {@link #writeOrder()}). */
    public static List<KsmSysfsFile> tunables() {
        return TUNABLES;
    }

    /** The read-only counters. */
    public static List<KsmSysfsFile> counters() {
        return COUNTERS;
    }

    @Override
    public String toString() {
        return fileName;
    }

    /**
     * The kernel's answer to a write as far as the table decides it.
     *
     * @param outcome OK or the errno
     * @param value   the parsed value when OK
     * @param reason  why it was refused, empty when OK
     */
    public record Parsed(Outcome outcome, long value, String reason) {

        /** An accepted write of {@code value}. */
        public static Parsed ok(long value) {
            return new Parsed(Outcome.OK, value, "");
        }

        /** A refused write: the errno and why. */
        public static Parsed refused(Outcome outcome, String reason) {
            return new Parsed(outcome, 0, reason);
        }

        /** Whether the kernel accepts the write. */
        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }
}
