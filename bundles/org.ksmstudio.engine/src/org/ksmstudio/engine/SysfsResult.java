package org.ksmstudio.engine;

/**
 * Outcome of a write to a /sys/kernel/mm/ksm file: OK or the errno the kernel returns (the file
 * then keeps its old value).
 */
public record SysfsResult(Outcome outcome, String file, String value, String message) {

    /** Result of a sysfs write. */
    public enum Outcome {
        OK, EINVAL, EBUSY, ERANGE, EACCES, ENOENT
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
