package org.ksmstudio.ui.internal.export;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.TimeSeriesExport;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.ui.internal.run.PolicyRun;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * A run's counter time series as CSV or JSON in the headless format ({@link TimeSeriesExport}):
 * every policy of the run, each row naming the scenario and the policy, with ksmd's CPU share and
 * the tunables in force.
 */
public final class CounterExport {

	private CounterExport() {
	}

	/** The series so far of each policy of {@code run} whose simulation exists, as results. */
	public static List<RunResult> results(ScenarioRun run) {
		List<RunResult> results = new ArrayList<>();
		for (PolicyRun policy : run.policies()) {
			KsmSimulation simulation = policy.simulation();
			if (simulation != null) {
				// the stepper's checkpoints are read by its thread only while the run is active
				results.add(new RunResult(policy.policy(), simulation.snapshot(), simulation.samples(),
						run.isActive() ? List.of() : policy.started().checkpoints()));
			}
		}
		return results;
	}

	/** The run as text in {@code format} ("csv" or "json"). */
	public static String text(ScenarioRun run, String format) {
		List<RunResult> results = results(run);
		return "json".equals(format) ? TimeSeriesExport.json(run.name(), results) //$NON-NLS-1$
				: TimeSeriesExport.csv(run.name(), results);
	}
}
