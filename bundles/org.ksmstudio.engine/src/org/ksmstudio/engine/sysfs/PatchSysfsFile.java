package org.ksmstudio.engine.sysfs;

import java.util.Optional;
import java.util.regex.Pattern;

import org.ksmstudio.engine.SysfsResult.Outcome;

/**
 * A counter or tunable a patch adds to /sys/kernel/mm/ksm: an unsigned number (parsed as kstrtoul
 * would), a tunable within {@code min..max}. It is a row of the sysfs table like the kernel's
 * files: it appears in the Tunables and Counters views, the headless output, exports and sweeps,
 * and timeline events may write it.
 *
 * @param fileName     lower-case name, e.g. {@code "smart_scan_max_skips"}; must not be a kernel file's name
 * @param writable     a tunable (true) or a counter the patch keeps (false)
 * @param initialValue the value at the start of a run (a tunable's default)
 * @param min          the smallest value a write accepts (tunables)
 * @param max          the largest value a write accepts (tunables)
 * @param unit         "pages", "ms", ... or ""
 * @param meaning      one line for users
 */
public record PatchSysfsFile(String fileName, boolean writable, long initialValue, long min, long max, String unit,
        String meaning) implements SysfsRow {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Checks the name, the bounds and that the default lies within them. */
    public PatchSysfsFile {
        if (fileName == null || !NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("patch sysfs file '" + fileName
                    + "': a name of lower-case letters, digits and '_', starting with a letter, at most 64");
        }
        if (KsmSysfsFile.byName(fileName).isPresent()) {
            throw new IllegalArgumentException("patch sysfs file " + fileName + ": the kernel has a file of that name");
        }
        if (min < 0 || max < min || initialValue < min || initialValue > max) {
            throw new IllegalArgumentException("patch sysfs file " + fileName + ": default " + initialValue
                    + " must lie in " + min + ".." + max + " (min >= 0)");
        }
        unit = unit == null ? "" : unit;
        meaning = meaning == null ? "" : meaning;
    }

    /** A counter the patch keeps, starting at 0. */
    public static PatchSysfsFile counter(String fileName, String unit, String meaning) {
        return new PatchSysfsFile(fileName, false, 0, 0, Long.MAX_VALUE, unit, meaning);
    }

    /** A tunable of the patch, {@code min..max}, starting at {@code defaultValue}. */
    public static PatchSysfsFile tunable(String fileName, long defaultValue, long min, long max, String unit,
            String meaning) {
        return new PatchSysfsFile(fileName, true, defaultValue, min, max, unit, meaning);
    }

    @Override
    public Optional<String> defaultValue() {
        return writable ? Optional.of(Long.toString(initialValue)) : Optional.empty();
    }

    @Override
    public String since() {
        return "patch";
    }

    @Override
    public String range() {
        if (!writable) {
            return "read-only";
        }
        return max == Long.MAX_VALUE ? "an integer of at least " + min : min + ".." + max;
    }

    @Override
    public KsmSysfsFile.Parsed parse(String written) {
        if (!writable) {
            return KsmSysfsFile.Parsed.refused(Outcome.EACCES, "read-only");
        }
        long n = SysfsParse.parseUnsigned(written == null ? "" : written, -1L);
        if (n == -2) {
            return KsmSysfsFile.Parsed.refused(Outcome.ERANGE, "out of range");
        }
        if (n < min || n > max) {
            return KsmSysfsFile.Parsed.refused(Outcome.EINVAL, "must be " + range());
        }
        return KsmSysfsFile.Parsed.ok(n);
    }

    @Override
    public String print(long value) {
        return Long.toString(value);
    }

    @Override
    public String toString() {
        return fileName;
    }
}
