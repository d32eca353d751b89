package org.ksmstudio.live.replay;

import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.RestoreReport;

/** Follows a replay, for progress and live charts. Called on the replaying thread. */
public interface ReplayListener {

	/** A phase starts. */
	default void phaseStarted(ReplayCase replayCase, ReplayCase.Phase phase) {
	}

	/** A sample was taken while waiting for the counters to settle. */
	default void sampled(KsmSample sample) {
	}

	/** A phase has been recorded. */
	default void phaseFinished(ReplayCase replayCase, RecordedPhase phase) {
	}

	/** The previous tunables were restored (also after a failure or a cancel). */
	default void restored(RestoreReport report) {
	}
}
