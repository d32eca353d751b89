package org.ksmstudio.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.scenario.RunPlan;

/**
 * Runs sweep units in parallel on local cores. Each unit runs the whole base plan (timeline,
 * convergence waits, fired events, checkpoints) with its parameters and policy applied, through the
 * one stepper ({@link UnitRunner}), independently of the others (no shared engine state). Results
 * come back in unit order whatever the completion order.
 */
public final class SweepRunner {

    /** Told of each finished unit, from worker threads; keep it short. */
    @FunctionalInterface
    public interface Progress {
        void done(int finished, int total, SweepResult result);
    }

    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A runner on {@code threads} threads (at least 1). */
    public SweepRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** A runner on every local core. */
    public static SweepRunner localCores() {
        return new SweepRunner(Runtime.getRuntime().availableProcessors());
    }

    /** Stops starting new units; units already running finish. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs every unit and returns their results in unit order; units not run because of
     * {@link #cancel()} are reported as failed ("cancelled").
     */
    public List<SweepResult> run(List<SweepUnit> units, RunPlan base, @Nullable Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, units.size())), r -> {
            Thread t = new Thread(r, "ksm-sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger finished = new AtomicInteger();
        try {
            List<Future<SweepResult>> futures = new ArrayList<>();
            for (SweepUnit u : units) {
                futures.add(pool.submit(() -> {
                    SweepResult r = cancelled.get() ? SweepResult.failed(u, "cancelled") : UnitRunner.run(base, u);
                    if (progress != null) {
                        progress.done(finished.incrementAndGet(), units.size(), r);
                    }
                    return r;
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
                    results.add(SweepResult.failed(units.get(i), "interrupted"));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
