package org.ksmstudio.ui.internal.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.compare.RunHistory;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;

/**
 * The workbench's history of finished runs for the Compare view. Every editor run is kept when it
 * ends (done or stopped), one {@link FinishedRun} per policy; a run that goes on after a tunable
 * write and ends again replaces its entry. Only the runs' series, final state and latency reports
 * are kept, never their engines: the runs themselves are referenced weakly.
 */
public final class ComparedRuns {

	private static final RunHistory HISTORY = new RunHistory(RunHistory.DEFAULT_CAPACITY);
	/** The history's numbers of each run's policies, by policy; weak, so that no run is kept alive. */
	private static final Map<ScenarioRun, Map<String, Long>> KEPT = new WeakHashMap<>();

	private ComparedRuns() {
	}

	/** The history. */
	public static RunHistory history() {
		return HISTORY;
	}

	/** Keeps {@code run}'s policies in the history each time it ends; {@code model} names the source. */
	static void keepWhenFinished(ScenarioRun run, Scenario model) {
		String source = source(model);
		run.addListener(changed -> {
			ScenarioRun.Status status = changed.status();
			if (status == ScenarioRun.Status.DONE || status == ScenarioRun.Status.CANCELLED) {
				Job keep = Job.create(Messages.compareKeepJob, (IProgressMonitor monitor) -> {
					keep(changed, source);
					return Status.OK_STATUS;
				});
				keep.setSystem(true);
				keep.schedule();
			}
		});
	}

	/** The history's runs of {@code run} (one per policy that was kept), in policy order. */
	public static List<FinishedRun> keptOf(ScenarioRun run) {
		Map<String, Long> ids;
		synchronized (KEPT) {
			ids = KEPT.get(run);
			ids = ids == null ? Map.of() : new LinkedHashMap<>(ids);
		}
		List<FinishedRun> kept = new ArrayList<>();
		for (Long id : ids.values()) {
			HISTORY.byId(id).ifPresent(kept::add);
		}
		return kept;
	}

	/** Where a scenario came from: its file, or empty. */
	public static String source(Scenario model) {
		Resource resource = model.eResource();
		if (resource == null || resource.getURI() == null) {
			return ""; //$NON-NLS-1$
		}
		URI uri = resource.getURI();
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}

	private static synchronized void keep(ScenarioRun run, String source) {
		for (PolicyRun policy : run.policies()) {
			KsmSimulation simulation = policy.simulation();
			if (simulation == null) {
				continue;
			}
			FinishedRun finished = FinishedRun.of(simulation.scenario().name(), source, Map.of(), simulation);
			Long id;
			synchronized (KEPT) {
				id = KEPT.computeIfAbsent(run, r -> new LinkedHashMap<>()).get(policy.policy());
			}
			FinishedRun kept = id == null ? HISTORY.add(finished) : HISTORY.replace(id, finished);
			synchronized (KEPT) {
				KEPT.get(run).put(policy.policy(), kept.id());
			}
		}
	}
}
