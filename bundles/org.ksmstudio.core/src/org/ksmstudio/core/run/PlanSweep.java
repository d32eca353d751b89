package org.ksmstudio.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;

/**
 * Runs the units of a sweep over a converted scenario in parallel on local cores. Unlike the
 * engine's {@link SweepRunner}, each unit runs the whole {@link SimulationPlan} through
 * {@link ScenarioRunner}, so events that wait for convergence and checkpoints of the .ksm file
 * happen in every run, exactly as in a single headless run. Results come back in unit order.
 */
public final class PlanSweep {

    private final SimulationPlan base;
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param base    the converted scenario (its policy and tunables are replaced per unit)
     * @param threads how many units run at once (at least 1)
     */
    public PlanSweep(SimulationPlan base, int threads) {
        this.base = base;
        this.threads = Math.max(1, threads);
    }

    /** Stops starting new units; running units finish. Units not run are reported as failed. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs every unit; {@code progress} (may be null) is told of each finished one from the worker
     * threads.
     */
    public List<SweepResult> run(List<SweepUnit> units, SweepRunner.Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, units.size())), r -> {
            Thread thread = new Thread(r, "ksm-sweep");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger finished = new AtomicInteger();
        try {
            List<Future<SweepResult>> futures = new ArrayList<>();
            for (SweepUnit unit : units) {
                futures.add(pool.submit(() -> {
                    SweepResult result = cancelled.get() ? SweepResult.failed(unit, Messages.Sweep_Cancelled) : run(base, unit);
                    if (progress != null) {
                        progress.done(finished.incrementAndGet(), units.size(), result);
                    }
                    return result;
                }));
            }
            List<SweepResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(SweepResult.failed(units.get(i), String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                    results.add(SweepResult.failed(units.get(i), Messages.Sweep_Interrupted));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one unit of {@code base}; a refused parameter gives a failed result, never an exception. */
    public static SweepResult run(SimulationPlan base, SweepUnit unit) {
        return UnitRunner.run(base.scenario(), unit,
                simulation -> ScenarioRunner.run(new SimulationPlan(simulation.scenario(), base.steps()), simulation));
    }
}
