package org.ksmstudio.live.replay;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A case as the real kernel ran it: the case and one recorded phase per phase.
 *
 * @param replayCase the case
 * @param phases     the recorded phases, in order
 * @param ksmdCpuSecondsBeforeStart ksmd's CPU time since it started, read just before run=1 (what the scan-time
 *                   advisor's first step counts as ksmd's earlier CPU time), seconds; null when not measured
 */
public record RecordedCase(ReplayCase replayCase, List<RecordedPhase> phases, @Nullable Double ksmdCpuSecondsBeforeStart) {

	/** A case without ksmd's CPU time. */
	public RecordedCase(ReplayCase replayCase, List<RecordedPhase> phases) {
		this(replayCase, phases, null);
	}

	public RecordedCase {
		phases = List.copyOf(phases);
	}
}
