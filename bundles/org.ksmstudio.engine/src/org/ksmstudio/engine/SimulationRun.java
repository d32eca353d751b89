package org.ksmstudio.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.internal.TimedEvents;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.TimelineEvent;

/**
 * The one stepper: walks a {@link RunPlan} on a {@link KsmSimulation} in slices of simulated time.
 * Every caller drives a run through it (the headless run, each sweep unit, the reference runner,
 * the simulation side of a kernel replay, the UI's job), so an event takes the same path wherever it
 * sits in the plan. {@link #advance(long)} runs at most a budget of simulated time and returns, so a
 * job can pause, pace and cancel between slices; {@link #runToEnd()} runs it all. Checkpoints are
 * recorded as they are reached. Not thread-safe: one thread drives a run (the simulation's
 * snapshots and queries may come from any thread).
 */
public final class SimulationRun {

    /**
     * The latest wait for the counters (converge, settle or run-out) before a checkpoint.
     *
     * @param startNanos     simulated time at its start
     * @param startFullScans full_scans at its start
     * @param startKsmdCpuNanos ksmd's CPU time at its start
     * @param converging     whether it waited for convergence (a settle step with ksmd stopped waits a time)
     * @param converged      whether it converged (false when the limit or the run's bound came first)
     */
    public record Phase(long startNanos, long startFullScans, long startKsmdCpuNanos, boolean converging,
            boolean converged) {
    }

    /**
     * What the run recorded at a checkpoint.
     *
     * @param result     the counters compared with the expected values
     * @param snapshot   the simulation at that moment
     * @param lastChange the last change of the converging counters then
     * @param phase      the latest convergence wait before it, null if none
     * @param writes     the kernel's answers to the sysfs writes fired by steps since the previous checkpoint
     * @param hugePages  transparent huge pages, pins and THP splits then
     */
    public record Reached(CheckpointResult result, KsmSnapshot snapshot, KsmSimulation.LastChange lastChange,
            @Nullable Phase phase, List<SysfsResult> writes, HugePageCounters hugePages) {
    }

    private final KsmSimulation simulation;
    private final RunPlan plan;
    private final List<RunPlan.Step> steps;
    private final List<Reached> reached = new ArrayList<>();
    private final List<SysfsResult> writes = new ArrayList<>();
    private long boundNanos;
    private int index;
    /** Whether the current step has started: its target is set. */
    private boolean started;
    /** Simulated time (or for FullScans the full_scans count) at which the current step ends. */
    private long target;
    private long fullScansTarget;
    /** The next firing of a periodic event fired by a step. */
    private long firing;
    private long phaseStart;
    private long phaseStartScans;
    private long phaseStartCpu;
    /** Whether the current settle step waits for convergence (ksmd ran at its start). */
    private boolean settleConverges;
    private @Nullable Phase phase;
    /** Latest simulated time of an event scheduled through {@link #schedule}: the run reaches it. */
    private long scheduledUntil = -1;

    private SimulationRun(RunPlan plan, KsmSimulation simulation) {
        this.plan = plan;
        this.simulation = simulation;
        this.steps = new ArrayList<>(plan.steps());
        this.boundNanos = TimedEvents.later(0, plan.bound());
    }

    /**
     * Creates the simulation of {@code plan}'s scenario (faults the workload in) and a run at the
     * start of the plan.
     *
     * @throws org.ksmstudio.engine.scenario.ScenarioException on inconsistent input
     */
    public static SimulationRun start(RunPlan plan) {
        return new SimulationRun(plan, KsmSimulation.create(plan.scenario()));
    }

    /** A run of {@code plan} on {@code simulation}, created from the plan's scenario and not yet run. */
    public static SimulationRun on(RunPlan plan, KsmSimulation simulation) {
        return new SimulationRun(plan, simulation);
    }

    /** The simulation this run drives. */
    public KsmSimulation simulation() {
        return simulation;
    }

    /** The plan this run walks. */
    public RunPlan plan() {
        return plan;
    }

    /** The simulated time the run is bounded by, ns. */
    public long boundNanos() {
        return boundNanos;
    }

    /** Whether every step is done and every scheduled event fired (or the simulation was cancelled). */
    public boolean done() {
        return simulation.isCancelled() || index >= steps.size() && !pendingScheduled();
    }

    /** Whether an event scheduled through {@link #schedule} has not fired yet. */
    private boolean pendingScheduled() {
        return scheduledUntil >= 0 && (now() < scheduledUntil || simulation.nextEventNanos() <= scheduledUntil);
    }

    /**
     * Runs the plan to its end (or until the simulation is cancelled).
     *
     * @throws org.ksmstudio.engine.patch.PatchException when the run's patch failed (a hook threw, a
     *         value out of range, an invariant broken): the message names the patch
     */
    public SimulationRun runToEnd() {
        while (!done()) {
            advance(Long.MAX_VALUE);
        }
        return this;
    }

    /**
     * Runs the plan's steps for at most {@code budgetNanos} of simulated time (steps that take no
     * time, such as fired events and checkpoints, are taken on the way).
     *
     * @return the simulated time advanced, ns
     */
    public long advance(long budgetNanos) {
        long start = now();
        while (!done()) {
            long now = now();
            long used = now - start;
            if (used >= budgetNanos) {
                break;
            }
            if (index >= steps.size()) {
                // a scheduled live change after the plan ended: run to it, then converge again (a new phase)
                steps.add(new RunPlan.Advance(Duration.ofNanos(Math.max(0, scheduledUntil - now))));
                steps.add(new RunPlan.Converge());
                boundNanos = Math.max(boundNanos, TimedEvents.later(scheduledUntil, RunPlan.DEFAULT_BOUND));
                continue;
            }
            if (now >= boundNanos) {
                index = steps.size();
                continue;
            }
            long budgetEnd = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + (budgetNanos - used);
            if (step(steps.get(index), now, budgetEnd)) {
                index++;
                started = false;
                if (index == steps.size()) {
                    simulation.checkPatchAfterRun();
                }
            }
        }
        return now() - start;
    }

    /** Runs the current step up to {@code budgetEnd}; whether it is done. */
    private boolean step(RunPlan.Step step, long now, long budgetEnd) {
        switch (step) {
            case RunPlan.Fire f when f.event() instanceof TimelineEvent.Periodic p -> {
                return repeat(p, now, budgetEnd);
            }
            case RunPlan.Fire f -> {
                SysfsResult r = simulation.fire(f.event());
                if (r != null) {
                    writes.add(r);
                }
                return true;
            }
            case RunPlan.Checkpoint c -> {
                checkpoint(c);
                return true;
            }
            case RunPlan.Advance a -> {
                if (!started) {
                    begin(TimedEvents.later(now, a.duration()));
                }
                simulation.runFor(Duration.ofNanos(Math.min(target, budgetEnd) - now));
                return now() >= target;
            }
            case RunPlan.Converge c -> {
                if (!started) {
                    // convergence counts from now: counters the events just changed move only when ksmd scans their pages
                    simulation.markPhaseStart();
                    beginPhase(now);
                    begin(c.limit().isZero() ? boundNanos : TimedEvents.later(now, c.limit()));
                }
                return converge(now, budgetEnd);
            }
            case RunPlan.Settle s -> {
                if (!started) {
                    simulation.markPhaseStart();
                    beginPhase(now);
                    settleConverges = "1".equals(simulation.readSysfs("run"));
                    Duration wait = settleConverges ? s.limit() : s.whenStopped();
                    begin(settleConverges && wait.isZero() ? boundNanos : TimedEvents.later(now, wait));
                }
                if (settleConverges) {
                    return converge(now, budgetEnd);
                }
                simulation.runFor(Duration.ofNanos(Math.min(target, budgetEnd) - now));
                if (now() >= target) {
                    phase = new Phase(phaseStart, phaseStartScans, phaseStartCpu, false, false);
                    return true;
                }
                return false;
            }
            case RunPlan.FullScans s -> {
                if (!started) {
                    begin(boundNanos);
                    fullScansTarget = simulation.fullScans() + s.count();
                }
                boolean reached = simulation.runToFullScans(fullScansTarget,
                        Duration.ofNanos(Math.min(target, budgetEnd) - now));
                if (reached || now() >= target) {
                    // the counters are read right after the scans: a phase that does not wait for convergence
                    simulation.markPhaseStart();
                    phase = new Phase(now(), simulation.fullScans(), simulation.ksmdCpuNanos(), false, false);
                    return true;
                }
                return false;
            }
            case RunPlan.RunOut r -> {
                if (!started) {
                    beginPhase(now);
                    begin(boundNanos);
                }
                if (plan.scenario().run().untilConverged()) {
                    return converge(now, budgetEnd);
                }
                simulation.runFor(Duration.ofNanos(Math.min(target, budgetEnd) - now));
                return now() >= target;
            }
        }
    }

    /**
     * A periodic event as a step: its firings one period apart, the next step after the last
     * ({@code count} 0: until the run ends); each firing generated when it is due.
     */
    private boolean repeat(TimelineEvent.Periodic p, long now, long budgetEnd) {
        if (!started) {
            started = true;
            firing = 0;
            target = now;
        }
        if (now >= target) {
            for (TimelineEvent e : p.firing(firing)) {
                simulation.fire(e);
            }
            firing++;
            target = TimedEvents.later(target, p.period());
            return p.count() != 0 && firing >= p.count() || target > boundNanos;
        }
        simulation.runFor(Duration.ofNanos(Math.min(target, budgetEnd) - now));
        return false;
    }

    private boolean converge(long now, long budgetEnd) {
        boolean converged = simulation.runUntilConverged(Duration.ofNanos(Math.min(target, budgetEnd) - now));
        if (converged || now() >= target || simulation.isCancelled()) {
            phase = new Phase(phaseStart, phaseStartScans, phaseStartCpu, true, converged);
            return true;
        }
        return false;
    }

    private void begin(long stepTarget) {
        started = true;
        target = Math.min(stepTarget, boundNanos);
    }

    private void beginPhase(long now) {
        phaseStart = now;
        phaseStartScans = simulation.fullScans();
        phaseStartCpu = simulation.ksmdCpuNanos();
    }

    private void checkpoint(RunPlan.Checkpoint c) {
        KsmSnapshot snapshot = simulation.snapshot();
        reached.add(new Reached(CheckpointResult.of(snapshot, c), snapshot, simulation.lastChange(), phase,
                List.copyOf(writes), simulation.hugePageCounters()));
        writes.clear();
    }

    /** Runs one ksmd wake-up (a manual step; the plan goes on from there). */
    public void stepWakeup() {
        simulation.stepWakeup();
    }

    /** Runs until ksmd completes one more full scan (a manual step; the plan goes on from there). */
    public void stepFullScan() {
        simulation.stepFullScan();
    }

    /**
     * Schedules a live change at simulated time {@code atNanos}: the simulation applies it when the
     * run reaches that instant, as a timed event. A run whose plan ended runs on to it and then
     * until the counters converge again (a new phase). Call it between two {@link #advance} calls.
     *
     * @return completed when it fired, with what it did (the kernel's answer to a sysfs write, the
     *         result of an operation)
     */
    public CompletableFuture<EventOutcome> schedule(TimelineEvent event, long atNanos) {
        scheduledUntil = Math.max(scheduledUntil, Math.max(atNanos, now()));
        return simulation.schedule(event, atNanos);
    }

    /** Fires the scheduled events due at the simulation's current instant, without advancing it (a paused run). */
    public void fireDue() {
        simulation.runFor(Duration.ZERO);
    }

    /** After the plan ended: run again until the counters converge (a new phase). */
    public void continueUntilConverged() {
        steps.add(new RunPlan.Converge());
        boundNanos = Math.max(boundNanos, TimedEvents.later(now(), RunPlan.DEFAULT_BOUND));
    }

    /** The checkpoints reached so far, in order. */
    public List<CheckpointResult> checkpoints() {
        return reached.stream().map(Reached::result).toList();
    }

    /** What was recorded at each checkpoint reached so far. */
    public List<Reached> reached() {
        return List.copyOf(reached);
    }

    /** Whether every checkpoint reached so far matched what the real kernel showed. */
    public boolean checkpointsMatch() {
        return reached.stream().allMatch(r -> r.result().matches());
    }

    private long now() {
        return simulation.nowNanos();
    }
}
