package org.ksmstudio.live.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.GeneratedWorkload;

/**
 * Turns an engine scenario into a case the real kernel can replay: the scenario's tunables,
 * its processes as workload generators, and its timeline as phases (each waits for the
 * counters to settle, as in the reference format; the events' times only order them).
 * <p>
 * Replayable are scenarios whose regions are all MADV_MERGEABLE, without KVM guests, whose forks
 * happen after the fill ({@link GeneratedWorkload#requireReplayable}); processes may differ in
 * size and contents, regions may be volatile and hold captured contents. The timeline may hold
 * sysfs writes and page writes (to the first process's first region, in every process or in the
 * first; in every process only without forks). Anything else is refused with a message that
 * names it.
 */
public final class ScenarioReplayConverter {

	private ScenarioReplayConverter() {
	}

	/**
	 * @throws IllegalArgumentException naming what the generator cannot reproduce
	 */
	public static ReplayCase toReplayCase(Scenario scenario) {
		List<ProcessSpec> processes = scenario.workload().processes();
		if (processes.isEmpty()) {
			throw refuse(scenario, "it has no process");
		}
		try {
			GeneratedWorkload.requireReplayable(scenario.workload());
		} catch (IllegalArgumentException e) {
			throw refuse(scenario, e.getMessage());
		}
		List<ReplayCase.Phase> phases = new ArrayList<>();
		phases.add(new ReplayCase.Phase("initial", new PhaseAction.Start()));
		List<PhaseAction.SysfsWrite> pendingWrites = new ArrayList<>();
		java.time.Duration pendingAt = null;
		int firstPid = processes.get(0).pid();
		String firstRegion = processes.get(0).regions().isEmpty() ? "" : processes.get(0).regions().get(0).name();
		for (TimelineEvent event : scenario.timeline()) {
			if (!(event instanceof TimelineEvent.SysfsWrite) || !event.at().equals(pendingAt)) {
				flush(phases, pendingWrites);
			}
			switch (event) {
			case TimelineEvent.SysfsWrite w -> {
				KsmSysfsFile file = KsmSysfsFile.byName(w.file()).filter(KsmSysfsFile::writable)
						.orElseThrow(() -> refuse(scenario, w.file() + " is not a KSM tunable"));
				pendingWrites.add(new PhaseAction.SysfsWrite(file, w.value(), null));
				pendingAt = w.at();
			}
			case TimelineEvent.WritePages w -> {
				if (w.pid() != 0 && w.pid() != firstPid) {
					throw refuse(scenario, "a write to process " + w.pid()
							+ " (the generator writes to every process or to the first)");
				}
				if (!w.region().equals(firstRegion) || w.pid() == 0 && !firstRegionEverywhere(processes, firstRegion)) {
					throw refuse(scenario, "a write to region " + w.region()
							+ " (the generator writes to the first region, " + firstRegion + ", of each process)");
				}
				phases.add(new ReplayCase.Phase("write_" + w.fromPage() + "_" + w.toPage() + "_every_" + w.step(),
						new PhaseAction.Write(w.fromPage(), w.toPage(), w.step(), w.content() == NewContent.UNIQUE,
								w.pid() == 0)));
			}
			default -> throw refuse(scenario, "its timeline holds " + event.getClass().getSimpleName()
					+ " events, which the workload generator cannot perform");
			}
		}
		flush(phases, pendingWrites);
		try {
			return new ReplayCase(scenario.name(), tunables(scenario.tunables()), scenario.workload(), phases);
		} catch (IllegalArgumentException e) {
			throw refuse(scenario, e.getMessage());
		}
	}

	private static void flush(List<ReplayCase.Phase> phases, List<PhaseAction.SysfsWrite> writes) {
		if (!writes.isEmpty()) {
			StringBuilder name = new StringBuilder("sysfs");
			for (PhaseAction.SysfsWrite w : writes) {
				name.append('_').append(w.file().fileName()).append('=').append(w.value());
			}
			phases.add(new ReplayCase.Phase(name.toString(), new PhaseAction.Sysfs(writes)));
			writes.clear();
		}
	}

	private static boolean firstRegionEverywhere(List<ProcessSpec> processes, String region) {
		return processes.stream().allMatch(p -> p.forkOf() != 0 || p.regions().get(0).name().equals(region));
	}

	/** Every tunable of the scenario but run (the replay starts ksmd itself), as sysfs values. */
	public static Map<KsmSysfsFile, String> tunables(KsmTunables t) {
		Map<KsmSysfsFile, String> m = new LinkedHashMap<>();
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			if (file != KsmSysfsFile.RUN) {
				m.put(file, t.written(file));
			}
		}
		return m;
	}

	private static IllegalArgumentException refuse(Scenario scenario, String why) {
		return new IllegalArgumentException("Scenario " + scenario.name() + " cannot be replayed on the kernel: " + why);
	}
}
