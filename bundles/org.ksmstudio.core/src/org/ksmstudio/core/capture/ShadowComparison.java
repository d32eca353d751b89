package org.ksmstudio.core.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.Objects;
import org.ksmstudio.core.replay.KernelReplay;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.capture.CapturedProcess;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.scenario.ScenarioReplayConverter;
import org.ksmstudio.live.sysfs.KsmSample;

/**
 * The kernel's counters at a capture beside the simulation of the captured scenario run to
 * convergence at the captured tunables: the capture becomes a recorded case of one phase
 * ("captured": the kernel's counters and each captured process's ksm_stat), simulated and
 * compared as a replay is ({@link KernelReplay#simulate}).
 */
public final class ShadowComparison {

	/** The name of the one phase. */
	public static final String PHASE = "captured";

	private ShadowComparison() {
	}

	/** Whether ksmd runs and is merging pages of the captured processes: then there is something to compare. */
	public static boolean applies(MachineCapture capture) {
		return capture.ksm() instanceof KsmSample ksm && ksm.valueOr(KsmSysfsFile.RUN, 0) == 1 && capture.processes()
				.stream().anyMatch(p -> p.stat() instanceof ProcessKsmStat stat && stat.mergingPages() > 0);
	}

	/**
	 * The capture as a recorded case for {@code scenario} (the engine scenario of the captured
	 * model): the per-process values follow the scenario's process order.
	 */
	public static RecordedCase recordedCase(MachineCapture capture, Scenario scenario) {
		Map<Integer, CapturedProcess> byPid = new HashMap<>();
		capture.processes().forEach(p -> byPid.put(p.pid(), p));
		List<Map<String, Long>> perProcess = new ArrayList<>();
		for (ProcessSpec p : scenario.workload().processes()) {
			CapturedProcess captured = byPid.get(p.pid());
			perProcess.add(captured != null && captured.stat() instanceof ProcessKsmStat stat
					? RecordedPhase.perProcessOf(stat) : Map.of());
		}
		RecordedPhase phase = new RecordedPhase(PHASE, new PhaseAction.Start(), List.of(),
				RecordedPhase.countersOf(Objects.requireNonNull(capture.ksm(), "a capture that applies has the counters")), Map.of(), true, null, null, null, perProcess, null);
		ReplayCase replayCase = new ReplayCase(scenario.name(), ScenarioReplayConverter.tunables(scenario.tunables()),
				scenario.workload(), List.of(new ReplayCase.Phase(PHASE, phase.action())));
		return new RecordedCase(replayCase, List.of(phase));
	}

	/** Simulates {@code scenario} to convergence against the capture's counters. */
	public static RunResult simulate(MachineCapture capture, Scenario scenario) {
		return KernelReplay.simulate(scenario, recordedCase(capture, scenario));
	}
}
