package org.ksmstudio.live;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * User-visible strings of the live kernel bundle, from {@code messages.properties} beside this class through
 * {@link NLS} (no running framework needed: the headless runner's plain classpath carries the org.eclipse.osgi
 * jar). Patterns take {@code {0}}-style arguments: {@code NLS.bind(Messages.X, a, b)}.
 */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
@SuppressWarnings("javadoc")
public final class Messages extends NLS {

	public static String KSM_ABSENT;
	public static String KSM_READ_ONLY;
	public static String KSM_WRITABLE;
	public static String FILE_MISSING;
	public static String FILE_UNREADABLE;

	public static String WRITE_OK;
	public static String WRITE_EINVAL;
	public static String WRITE_EBUSY;
	public static String FIX_EBUSY;
	public static String FIX_EINVAL_PAGES_TO_SCAN;
	public static String WRITE_EACCES;
	public static String WRITE_ENOENT;
	public static String WRITE_FAILED;
	public static String WRITE_STOPPED_RESTORING;

	public static String REASON_UNMERGE;
	public static String REASON_ADVISOR_FIRST;
	public static String REASON_ADVISOR_MANAGES;
	public static String REASON_RUN_LAST;
	public static String REASON_TUNABLE;

	public static String RESTORE_MISMATCH;
	public static String RESTORE_FILE_HEADER;
	public static String RESTORE_PENDING;

	public static String CC_MISSING;
	public static String CC_FAILED;

	public static String REPLAY_NOT_RESTORED;
	public static String REPLAY_CANCELLED;
	public static String REPLAY_CANCELLED_IN_PHASE;
	public static String REPLAY_NO_FULL_SCANS;
	public static String GENERATOR_DID_NOT_START;
	public static String GENERATOR_EXITED;
	public static String GENERATOR_ENDED;
	public static String GENERATOR_REFUSED;
	public static String GENERATOR_SOURCE_MISSING;
	public static String GENERATOR_INTERRUPTED;
	public static String RESTORE_EARLIER_FAILED;
	public static String RESTORE_FAILED;
	public static String LOCK_TIMEOUT;
	public static String LOCK_TIMEOUT_HELD;
	public static String LOCK_INTERRUPTED;

	public static String WALK_TOO_FEW;
	public static String CALIBRATE_NOTHING;
	public static String CALIBRATE_NO_BUSY_PHASE;
	public static String CALIBRATE_NO_TIMED_PHASE;
	public static String CALIBRATE_OFF;

	public static String CAPTURE_NO_PROCESS;
	public static String CAPTURE_DENIED;
	public static String CAPTURE_DENIED_AS_ROOT;
	public static String CAPTURE_NO_PAGE_FLAGS;
	public static String CAPTURE_OTHER_KSM_PROCESSES;
	public static String CAPTURE_PFNS_HIDDEN;
	public static String CAPTURE_NO_SOFT_DIRTY;
	public static String CAPTURE_CLEAR_REFS_FAILED;
	public static String CAPTURE_STEP_PROCESS;
	public static String CAPTURE_STEP_WINDOW;
	public static String CAPTURE_STEP_VOLATILE;

	static {
		NLS.initializeMessages("org.ksmstudio.live.messages", Messages.class); //$NON-NLS-1$
	}

	private Messages() {
	}
}
