package org.ksmstudio.live.sysfs;

/**
 * What this process may do with the running kernel's KSM.
 *
 * @param level   absent, read only or writable
 * @param message a sentence for the user saying what that means here
 */
public record KsmAccess(Level level, String message) {

	/** The levels of access, from none to full. */
	public enum Level {
		/** No {@code /sys/kernel/mm/ksm}: the kernel was built without CONFIG_KSM, or sysfs is not mounted. */
		ABSENT,
		/** Counters and tunables can be read; writes need root. */
		READ_ONLY,
		/** Tunables can be written (root). */
		WRITABLE
	}

	/** Whether tunables can be written. */
	public boolean canWrite() {
		return level == Level.WRITABLE;
	}

	/** Whether counters can be read. */
	public boolean canRead() {
		return level != Level.ABSENT;
	}
}
