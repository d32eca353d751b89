package org.ksmstudio.engine.scenario;

import java.time.Duration;
import java.util.List;

/**
 * What one run does, in order: the scenario (its workload, tunables and timed timeline, periodic
 * events among them, generated one firing at a time while the run goes) and the steps the stepper
 * ({@link org.ksmstudio.engine.SimulationRun}) performs on top of the timeline: waits for
 * convergence, waits of a duration or of full scans, events fired at the moment the step is
 * reached, checkpoints, and the rest of the run as its settings say. Every event, timed or fired by
 * a step, is applied by the same engine code at the moment it fires.
 *
 * @param scenario the engine scenario (with its timed timeline)
 * @param steps    the steps, in order
 */
public record RunPlan(Scenario scenario, List<Step> steps) {

    /** Bound of an until-converged run without a duration: 24 simulated hours. */
    public static final Duration DEFAULT_BOUND = Duration.ofHours(24);

    public RunPlan {
        ScenarioException.require(scenario, "plan.scenario", "is required");
        steps = List.copyOf(steps);
    }

    /** The plan of a scenario alone: its timeline, then the run as its settings say. */
    public static RunPlan of(Scenario scenario) {
        return new RunPlan(scenario, List.of(new RunOut()));
    }

    /** The same steps on another scenario (e.g. with a sweep unit's parameters or another run length). */
    public RunPlan withScenario(Scenario other) {
        return new RunPlan(other, steps);
    }

    /** The simulated time the run may last: its settings' duration, or {@link #DEFAULT_BOUND} when that is 0. */
    public Duration bound() {
        return scenario.run().duration().isZero() ? DEFAULT_BOUND : scenario.run().duration();
    }

    /** One step of a plan. */
    public sealed interface Step {
    }

    /**
     * Run until the counters converge (no change for two full scans, counted from the start of the
     * step), at most {@code limit} (zero: the rest of the run).
     */
    public record Converge(Duration limit) implements Step {
        public Converge {
            ScenarioException.require(limit, "converge.limit", "must be >= 0");
            ScenarioException.check(!limit.isNegative(), "converge.limit", limit, "must be >= 0");
        }

        /** Until converged, bounded by the run only. */
        public Converge() {
            this(Duration.ZERO);
        }
    }

    /**
     * Let the counters settle, as a harness reading a real kernel does: when ksmd runs (run=1) at the
     * start of the step, until they converge (at most {@code limit}, zero: the rest of the run);
     * when it does not, for {@code whenStopped}.
     */
    public record Settle(Duration limit, Duration whenStopped) implements Step {
        public Settle {
            ScenarioException.require(limit, "settle.limit", "must be >= 0");
            ScenarioException.check(!limit.isNegative(), "settle.limit", limit, "must be >= 0");
            ScenarioException.require(whenStopped, "settle.whenStopped", "must be >= 0");
            ScenarioException.check(!whenStopped.isNegative(), "settle.whenStopped", whenStopped, "must be >= 0");
        }
    }

    /** Run for {@code duration} of simulated time. */
    public record Advance(Duration duration) implements Step {
        public Advance {
            ScenarioException.require(duration, "advance.duration", "must be >= 0");
            ScenarioException.check(!duration.isNegative(), "advance.duration", duration, "must be >= 0");
        }
    }

    /** Run until ksmd completed {@code count} more full scans (each within one simulated day). */
    public record FullScans(long count) implements Step {
        public FullScans {
            ScenarioException.check(count >= 0, "fullScans.count", count, "must be >= 0");
        }
    }

    /**
     * Fire {@code event} now (its own {@code at} is ignored): an event whose time is known only
     * during the run, e.g. after a convergence wait. A {@link TimelineEvent.Periodic} fires its
     * firings one period apart from now, each generated when it is due, and the next step follows
     * the last firing (count 0: the firings go on until the run ends).
     */
    public record Fire(TimelineEvent event) implements Step {
        public Fire {
            ScenarioException.require(event, "fire.event", "is required");
        }
    }

    /** Record the counters under {@code name} and compare them with what a real kernel showed. */
    public record Checkpoint(String name, List<Expected> expected) implements Step {
        public Checkpoint {
            expected = List.copyOf(expected);
        }
    }

    /** The rest of the run as its settings say: until converged (within the bound), or to the end of its duration. */
    public record RunOut() implements Step {
    }

    /**
     * A counter value measured on a real kernel.
     *
     * @param counter sysfs or ksm_stat name
     * @param pid     0 for /sys/kernel/mm/ksm, else the process
     * @param value   measured value
     */
    public record Expected(String counter, int pid, long value) {
    }
}
