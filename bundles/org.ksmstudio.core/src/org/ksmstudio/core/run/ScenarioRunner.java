package org.ksmstudio.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;

/**
 * Runs a {@link SimulationPlan} on the engine: the engine scenario, then the plan's steps
 * (convergence waits, live events, checkpoints), then the rest of the run as its settings say.
 * Blocking; call it from a worker thread (an Eclipse Job in the UI).
 */
public final class ScenarioRunner {

    /** Counters smart scan moves pages between: compared by their sum. */
    private static final List<String> SMART_SCAN_MOVES = List.of("pages_unshared", "pages_volatile");

    private ScenarioRunner() {
    }

    /** Runs {@code plan} to its end. */
    public static RunResult run(SimulationPlan plan) {
        KsmSimulation simulation = KsmSimulation.create(plan.scenario());
        return run(plan, simulation);
    }

    /** Runs {@code plan} on {@code simulation}, created from {@code plan.scenario()}. */
    public static RunResult run(SimulationPlan plan, KsmSimulation simulation) {
        return run(plan, simulation, true);
    }

    /**
     * Runs only the steps of {@code plan} (within the length of its run settings) and stops after
     * the last one, e.g. at a final checkpoint.
     */
    public static RunResult runSteps(SimulationPlan plan) {
        return run(plan, KsmSimulation.create(plan.scenario()), false);
    }

    private static RunResult run(SimulationPlan plan, KsmSimulation simulation, boolean toTheEnd) {
        RunSettings settings = plan.scenario().run();
        Duration bound = settings.duration().isZero() ? Duration.ofHours(24) : settings.duration();
        List<CheckpointResult> checkpoints = new ArrayList<>();
        for (SimulationPlan.Step step : plan.steps()) {
            if (simulation.isCancelled() || remaining(simulation, bound).isZero()) {
                break;
            }
            switch (step) {
                case SimulationPlan.Converge c -> {
                    // Convergence counts from now: counters the events just changed move only when
                    // ksmd scans their pages.
                    simulation.markPhaseStart();
                    simulation.runUntilConverged(remaining(simulation, bound));
                }
                case SimulationPlan.Advance a -> simulation.runFor(min(a.duration(), remaining(simulation, bound)));
                case SimulationPlan.Apply a -> apply(simulation, a.event());
                case SimulationPlan.Checkpoint c -> checkpoints.add(checkpoint(simulation.snapshot(), c));
            }
        }
        if (toTheEnd && !simulation.isCancelled()) {
            if (plan.steps().isEmpty()) {
                simulation.run();
            } else if (settings.untilConverged()) {
                simulation.runUntilConverged(remaining(simulation, bound));
            } else if (!remaining(simulation, bound).isZero()) {
                simulation.runFor(remaining(simulation, bound));
            }
        }
        SweepUnit unit = new SweepUnit(0, plan.scenario().name(), Map.of(), settings.policy());
        return new RunResult(settings.policy(), simulation.snapshot(), simulation.samples(), checkpoints,
                UnitRunner.measure(unit, simulation));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration remaining(KsmSimulation simulation, Duration bound) {
        Duration left = bound.minusNanos(simulation.snapshot().timeNanos());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Applies a plan's event (one whose time became known during the run, e.g. after a convergence
     * wait) to {@code simulation} now, through the engine's live API: sysfs writes, page writes,
     * forks, exits, madvise, and the reverse-map operations (migrate_pages, move_pages, compaction,
     * reclaim, memory failure).
     */
    public static void apply(KsmSimulation simulation, TimelineEvent event) {
        switch (event) {
            case TimelineEvent.SysfsWrite w -> simulation.writeSysfs(w.file(), w.value());
            case TimelineEvent.WritePages w -> simulation.writePages(w.pid(), w.region(), w.fromPage(), w.toPage(),
                    w.step(), w.content());
            case TimelineEvent.Fork f -> simulation.fork(f.parentPid(), f.childPid(), f.childName());
            case TimelineEvent.Exit x -> simulation.exit(x.pid());
            case TimelineEvent.Madvise m -> simulation.madvise(m.pid(), m.region(), m.mergeable());
            case TimelineEvent.MigratePages m -> simulation.migratePages(m.pid(), m.fromNode(), m.toNode());
            case TimelineEvent.MovePages m -> simulation.movePages(m.pid(), m.region(), m.fromPage(), m.toPage(),
                    m.toNode());
            case TimelineEvent.Compaction c -> simulation.compactNode(c.node());
            case TimelineEvent.MemoryPressure p -> simulation.reclaim(p.node(), p.pagesToReclaim(), p.duration());
            case TimelineEvent.MemoryFailure f -> simulation.memoryFailure(f.pid(), f.region(), f.page());
        }
    }

    static CheckpointResult checkpoint(KsmSnapshot snapshot, SimulationPlan.Checkpoint checkpoint) {
        List<CheckpointResult.Comparison> comparisons = new ArrayList<>();
        long expectedSum = 0;
        int unsharedOrVolatile = 0;
        for (SimulationPlan.Expected expected : checkpoint.expected()) {
            if (expected.pid() == 0 && SMART_SCAN_MOVES.contains(expected.counter())) {
                expectedSum += expected.value();
                unsharedOrVolatile++;
            }
        }
        boolean sumMatches = unsharedOrVolatile == 2 && snapshot.counters().smartScan() != 0
                && expectedSum == snapshot.counters().pagesUnshared() + snapshot.counters().pagesVolatile();
        for (SimulationPlan.Expected expected : checkpoint.expected()) {
            boolean bySum = sumMatches && expected.pid() == 0 && SMART_SCAN_MOVES.contains(expected.counter());
            comparisons.add(new CheckpointResult.Comparison(expected.counter(), expected.pid(), expected.value(),
                    value(snapshot, expected.counter(), expected.pid()), bySum));
        }
        return new CheckpointResult(checkpoint.name(), snapshot.timeNanos(), comparisons);
    }

    /** A counter of /sys/kernel/mm/ksm (pid 0) or of /proc/PID/ksm_stat; -1 when the process is gone. */
    static long value(KsmSnapshot snapshot, String counter, int pid) {
        if (pid == 0) {
            return snapshot.counters().value(counter);
        }
        for (ProcessKsmStat stat : snapshot.processes()) {
            if (stat.pid() == pid) {
                return switch (counter) {
                    case "ksm_rmap_items" -> stat.ksmRmapItems();
                    case "ksm_zero_pages" -> stat.ksmZeroPages();
                    case "ksm_merging_pages" -> stat.ksmMergingPages();
                    case "ksm_process_profit" -> stat.ksmProcessProfit();
                    case "ksm_merge_any" -> stat.ksmMergeAny() ? 1 : 0;
                    case "ksm_mergeable" -> stat.ksmMergeable() ? 1 : 0;
                    default -> throw new IllegalArgumentException("not a ksm_stat field: " + counter);
                };
            }
        }
        return -1;
    }
}
