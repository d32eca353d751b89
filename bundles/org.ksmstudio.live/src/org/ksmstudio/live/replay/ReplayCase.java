package org.ksmstudio.live.replay;


import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Workload;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * A workload to run on the real kernel, with the tunables written before run=1 and its phases.
 *
 * @param name      the case's name
 * @param tunables  values written before the start, by file, in the order given
 * @param workload  the processes in start order, their regions and page contents (forks after the fill,
 *                  volatile regions and captured contents included)
 * @param phases    the phases in order; the first is normally {@link PhaseAction.Start}
 */
public record ReplayCase(String name, Map<KsmSysfsFile, String> tunables, Workload workload, List<Phase> phases) {

	/** A named phase. */
	public record Phase(String name, PhaseAction action) {
	}

	/** A case of the format-1 shape. */
	public ReplayCase(String name, Map<KsmSysfsFile, String> tunables, ReplayWorkload workload, List<Phase> phases) {
		this(name, tunables, workload.toWorkload(), phases);
	}

	public ReplayCase {
		tunables = Collections.unmodifiableMap(new LinkedHashMap<>(tunables));
		phases = List.copyOf(phases);
		boolean forks = workload.processes().stream().anyMatch(p -> p.forkOf() != 0);
		for (Phase phase : phases) {
			if (forks && phase.action() instanceof PhaseAction.Write w && w.inEveryProcess()) {
				throw new IllegalArgumentException("case " + name + ": phase " + phase.name()
						+ " writes in every process, which forked children cannot (they only sleep)");
			}
		}
		for (KsmSysfsFile file : tunables.keySet()) {
			if (!file.writable()) {
				throw new IllegalArgumentException("case " + name + ": " + file + " is a counter, not a tunable");
			}
		}
	}

	/** The pages of every process, forks included (a fork has its parent's). */
	public long pages() {
		Map<Integer, Long> byPid = new HashMap<>();
		long total = 0;
		for (ProcessSpec p : workload.processes()) {
			long pages = p.forkOf() != 0 ? byPid.get(p.forkOf())
					: p.regions().stream().mapToLong(MergeableRegion::pages).sum();
			byPid.put(p.pid(), pages);
			total += pages;
		}
		return total;
	}
}
