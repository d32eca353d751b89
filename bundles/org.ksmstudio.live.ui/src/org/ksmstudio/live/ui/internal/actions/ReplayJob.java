package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.core.replay.KernelReplay;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.ReferenceRecorder;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayListener;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.sysfs.RestoreReport;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.live.ui.internal.compare.CompareModel;
import org.ksmstudio.live.ui.internal.compare.CompareView;

/**
 * Replays a case on the real kernel ({@link ReplayRunner}: experiment lock, snapshot, tunables,
 * workload generators, phases until settled, restore verified also on failure and cancel), then
 * simulates the same case and shows both in the {@link CompareView}. Cancelling stops the replay
 * at its next poll; the runner restores the previous tunables before the job ends.
 */
public final class ReplayJob extends Job {

	private final String label;
	private final RunPlan plan;
	private final ReplayCase replayCase;
	private final LiveSources sources;
	private final IWorkbenchWindow window;

	ReplayJob(String label, RunPlan plan, ReplayCase replayCase, LiveSources sources, IWorkbenchWindow window) {
		super(NLS.bind(Messages.replayJob, label));
		this.label = label;
		this.plan = plan;
		this.replayCase = replayCase;
		this.sources = sources;
		this.window = window;
		setUser(true);
		setRule(KernelRule.INSTANCE);
	}

	@Override
	@NonNullByDefault({})
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, replayCase.phases().size() + 1);
		ReplayRunner runner = sources.replayRunner();
		RecordedCase recorded;
		try {
			recorded = runner.run(replayCase, new ReplayListener() {
				@Override
				public void phaseStarted(ReplayCase c, ReplayCase.Phase phase) {
					progress.subTask(NLS.bind(Messages.replayPhase, phase.name()));
				}

				@Override
				public void phaseFinished(ReplayCase c, org.ksmstudio.live.replay.RecordedPhase phase) {
					progress.worked(1);
				}

				@Override
				public void restored(RestoreReport report) {
					if (!report.verified()) {
						progress.subTask(NLS.bind(Messages.replayRestoreFailed,
								String.join("; ", report.mismatches()))); //$NON-NLS-1$
					}
				}
			}, progress::isCanceled);
		} catch (CancellationException e) {
			return new Status(IStatus.CANCEL, getClass(), NLS.bind(Messages.replayCancelled, label));
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.replayFailed, label, e.getMessage()), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Status(IStatus.CANCEL, getClass(), NLS.bind(Messages.replayCancelled, label));
		}
		progress.subTask(Messages.replaySimulating);
		RunResult simulated = KernelReplay.simulate(plan.scenario(), recorded);
		progress.worked(1);
		String kernel = new ReferenceRecorder(runner, sources.proc()).kernel();
		CompareModel model = CompareModel.of(label, kernel, plan.scenario().run().policy(), recorded, simulated);
		window.getShell().getDisplay().asyncExec(() -> show(model));
		return Status.OK_STATUS;
	}

	private void show(CompareModel model) {
		if (window.getShell().isDisposed() || window.getActivePage() == null) {
			return;
		}
		try {
			((CompareView) window.getActivePage().showView(CompareView.ID)).setModel(model);
		} catch (PartInitException e) {
			org.eclipse.core.runtime.ILog.of(getClass()).log(e.getStatus());
		}
	}
}
