package org.ksmstudio.ui.internal.views;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.ui.internal.run.RunSlot;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Base of the views that follow the run of the active scenario editor. While the run is active,
 * a background job samples it at most {@value #SAMPLE_PERIOD_MS} ms apart (never on the UI
 * thread) and hands the sample to {@link #show} through {@code asyncExec}; a new sample is not
 * posted while the previous one waits for the UI thread, so the UI never falls behind.
 *
 * @param <T> what one sample holds
 */
public abstract class RunView<T> extends ViewPart {

	/** Minimum time between two samples: at most 10 a second. */
	public static final long SAMPLE_PERIOD_MS = 100;

	private final AtomicBoolean showPending = new AtomicBoolean();
	private final RunSlot.Listener slotListener = this::runReplaced;
	private final ScenarioRun.Listener statusListener = this::statusChanged;
	private final Sampler sampler = new Sampler();
	private @Nullable RunSlot slot;
	private @Nullable IEditorPart followed;
	private volatile @Nullable ScenarioRun run;
	private @Nullable Display display;

	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		@NonNullByDefault({})
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor) {
				follow(editor);
			}
		}

		@Override
		@NonNullByDefault({})
		public void partBroughtToTop(IWorkbenchPartReference ref) {
			partActivated(ref);
		}

		@Override
		@NonNullByDefault({})
		public void partVisible(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == RunView.this) {
				sampleSoon(); // charts skipped while hidden are drawn from the engine's history now
			}
		}

		@Override
		@NonNullByDefault({})
		public void partClosed(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == followed) {
				follow(null);
			}
		}
	};

	@Override
	@NonNullByDefault({})
	public final void createPartControl(Composite parent) {
		display = parent.getDisplay();
		createContents(parent);
		IWorkbenchPage page = getSite().getPage();
		page.addPartListener(partListener);
		follow(page.getActiveEditor());
		if (slot == null) {
			runReplaced(null); // no scenario editor yet: the view says so
		}
	}

	/** Creates the view's widgets. */
	protected abstract void createContents(Composite parent);

	/**
	 * Reads what the view shows from {@code run}, whose followed policy's simulation is {@code simulation};
	 * called on a background thread.
	 */
	protected abstract T sample(ScenarioRun run, KsmSimulation simulation);

	/** Shows a sample; called on the UI thread. {@code data} is null when there is no run. */
	protected abstract void show(@Nullable ScenarioRun run, @Nullable T data);

	/** The control that must be alive for samples to be shown, null before {@link #createContents}. */
	protected abstract @Nullable Control mainControl();

	/** Whether the view's controls are there to show a sample. */
	private boolean alive() {
		Control main = mainControl();
		return main != null && !main.isDisposed();
	}

	/** Runs {@code code} on the UI thread (once the view has its controls: they come with the display). */
	private void asyncExec(Runnable code) {
		Display shown = display;
		if (shown != null) {
			shown.asyncExec(code);
		}
	}

	/** Minimum time between two samples of this view, ms; at least {@link #SAMPLE_PERIOD_MS}. */
	protected long samplePeriodMillis() {
		return SAMPLE_PERIOD_MS;
	}

	/** The editor whose run the view follows, or null. */
	protected @Nullable IEditorPart followedEditor() {
		return followed;
	}

	/** The run the view follows, or null. */
	protected @Nullable ScenarioRun run() {
		return run;
	}

	private void statusChanged(ScenarioRun changed) {
		sampleSoon();
		asyncExec(() -> {
			if (alive() && run == changed) {
				showStatus(changed);
			}
		});
	}

	/** Shows the run's status (running, paused, done, ...) where the view shows it; on the UI thread. */
	protected void showStatus(ScenarioRun changed) {
		// views without a status line show it with their next sample
	}

	/** Takes a sample as soon as possible (after a user action on the run). */
	protected void sampleSoon() {
		sampler.schedule();
	}

	private void follow(@Nullable IEditorPart editor) {
		RunSlot newSlot = editor == null ? null : editor.getAdapter(RunSlot.class);
		if (editor != null && newSlot == null) {
			return;
		}
		RunSlot oldSlot = slot;
		if (newSlot == oldSlot) {
			return;
		}
		if (oldSlot != null) {
			oldSlot.removeListener(slotListener);
		}
		followed = editor;
		slot = newSlot;
		if (newSlot != null) {
			newSlot.addListener(slotListener);
		}
		runReplaced(newSlot == null ? null : newSlot.current());
	}

	private void runReplaced(@Nullable ScenarioRun newRun) {
		ScenarioRun old = run;
		if (old != null) {
			old.removeListener(statusListener);
		}
		run = newRun;
		if (newRun != null) {
			newRun.addListener(statusListener);
		}
		asyncExec(() -> {
			if (alive() && run == newRun) {
				show(newRun, null);
			}
		});
		sampleSoon();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(partListener);
		if (slot != null) {
			slot.removeListener(slotListener);
		}
		if (run != null) {
			run.removeListener(statusListener);
		}
		run = null;
		sampler.cancel();
		super.dispose();
	}

	/** Samples the run in the background while it is active; then once more, for the final state. */
	private final class Sampler extends Job {
		Sampler() {
			super(RunView.this.getClass().getSimpleName());
			setSystem(true);
		}

		@Override
		@NonNullByDefault({})
		protected IStatus run(IProgressMonitor monitor) {
			ScenarioRun current = run;
			KsmSimulation simulation = current == null ? null : current.simulation();
			if (current == null || simulation == null) {
				if (current != null && current.isActive()) {
					schedule(Math.max(SAMPLE_PERIOD_MS, samplePeriodMillis()));
				}
				return Status.OK_STATUS;
			}
			boolean active = current.isActive();
			if (!showPending.compareAndSet(false, true)) {
				schedule(Math.max(SAMPLE_PERIOD_MS, samplePeriodMillis()));
				return Status.OK_STATUS;
			}
			T data = sample(current, simulation);
			asyncExec(new Runnable() {
				@Override
				public void run() {
					showPending.set(false);
					if (alive() && RunView.this.run == current) {
						show(current, data);
					}
				}

				@Override
				public String toString() {
					return RunView.this.getClass().getSimpleName() + ".show"; //$NON-NLS-1$
				}
			});
			if (active && !monitor.isCanceled()) {
				schedule(Math.max(SAMPLE_PERIOD_MS, samplePeriodMillis()));
			}
			return Status.OK_STATUS;
		}
	}
}
