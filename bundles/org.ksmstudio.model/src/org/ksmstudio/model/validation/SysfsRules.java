package org.ksmstudio.model.validation;

import java.math.BigInteger;
import java.util.List;

import org.ksmstudio.model.MessageBundle;

/**
 * What the kernel (mm/ksm.c, 6.x) answers to a write of a /sys/kernel/mm/ksm file, as far as it
 * depends on the value alone. EBUSY (max_page_sharing and merge_across_nodes while pages are
 * shared) and pages_to_scan's EINVAL under the scan-time advisor depend on the running state and
 * are the engine's business.
 */
public final class SysfsRules {

    /** Every writable file of /sys/kernel/mm/ksm, in the order of the sysfs directory listing. */
    public static final List<String> WRITABLE_FILES = List.of("advisor_max_cpu", "advisor_max_pages_to_scan",
            "advisor_min_pages_to_scan", "advisor_mode", "advisor_target_scan_time", "max_page_sharing",
            "merge_across_nodes", "pages_to_scan", "run", "sleep_millisecs", "smart_scan",
            "stable_node_chains_prune_millisecs", "use_zero_pages");

    /** Largest value of an unsigned int file (kstrtouint, or kstrtoul checked against UINT_MAX). */
    public static final long UINT_MAX = 0xffff_ffffL;

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private SysfsRules() {
    }

    /**
     * Why the kernel would refuse {@code value} for {@code file} with EINVAL, or null when it accepts it.
     * {@code file} must be one of {@link #WRITABLE_FILES}.
     */
    public static String einvalReason(String file, String value) {
        String text = value == null ? "" : value.strip();
        return switch (file) {
            case "run" -> unsigned(text, 2, Messages.Sysfs_Run);
            case "pages_to_scan", "sleep_millisecs", "stable_node_chains_prune_millisecs" ->
                unsigned(text, UINT_MAX, MessageBundle.bind(Messages.Sysfs_UnsignedUpTo, UINT_MAX));
            case "max_page_sharing" -> maxPageSharing(text);
            case "merge_across_nodes" -> unsigned(text, 1, Messages.Sysfs_ZeroOrOne);
            case "use_zero_pages", "smart_scan" -> bool(text);
            case "advisor_mode" -> "none".equals(text) || "scan-time".equals(text) ? null
                    : Messages.Sysfs_AdvisorMode;
            case "advisor_max_cpu", "advisor_min_pages_to_scan", "advisor_max_pages_to_scan" ->
                unsignedLong(text, BigInteger.ZERO);
            case "advisor_target_scan_time" -> unsignedLong(text, BigInteger.ONE);
            default -> throw new IllegalArgumentException(MessageBundle.bind(Messages.Sysfs_NotWritable, file));
        };
    }

    private static String unsigned(String text, long max, String allowed) {
        BigInteger n = parse(text);
        return n == null || n.signum() < 0 || n.compareTo(BigInteger.valueOf(max)) > 0 ? allowed : null;
    }

    private static String unsignedLong(String text, BigInteger min) {
        BigInteger n = parse(text);
        if (n == null || n.signum() < 0 || n.compareTo(ULONG_MAX) > 0) {
            return Messages.Sysfs_Unsigned;
        }
        return n.compareTo(min) < 0 ? MessageBundle.bind(Messages.Sysfs_AtLeast, min) : null;
    }

    private static String maxPageSharing(String text) {
        BigInteger n = parse(text);
        if (n == null || n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0
                || n.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
            return MessageBundle.bind(Messages.Sysfs_MaxPageSharingRange, Integer.MAX_VALUE);
        }
        return n.intValue() < 2 ? Messages.Sysfs_MaxPageSharingAtLeast2 : null;
    }

    private static String bool(String text) {
        // kstrtobool: the first character decides (y/Y/1, n/N/0, on/off).
        if (text.isEmpty()) {
            return Messages.Sysfs_Boolean;
        }
        char c = Character.toLowerCase(text.charAt(0));
        if (c == 'y' || c == 'n' || c == '1' || c == '0') {
            return null;
        }
        String lower = text.toLowerCase();
        return lower.startsWith("on") || lower.startsWith("of") ? null : Messages.Sysfs_Boolean;
    }

    private static BigInteger parse(String text) {
        if (text.isEmpty() || !text.matches("[+-]?[0-9]+")) {
            return null;
        }
        return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }
}
