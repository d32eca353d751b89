package org.ksmstudio.live;

import java.text.MessageFormat;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** User-visible strings of the live kernel bundle. */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
public final class Messages {

	public static final String KSM_ABSENT = "{0} does not exist: this kernel was built without KSM (CONFIG_KSM), or sysfs is not mounted. Live data and replays are not available.";
	public static final String KSM_READ_ONLY = "KSM found at {0}: counters and tunables are read only (writing tunables needs root and a read-write /sys).";
	public static final String KSM_WRITABLE = "KSM found at {0}: tunables are writable (root).";
	public static final String FILE_MISSING = "{0} is not present on this kernel (older kernels lack it, or the kernel was built without the feature it belongs to)";
	public static final String FILE_UNREADABLE = "{0} could not be read: {1}";

	public static final String WRITE_OK = "{0} = {1}";
	public static final String WRITE_EINVAL = "{0}: the kernel refused {1} as out of range (EINVAL); the value stays {2}";
	public static final String WRITE_EBUSY = "{0}: the kernel refused {1} because KSM pages are in use (EBUSY); the value stays {2}";
	public static final String FIX_EBUSY = "Unmerge first: write 2 to run (run=2 unmerges every KSM page and stops ksmd), then write {0}, then set run back to 1.";
	public static final String FIX_EINVAL_PAGES_TO_SCAN = "pages_to_scan is managed by the scan-time advisor: set advisor_mode to none first.";
	public static final String WRITE_EACCES = "{0}: permission denied; writing KSM tunables needs root";
	public static final String WRITE_ENOENT = "{0} is not present on this kernel";
	public static final String WRITE_FAILED = "{0}: writing {1} failed: {2}";

	public static final String REASON_UNMERGE = "unmerge every KSM page first: the kernel refuses to change {0} while pages are shared (EBUSY)";
	public static final String REASON_ADVISOR_FIRST = "advisor_mode before pages_to_scan: switching the mode resets pages_to_scan";
	public static final String REASON_ADVISOR_MANAGES = "pages_to_scan is not written: the scan-time advisor manages it (the kernel refuses it with EINVAL)";
	public static final String REASON_RUN_LAST = "run last, once every other tunable is in place";
	public static final String REASON_TUNABLE = "tunable";

	public static final String RESTORE_MISMATCH = "{0} reads {1} after the restore, expected {2}";
	public static final String RESTORE_PENDING = "A previous KSM experiment did not finish: the tunables saved in {0} were restored.";

	public static final String CC_MISSING = "Cannot build the workload generator: no C compiler ({0}) was found. Install one (Debian/Ubuntu: apt-get install gcc).";
	public static final String CC_FAILED = "Cannot build the workload generator from {0}: the compiler said:\n{1}";

	public static final String REPLAY_NOT_RESTORED = "KSM tunables not restored after the replay of {0}: {1}";
	public static final String REPLAY_CANCELLED = "Replay cancelled while waiting";
	public static final String REPLAY_CANCELLED_IN_PHASE = "Replay cancelled in phase {0}";
	public static final String REPLAY_NO_FULL_SCANS = "ksmd did not complete {0} full scans within {1} s";
	public static final String GENERATOR_DID_NOT_START = "The workload generator did not start (said: {0})";
	public static final String GENERATOR_EXITED = "The workload generator {0} has exited ({1})";
	public static final String GENERATOR_ENDED = "The workload generator {0} ended during '{1}'";
	public static final String GENERATOR_REFUSED = "The workload generator {0} refused '{1}': {2}";
	public static final String GENERATOR_SOURCE_MISSING = "The workload generator source {0} is missing from the org.ksmstudio.live bundle";
	public static final String GENERATOR_INTERRUPTED = "Interrupted while compiling the workload generator";
	public static final String RESTORE_EARLIER_FAILED = "The KSM tunables of an earlier experiment ({0}) could not be restored: {1}";
	public static final String RESTORE_FAILED = "KSM tunables not restored: {0} (saved in {1})";
	public static final String LOCK_TIMEOUT = "Timed out after {0} s waiting for the lock {1}";
	public static final String LOCK_TIMEOUT_HELD = "Timed out after {0} s waiting for the lock {1} (held by another experiment)";
	public static final String LOCK_INTERRUPTED = "Interrupted while waiting for the lock {0}";

	public static final String WALK_TOO_FEW = "Walk timings for at least two different PTE counts are needed, got {0}";
	public static final String CALIBRATE_NOTHING = "No converged starting phase with pages scanned and a wall time: nothing to calibrate from";
	public static final String CALIBRATE_NO_BUSY_PHASE = "No phase ran with sleep_millisecs 0: the ksmd page costs keep the base model's values; record a case with sleep_millisecs 0 to fit them.";
	public static final String CALIBRATE_NO_TIMED_PHASE = "No phase ran with a sleep: the wake-up latency keeps the base model's value.";
	public static final String CALIBRATE_OFF = "A recorded time differs from the simulated one by {0}%: the machine may have been busy (ksmd runs at nice 5 and shares the CPUs); calibrate on an idle machine.";

	public static final String CAPTURE_NO_PROCESS = "Cannot capture process {0}: there is no such process";
	public static final String CAPTURE_DENIED = "Cannot capture process {0}: {1} is not readable ({2}); capturing another user's process needs root";
	public static final String CAPTURE_NO_PAGE_FLAGS = "KSM and huge-page state and forks not captured: /proc/kpageflags is not readable ({0}) and pagemap hides page frame numbers; both need root (CAP_SYS_ADMIN)";
	public static final String CAPTURE_OTHER_KSM_PROCESSES = "{0} other processes use KSM ({1}): the kernel's counters include their pages";
	public static final String CAPTURE_PFNS_HIDDEN = "Page frame numbers are hidden (pagemap shows them to CAP_SYS_ADMIN only): forks cannot be told from copies, KSM and huge-page state are not captured";
	public static final String CAPTURE_NO_SOFT_DIRTY = "This kernel has no soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY): volatile pages are those whose contents changed over the window";
	public static final String CAPTURE_CLEAR_REFS_FAILED = "Process {0}: soft-dirty bits not cleared ({1}); volatile pages are those whose contents changed over the window";
	public static final String CAPTURE_STEP_PROCESS = "Reading process {0} ({1})";
	public static final String CAPTURE_STEP_WINDOW = "Watching writes for {0} s";
	public static final String CAPTURE_STEP_VOLATILE = "Reading written pages";

	private Messages() {
	}

	/** {@link MessageFormat#format(String, Object...)} with the bundle's patterns. */
	public static String format(String pattern, Object... arguments) {
		return MessageFormat.format(pattern.replace("'", "''"), arguments);
	}
}
