package org.ksmstudio.ui.internal.run;

import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.model.scenario.Scenario;

/** The simulation of one policy in a run: its engine simulation and where it is in its plan. */
public final class PolicyRun {

	private final String policy;
	private final Scenario model;
	private final int runIndex;
	private volatile SimulationPlan plan;
	private volatile KsmSimulation simulation;
	private PlanCursor cursor;

	/**
	 * @param policy   the policy's name
	 * @param model    a private copy of the scenario model, read by the job only
	 * @param runIndex the run settings of the model to run
	 */
	PolicyRun(String policy, Scenario model, int runIndex) {
		this.policy = policy;
		this.model = model;
		this.runIndex = runIndex;
	}

	/**
	 * Converts the model and builds the engine's simulation (faults the workload in); call it off
	 * the UI thread.
	 *
	 * @throws ConversionException when the engine refuses the scenario
	 */
	void create() throws ConversionException {
		SimulationPlan converted;
		synchronized (model) {
			converted = ScenarioConverter.convert(model, runIndex, policy);
		}
		plan = converted;
		simulation = KsmSimulation.create(converted.scenario());
		cursor = PlanCursor.forPlan(converted, simulation);
	}

	/** The policy's name ("stock", "no-limit", ...). */
	public String policy() {
		return policy;
	}

	/** The engine simulation, or null while it is being created. */
	public KsmSimulation simulation() {
		return simulation;
	}

	/** The plan this policy runs, null until {@link #create()} converted the model. */
	public SimulationPlan plan() {
		return plan;
	}

	PlanCursor cursor() {
		return cursor;
	}

	/** Starts a new phase after the plan ended: run until the counters converge again. */
	void continueUntilConverged() {
		cursor = PlanCursor.convergeFromNow(simulation);
	}
}
