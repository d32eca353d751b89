package org.ksmstudio.live.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.live.sysfs.KsmFile;

/**
 * A workload to run on the real kernel, with the tunables written before run=1 and its phases.
 *
 * @param name      the case's name
 * @param tunables  values written before the start, by file, in the order given
 * @param workload  the processes and their page contents (null for a capture, which is compared, not replayed)
 * @param phases    the phases in order; the first is normally {@link PhaseAction.Start}
 */
public record ReplayCase(String name, Map<KsmFile, String> tunables, ReplayWorkload workload, List<Phase> phases) {

	/** A named phase. */
	public record Phase(String name, PhaseAction action) {
	}

	public ReplayCase {
		tunables = Collections.unmodifiableMap(new LinkedHashMap<>(tunables));
		phases = List.copyOf(phases);
		for (KsmFile file : tunables.keySet()) {
			if (!file.isTunable()) {
				throw new IllegalArgumentException("case " + name + ": " + file + " is a counter, not a tunable");
			}
		}
	}
}
