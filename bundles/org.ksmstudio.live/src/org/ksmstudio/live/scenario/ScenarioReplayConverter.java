package org.ksmstudio.live.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayWorkload;
import org.ksmstudio.live.sysfs.KsmFile;

/**
 * Turns an engine scenario into a case the real kernel can replay: the scenario's tunables,
 * its processes as workload generators, and its timeline as phases (each waits for the
 * counters to settle, as in the reference format; the events' times only order them).
 * <p>
 * Replayable are scenarios whose processes each have one MADV_MERGEABLE region laid out alike
 * (duplicates, then unique pages, then zero pages, in that order), without forks, KVM or
 * volatility, with sysfs writes and page writes (to all processes or the first) in the
 * timeline. Anything else is refused with a message that names it.
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
		ReplayWorkload workload = null;
		for (ProcessSpec p : processes) {
			ReplayWorkload w = workload(scenario, p, processes.size());
			if (workload != null && !workload.equals(w)) {
				throw refuse(scenario, "process " + p.pid() + "'s region differs from process " + processes.get(0).pid()
						+ "'s (the generator maps one layout in every process)");
			}
			workload = w;
		}
		List<ReplayCase.Phase> phases = new ArrayList<>();
		phases.add(new ReplayCase.Phase("initial", new PhaseAction.Start()));
		List<PhaseAction.SysfsWrite> pendingWrites = new ArrayList<>();
		java.time.Duration pendingAt = null;
		int firstPid = processes.get(0).pid();
		for (TimelineEvent event : scenario.timeline()) {
			if (!(event instanceof TimelineEvent.SysfsWrite) || !event.at().equals(pendingAt)) {
				flush(phases, pendingWrites);
			}
			switch (event) {
			case TimelineEvent.SysfsWrite w -> {
				KsmFile file = KsmFile.byName(w.file()).filter(KsmFile::isTunable)
						.orElseThrow(() -> refuse(scenario, w.file() + " is not a KSM tunable"));
				pendingWrites.add(new PhaseAction.SysfsWrite(file, w.value(), null));
				pendingAt = w.at();
			}
			case TimelineEvent.WritePages w -> {
				if (w.pid() != 0 && w.pid() != firstPid) {
					throw refuse(scenario, "a write to process " + w.pid()
							+ " (the generator writes to every process or to the first)");
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
		return new ReplayCase(scenario.name(), tunables(scenario.tunables()), workload, phases);
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

	private static ReplayWorkload workload(Scenario scenario, ProcessSpec p, int processCount) {
		if (p.forkOf() != 0) {
			throw refuse(scenario, "process " + p.pid() + " is a fork");
		}
		if (p.kvm()) {
			throw refuse(scenario, "process " + p.pid() + " is a KVM guest");
		}
		if (p.regions().size() != 1) {
			throw refuse(scenario, "process " + p.pid() + " has " + p.regions().size() + " regions (one is replayable)");
		}
		MergeableRegion region = p.regions().get(0);
		if (region.mode() != MergeMode.MADV_MERGEABLE) {
			throw refuse(scenario, "process " + p.pid() + "'s region is " + region.mode() + ", not MADV_MERGEABLE");
		}
		if (region.volatility().pagesPerSecond() != 0) {
			throw refuse(scenario, "process " + p.pid() + "'s region is volatile");
		}
		long distinct = 0;
		long copies = 0;
		long unique = 0;
		long zero = 0;
		ReplayWorkload.Layout layout = ReplayWorkload.Layout.BLOCK;
		boolean shared = true;
		int order = 0;
		for (ContentGroup g : region.groups()) {
			if (g.kind() == ContentGroup.Kind.EXPLICIT) {
				throw refuse(scenario, "process " + p.pid() + "'s region holds captured contents");
			}
			int rank = switch (g.kind()) {
			case DUPLICATES -> 1;
			case UNIQUE -> 2;
			case ZERO -> 3;
			case EXPLICIT -> throw new IllegalStateException();
			};
			if (rank <= order) {
				throw refuse(scenario, "process " + p.pid()
						+ "'s content groups are not one of duplicates, unique, zero in that order");
			}
			order = rank;
			switch (g.kind()) {
			case DUPLICATES -> {
				distinct = g.distinctContents();
				copies = g.copiesPerContent();
				layout = g.layout() == org.ksmstudio.engine.scenario.Layout.INTERLEAVE ? ReplayWorkload.Layout.INTERLEAVE
						: ReplayWorkload.Layout.BLOCK;
				shared = g.sharing() == ContentSharing.SHARED_ACROSS_PROCESSES;
			}
			case UNIQUE -> unique = g.pages();
			case ZERO -> zero = g.pages();
			case EXPLICIT -> throw new IllegalStateException();
			}
		}
		return new ReplayWorkload(processCount, region.pages(), distinct, copies, layout, unique, zero, shared);
	}

	/** Every tunable of the scenario but run (the replay starts ksmd itself), as sysfs values. */
	public static Map<KsmFile, String> tunables(KsmTunables t) {
		Map<KsmFile, String> m = new LinkedHashMap<>();
		for (KsmFile file : KsmFile.tunables()) {
			if (file != KsmFile.RUN) {
				m.put(file, t.written(file.row()));
			}
		}
		return m;
	}

	private static IllegalArgumentException refuse(Scenario scenario, String why) {
		return new IllegalArgumentException("Scenario " + scenario.name() + " cannot be replayed on the kernel: " + why);
	}
}
