package org.ksmstudio.live.ui.internal.imports;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.operation.IRunnableWithProgress;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.capture.CaptureModelConverter;
import org.ksmstudio.core.capture.CapturedScenarioFiles;
import org.ksmstudio.core.capture.ShadowComparison;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.live.capture.CaptureListener;
import org.ksmstudio.live.capture.CaptureOptions;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.capture.MachineCapturer;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.live.ui.internal.compare.CompareModel;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;

/**
 * Captures the chosen processes with progress (pages read) and cancel, saves the scenario and
 * its page-contents file, and, when ksmd is merging the captured processes, simulates the
 * captured scenario to convergence for the Kernel vs Simulation view.
 */
final class CaptureRunnable implements IRunnableWithProgress {

	private final MachineCapturer capturer;
	private final CaptureOptions options;
	private final String name;
	private final boolean kernelTunables;
	private final Path file;
	private @Nullable CompareModel comparison;

	/**
	 * @param kernelTunables whether the scenario takes the kernel's tunables (else the defaults)
	 */
	CaptureRunnable(MachineCapturer capturer, CaptureOptions options, String name, boolean kernelTunables, Path file) {
		this.capturer = capturer;
		this.options = options;
		this.name = name;
		this.kernelTunables = kernelTunables;
		this.file = file;
	}

	@Override
	@NonNullByDefault({})
	public void run(IProgressMonitor monitor) throws InvocationTargetException, InterruptedException {
		SubMonitor progress = SubMonitor.convert(monitor, Messages.captureTask, 1000);
		SubMonitor reading = progress.split(800);
		reading.beginTask(Messages.captureTask, 1000);
		MachineCapture capture;
		try {
			capture = capturer.capture(options, new CaptureListener() {
				private int reported;

				@Override
				public void step(String description) {
					reading.subTask(description);
				}

				@Override
				public void pages(long done, long total) {
					int now = total == 0 ? 1000 : (int) (1000 * done / total);
					reading.worked(now - reported);
					reported = now;
				}
			}, monitor::isCanceled);
		} catch (CancellationException e) {
			throw new InterruptedException(Messages.captureCancelled);
		} catch (IOException e) {
			throw new InvocationTargetException(e, e.getMessage());
		}
		progress.setWorkRemaining(200);
		progress.subTask(NLS.bind(Messages.captureSaving, file));
		CaptureModelConverter.Conversion conversion = CaptureModelConverter.convert(name, capture, kernelTunables);
		try {
			CapturedScenarioFiles.save(conversion, file);
		} catch (IOException | RuntimeException e) {
			throw new InvocationTargetException(e, NLS.bind(Messages.importSaveFailed, file, e.getMessage()));
		}
		progress.worked(50);
		if (ShadowComparison.applies(capture)) {
			progress.subTask(Messages.captureSimulating);
			try {
				Scenario scenario = ScenarioConverter.convert(ScenarioResources.load(file), 0, null).scenario();
				RunResult simulated = ShadowComparison.simulate(capture, scenario);
				comparison = CompareModel.of(file.getFileName().toString(),
						System.getProperty("os.version", "?"), simulated.policy(), //$NON-NLS-1$ //$NON-NLS-2$
						ShadowComparison.recordedCase(capture, scenario), simulated);
			} catch (ScenarioLoadException | ConversionException e) {
				throw new InvocationTargetException(e, e.getMessage());
			}
		}
		progress.done();
	}

	/** The kernel's counters beside the simulation, or null when ksmd was not merging the processes. */
	@Nullable CompareModel comparison() {
		return comparison;
	}
}
