package org.ksmstudio.core.convert;

import java.time.Duration;
import java.util.List;

import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;

/**
 * What to run for one policy of one run settings: the engine scenario (whose timeline holds every
 * event whose time is known before the run) and the steps the runner performs on the running
 * simulation, in order (waits for convergence, events that follow a convergence, checkpoints).
 *
 * @param scenario the engine scenario
 * @param steps    steps after the start, in order
 */
public record SimulationPlan(Scenario scenario, List<Step> steps) {

    public SimulationPlan {
        steps = List.copyOf(steps);
    }

    /** One step of a plan. */
    public sealed interface Step {
    }

    /** Run until the counters converge (no change for two full scans). */
    public record Converge() implements Step {
    }

    /** Run for {@code duration} of simulated time. */
    public record Advance(Duration duration) implements Step {
    }

    /**
     * Apply {@code event} to the running simulation now (its {@code at} is meaningless): the
     * event's time became known only during the run.
     */
    public record Apply(TimelineEvent event) implements Step {
    }

    /** Record the counters under {@code name} and compare them with what a real kernel showed. */
    public record Checkpoint(String name, List<Expected> expected) implements Step {
        public Checkpoint {
            expected = List.copyOf(expected);
        }
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
