package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchWindow;
import org.ksmstudio.live.calibrate.CalibrationCases;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayListener;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * Replays the standard calibration cases on the kernel (each restoring the tunables, also on
 * cancel) and fits ksmd's cost per scanned page and wake-up overhead; the result opens in a
 * {@link CalibrationDialog}.
 */
public final class CalibrateJob extends Job {

	private final LiveSources sources;
	private final IWorkbenchWindow window;

	CalibrateJob(LiveSources sources, IWorkbenchWindow window) {
		super(Messages.calibrateJob);
		this.sources = sources;
		this.window = window;
		setUser(true);
		setRule(KernelRule.INSTANCE);
	}

	@Override
	@NonNullByDefault({})
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, CalibrationCases.standard().size());
		ReplayRunner runner = sources.replayRunner();
		String name = NLS.bind(Messages.calibrateNameDefault, LocalDate.now());
		ScanCostCalibration calibration;
		try {
			calibration = CalibrationCases.calibrate(name, runner, new ReplayListener() {
				@Override
				public void phaseStarted(ReplayCase c, ReplayCase.Phase phase) {
					progress.subTask(NLS.bind(Messages.calibrateCase, c.name()));
				}

				@Override
				public void phaseFinished(ReplayCase c, RecordedPhase phase) {
					progress.worked(1);
				}
			}, progress::isCanceled);
		} catch (CancellationException e) {
			return new Status(IStatus.CANCEL, getClass(), Messages.calibrateCancelled);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Status(IStatus.CANCEL, getClass(), Messages.calibrateCancelled);
		} catch (IOException | IllegalArgumentException e) {
			return Status.error(NLS.bind(Messages.calibrateFailed, e.getMessage()), e);
		}
		window.getShell().getDisplay().asyncExec(() -> {
			if (!window.getShell().isDisposed()) {
				new CalibrationDialog(window, calibration).open();
			}
		});
		return Status.OK_STATUS;
	}
}
