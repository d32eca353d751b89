package org.ksmstudio.core.run;

import java.util.Map;

import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;

/**
 * Runs a converted {@link RunPlan} to its end on the engine's one stepper, {@link SimulationRun},
 * and collects the result a headless run reports. Blocking; call it from a worker thread.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Runs {@code plan} to its end. */
    public static RunResult run(RunPlan plan) {
        return result(SimulationRun.start(plan).runToEnd());
    }

    /** The result of a finished (or cancelled) run: final snapshot, series, checkpoints, walk and memory measures. */
    public static RunResult result(SimulationRun run) {
        String policy = run.plan().scenario().run().policy();
        SweepUnit unit = new SweepUnit(0, run.plan().scenario().name(), Map.of(), policy);
        return new RunResult(policy, run.simulation().snapshot(), run.simulation().samples(), run.checkpoints(),
                UnitRunner.measure(unit, run.simulation()));
    }
}
