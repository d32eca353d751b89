package org.ksmstudio.ui.internal.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.RunSettings;

/**
 * Walks a {@link SimulationPlan} in slices of simulated time, so that the job running it can
 * pause, step, pace and cancel between slices. The plan's steps are followed by the rest of the
 * run as its settings say (until converged, or to the end of its duration).
 */
final class PlanCursor {

	private static final Duration DEFAULT_BOUND = Duration.ofHours(24);

	private final KsmSimulation simulation;
	private final List<SimulationPlan.Step> steps;
	private final long boundNanos;
	private int index;
	private long advanceLeftNanos = -1;
	private final List<String> checkpoints = new ArrayList<>();

	private PlanCursor(KsmSimulation simulation, List<SimulationPlan.Step> steps, long boundNanos) {
		this.simulation = simulation;
		this.steps = steps;
		this.boundNanos = boundNanos;
	}

	/** A cursor at the start of {@code plan}, followed by the rest of the run as its settings say. */
	static PlanCursor forPlan(SimulationPlan plan, KsmSimulation simulation) {
		RunSettings settings = plan.scenario().run();
		Duration bound = settings.duration().isZero() ? DEFAULT_BOUND : settings.duration();
		List<SimulationPlan.Step> steps = new ArrayList<>(plan.steps());
		steps.add(settings.untilConverged() ? new SimulationPlan.Converge() : new SimulationPlan.Advance(Duration.ZERO));
		return new PlanCursor(simulation, steps, bound.toNanos());
	}

	/** A cursor that runs {@code simulation} from now until its counters converge again (a new phase). */
	static PlanCursor convergeFromNow(KsmSimulation simulation) {
		simulation.markPhaseStart();
		long bound = simulation.snapshot().timeNanos() + DEFAULT_BOUND.toNanos();
		return new PlanCursor(simulation, new ArrayList<>(List.of(new SimulationPlan.Converge())), bound);
	}

	/** Whether every step is done. */
	boolean done() {
		return index >= steps.size() || simulation.isCancelled();
	}

	/** The simulated length the run is bounded by, in nanoseconds. */
	long boundNanos() {
		return boundNanos;
	}

	/** Runs at most {@code slice} of simulated time of the current steps; returns the simulated time advanced. */
	long advance(long sliceNanos) {
		long start = simulation.snapshot().timeNanos();
		while (!done()) {
			SimulationPlan.Step step = steps.get(index);
			long now = simulation.snapshot().timeNanos();
			long left = boundNanos - now;
			long used = now - start;
			if (used >= sliceNanos) {
				break;
			}
			switch (step) {
				case SimulationPlan.Converge c -> {
					long chunk = Math.min(sliceNanos - used, left);
					if (chunk <= 0 || simulation.runUntilConverged(Duration.ofNanos(chunk))) {
						index++;
					}
				}
				case SimulationPlan.Advance a -> {
					if (advanceLeftNanos < 0) {
						advanceLeftNanos = index == steps.size() - 1 ? Math.max(left, 0) : a.duration().toNanos();
					}
					long run = Math.min(sliceNanos - used, advanceLeftNanos);
					if (run > 0) {
						simulation.runFor(Duration.ofNanos(run));
						advanceLeftNanos -= run;
					}
					if (advanceLeftNanos <= 0) {
						advanceLeftNanos = -1;
						index++;
					}
				}
				case SimulationPlan.Apply a -> {
					ScenarioRunner.apply(simulation, a.event());
					index++;
				}
				case SimulationPlan.Checkpoint c -> {
					checkpoints.add(c.name());
					index++;
				}
			}
		}
		return simulation.snapshot().timeNanos() - start;
	}

	/** Names of the checkpoints passed so far. */
	List<String> checkpoints() {
		return List.copyOf(checkpoints);
	}
}
