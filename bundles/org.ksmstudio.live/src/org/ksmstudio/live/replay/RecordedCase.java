package org.ksmstudio.live.replay;

import java.util.List;

/**
 * A case as the real kernel ran it: the case and one recorded phase per phase.
 *
 * @param replayCase the case
 * @param phases     the recorded phases, in order
 */
public record RecordedCase(ReplayCase replayCase, List<RecordedPhase> phases) {

	public RecordedCase {
		phases = List.copyOf(phases);
	}
}
