package org.ksmstudio.ui.internal.run;

import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.engine.KsmSimulation;

/** The simulation of one policy in a run: its engine simulation and where it is in its plan. */
public final class PolicyRun {

	private final String policy;
	private final SimulationPlan plan;
	private KsmSimulation simulation;
	private PlanCursor cursor;

	PolicyRun(String policy, SimulationPlan plan) {
		this.policy = policy;
		this.plan = plan;
	}

	/** Builds the engine's simulation (faults the workload in); call it off the UI thread. */
	void create() {
		simulation = KsmSimulation.create(plan.scenario());
		cursor = PlanCursor.forPlan(plan, simulation);
	}

	/** The policy's name ("stock", "no-limit", ...). */
	public String policy() {
		return policy;
	}

	/** The engine simulation, or null while it is being created. */
	public KsmSimulation simulation() {
		return simulation;
	}

	/** The plan this policy runs. */
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
