package org.ksmstudio.core.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.Objects;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.scenario.ScenarioReplayConverter;

/**
 * Connects a converted scenario with the live bundle's replay on the real kernel: the case the
 * workload generator replays, and the simulation of exactly that case (phase by phase, each until
 * the counters settle, as the kernel replay does), with the kernel's counters as the expected
 * values of its checkpoints.
 */
public final class KernelReplay {

    /** Counters not compared: they depend on when the phase is read, not on what KSM did. */
    private static final List<String> NOT_COMPARED = List.of("full_scans", "pages_scanned");

    private KernelReplay() {
    }

    /**
     * The case the kernel replays for {@code plan}: its workload and tunables, and as phases the
     * events of its timeline and those applied after convergence, in order.
     *
     * @throws IllegalArgumentException naming what the workload generator cannot reproduce
     */
    public static ReplayCase replayCase(RunPlan plan) {
        Scenario s = plan.scenario();
        List<TimelineEvent> events = new ArrayList<>(s.timeline());
        Duration at = events.isEmpty() ? Duration.ZERO : events.get(events.size() - 1).at();
        for (RunPlan.Step step : plan.steps()) {
            switch (step) {
                case RunPlan.Fire f -> events.add(at(f.event(), at));
                // events fired together form one phase; a wait separates phases
                case RunPlan.Converge c -> at = at.plusMillis(1);
                case RunPlan.Settle c -> at = at.plusMillis(1);
                case RunPlan.Advance a -> at = at.plusMillis(1);
                case RunPlan.FullScans a -> at = at.plusMillis(1);
                case RunPlan.Checkpoint c -> {
                    // the kernel replay reads the counters after every phase anyway
                }
                case RunPlan.RunOut r -> {
                    // the replay ends with its last phase
                }
            }
        }
        return ScenarioReplayConverter.toReplayCase(new Scenario(s.name(), s.topology(), s.workload(), s.tunables(),
                s.costModel(), events, s.run()));
    }

    private static TimelineEvent at(TimelineEvent e, Duration at) {
        return switch (e) {
            case TimelineEvent.SysfsWrite w -> new TimelineEvent.SysfsWrite(at, w.file(), w.value());
            case TimelineEvent.WritePages w -> new TimelineEvent.WritePages(at, w.pid(), w.region(), w.fromPage(),
                    w.toPage(), w.step(), w.content());
            default -> e; // refused by the replay converter, naming the event
        };
    }

    /**
     * The simulation of the case the kernel ran: ksmd started (run=1) with the scenario's other
     * tunables, then each phase's action followed by the counters settling (converging, or 1 s where
     * the phase leaves ksmd stopped, as the kernel replay), and a checkpoint holding the kernel's
     * counters for that phase. The run ends at the last checkpoint: the settings' own length does
     * not apply.
     */
    public static RunPlan simulationOf(Scenario scenario, RecordedCase recorded) {
        // the advisor's first step counts ksmd's CPU time since it started: the machine's, where it was read
        Topology machine = recorded.ksmdCpuSecondsBeforeStart() instanceof Double seconds
                ? scenario.topology().withKsmdCpuNanos(Math.round(seconds * 1e9)) : scenario.topology();
        Scenario started = new Scenario(scenario.name(), machine, scenario.workload(),
                scenario.tunables().withRun(1), scenario.costModel(), List.of(), new RunSettings(Duration.ofHours(24),
                        false, scenario.run().seed(), scenario.run().policy(), scenario.run().sampleInterval()));
        List<RunPlan.Step> steps = new ArrayList<>();
        List<ProcessSpec> processes = scenario.workload().processes();
        for (RecordedPhase phase : recorded.phases()) {
            switch (phase.action()) {
                case PhaseAction.Start s -> {
                    // ksmd runs from the start
                }
                case PhaseAction.Wait w -> steps.add(new RunPlan.Advance(
                        Duration.ofMillis(Math.round((w.seconds() instanceof Double s ? s : 0.0) * 1000))));
                case PhaseAction.Write w -> steps.add(new RunPlan.Fire(new TimelineEvent.WritePages(Duration.ZERO,
                        w.inEveryProcess() ? 0 : processes.get(0).pid(), processes.get(0).regions().get(0).name(),
                        w.fromPage(), Math.max(w.fromPage(), w.toPage()), w.every(),
                        w.unique() ? NewContent.UNIQUE : NewContent.SAME)));
                case PhaseAction.Sysfs s -> {
                    for (PhaseAction.SysfsWrite write : s.writes()) {
                        steps.add(new RunPlan.Fire(new TimelineEvent.SysfsWrite(Duration.ZERO,
                                write.file().fileName(), write.value())));
                    }
                }
            }
            steps.add(new RunPlan.Settle(Duration.ZERO, Duration.ofSeconds(1)));
            steps.add(new RunPlan.Checkpoint(phase.name(), expected(phase, processes)));
        }
        return new RunPlan(started, steps);
    }

    private static List<RunPlan.Expected> expected(RecordedPhase phase, List<ProcessSpec> processes) {
        List<RunPlan.Expected> expected = new ArrayList<>();
        for (Map.Entry<String, Long> e : phase.expect().entrySet()) {
            if (!NOT_COMPARED.contains(e.getKey())) {
                expected.add(new RunPlan.Expected(e.getKey(), 0, e.getValue()));
            }
        }
        for (int i = 0; i < phase.perProcess().size() && i < processes.size(); i++) {
            for (Map.Entry<String, Long> e : phase.perProcess().get(i).entrySet()) {
                expected.add(new RunPlan.Expected(e.getKey(), processes.get(i).pid(), e.getValue()));
            }
        }
        return expected;
    }

    /** Runs {@link #simulationOf} to its last checkpoint on the engine's stepper. */
    public static RunResult simulate(Scenario scenario, RecordedCase recorded) {
        return ScenarioRunner.run(simulationOf(scenario, recorded));
    }
}
