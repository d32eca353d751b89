package org.ksmstudio.engine.sysfs;

import java.util.Optional;

/**
 * A row of the sysfs table: a file of /sys/kernel/mm/ksm ({@link KsmSysfsFile}) or one a patch adds
 * ({@link PatchSysfsFile}). The views, the headless output, the exports and the sweeps read rows
 * through this interface, so a patch's counters and tunables appear beside the kernel's.
 */
public interface SysfsRow {

    /** The file's name in /sys/kernel/mm/ksm. */
    String fileName();

    /** Whether root may write it (a tunable) rather than only read it (a counter). */
    boolean writable();

    /** The default of a tunable, as written to the file; empty for counters. */
    Optional<String> defaultValue();

    /** Where the file comes from: the first kernel version that has it ("6.7"), or "patch" for a patch's file. */
    String since();

    /** The unit of the value ("pages", "ms", ...), empty when it has none. */
    String unit();

    /** What the file means, in one line. */
    String meaning();

    /** The values a write accepts, for people ("0 or 1", "1..64"). */
    String range();

    /** The answer to writing {@code written}, as far as it depends on the text alone. */
    KsmSysfsFile.Parsed parse(String written);

    /** The value as the file prints it (without the newline). */
    String print(long value);
}
