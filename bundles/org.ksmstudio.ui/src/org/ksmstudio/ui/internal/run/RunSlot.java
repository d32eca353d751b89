package org.ksmstudio.ui.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.IEvaluationService;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;

/**
 * The run of one scenario editor: at most one at a time; its results stay until the next run
 * replaces it. Views follow the slot of the active editor.
 */
public final class RunSlot {

	/** Told when the slot's run is replaced; called on the thread that started the run. */
	public interface Listener {
		/** {@code run} is the slot's new run. */
		void runChanged(ScenarioRun run);
	}

	private static final String[] COMMAND_PROPERTIES = { "org.ksmstudio.ui.run.active", //$NON-NLS-1$
			"org.ksmstudio.ui.run.running", "org.ksmstudio.ui.run.paused" }; //$NON-NLS-1$ //$NON-NLS-2$

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private volatile @Nullable ScenarioRun current;
	private volatile double speed = Speed.initial();

	/** The current (or last) run, null before the first. */
	public @Nullable ScenarioRun current() {
		return current;
	}

	/**
	 * Starts a run of {@code model} under run settings {@code runIndex}, one simulation per policy
	 * of those settings; a run in progress is cancelled first. The model is copied on the calling
	 * thread (the UI thread, which owns it); the job converts the copy and builds the simulations, and
	 * a scenario the engine refuses ends the run as {@link ScenarioRun.Status#FAILED} with the reason.
	 */
	public ScenarioRun start(Scenario model, int runIndex) {
		Scenario copy = EcoreUtil.copy(model);
		List<PolicyRun> policies = new ArrayList<>();
		for (String policy : ScenarioConverter.policies(model, runIndex)) {
			policies.add(new PolicyRun(policy, copy, runIndex));
		}
		String runName = runIndex < model.getRuns().size() ? name(model.getRuns().get(runIndex)) : ""; //$NON-NLS-1$
		ScenarioRun run = new ScenarioRun(model.getName() + runName, policies);
		ComparedRuns.keepWhenFinished(run, model);
		ScenarioRun old = current;
		if (old != null) {
			old.cancel();
		}
		current = run;
		run.setSpeed(speed);
		run.addListener(changed -> refreshCommandState());
		for (Listener listener : listeners) {
			listener.runChanged(run);
		}
		run.start();
		return run;
	}

	/** The pace of the next runs: simulated seconds per real second, 0 for as fast as possible. */
	public void setSpeed(double simulatedSecondsPerSecond) {
		speed = simulatedSecondsPerSecond;
	}

	/** The pace of the next runs ({@link Speed#initial()} until {@link #setSpeed} changed it). */
	public double speed() {
		return speed;
	}

	/** Re-evaluates the enablement of the simulation commands (after a run's status changed). */
	private static void refreshCommandState() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IEvaluationService service = PlatformUI.getWorkbench().getService(IEvaluationService.class);
			if (service != null) {
				for (String property : COMMAND_PROPERTIES) {
					service.requestEvaluation(property);
				}
			}
		});
	}

	private static String name(RunSettings settings) {
		return settings.getName().isEmpty() ? "" : " \u00b7 " + settings.getName(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Listens to run changes. */
	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	/** Stops listening. */
	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Cancels the run in progress (the editor is closing). */
	public void dispose() {
		ScenarioRun run = current;
		if (run != null) {
			run.cancel();
		}
		listeners.clear();
	}
}
