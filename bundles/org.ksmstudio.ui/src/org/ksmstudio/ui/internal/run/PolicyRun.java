package org.ksmstudio.ui.internal.run;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.model.scenario.Scenario;

/** The simulation of one policy in a run: the engine's stepper walking its plan. */
public final class PolicyRun {

	private final String policy;
	private final Scenario model;
	private final int runIndex;
	private volatile @Nullable SimulationRun run;

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
		RunPlan converted;
		synchronized (model) {
			converted = ScenarioConverter.convert(model, runIndex, policy);
		}
		run = SimulationRun.start(converted);
	}

	/** The policy's name ("stock", "no-limit", ...). */
	public String policy() {
		return policy;
	}

	/** The engine simulation, or null while it is being created. */
	public @Nullable KsmSimulation simulation() {
		SimulationRun r = run;
		return r == null ? null : r.simulation();
	}

	/**
	 * The engine's stepper of this policy's plan, for the run's job and for what reads a simulation that
	 * exists: {@link #create()} must have converted the model.
	 *
	 * @throws IllegalStateException before {@link #create()}
	 */
	public SimulationRun started() {
		SimulationRun r = run;
		if (r == null) {
			throw new IllegalStateException("the simulation of " + policy + " is not created yet"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return r;
	}
}
