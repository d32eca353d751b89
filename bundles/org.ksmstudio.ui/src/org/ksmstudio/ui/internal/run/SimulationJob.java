package org.ksmstudio.ui.internal.run;

import java.text.NumberFormat;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.ui.internal.Messages;

/**
 * Runs the simulations of a {@link ScenarioRun} in slices of simulated time sized to take about
 * 50 ms of real time each, so that pause, steps and pacing act between slices; cancel stops the
 * engine after the wake-up in progress. Progress goes to the status bar and the Progress view.
 */
final class SimulationJob extends Job {

	/** Job family of every simulation run. */
	static final Object FAMILY = SimulationJob.class;

	private static final long SLICE_WALL_NANOS = 50_000_000L;
	private static final long MIN_SLICE = 1_000_000L;
	private static final long MAX_SLICE = 3_600_000_000_000L;

	private final ScenarioRun run;

	SimulationJob(ScenarioRun run) {
		super(NLS.bind(Messages.runJob, run.name()));
		this.run = run;
		setPriority(LONG);
	}

	@Override
	@NonNullByDefault({})
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		try {
			for (PolicyRun policy : run.policies()) {
				if (policy.simulation() == null) {
					monitor.subTask(NLS.bind(Messages.runFaultingIn, policy.policy()));
					try {
						policy.create();
					} catch (ConversionException e) {
						run.fail(e.getMessage());
						return Status.OK_STATUS;
					}
				}
				if (monitor.isCanceled()) {
					run.stopSimulations();
				}
			}
			if (!loop(monitor)) {
				run.setStatus(ScenarioRun.Status.CANCELLED);
			}
		} catch (RuntimeException | OutOfMemoryError e) {
			ILog.of(SimulationJob.class).error(NLS.bind(Messages.runFailed, run.name()), e);
			run.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		} finally {
			run.jobDone(this);
			monitor.done();
		}
		return Status.OK_STATUS;
	}

	/**
	 * Runs slices until every plan is done (true) or the run is cancelled (false). Between slices it
	 * schedules the tunable writes made meanwhile, so that every policy gets them at one instant.
	 */
	private boolean loop(IProgressMonitor monitor) {
		long slice = 100_000_000L;
		long paceWall = System.nanoTime();
		long paceSim = now();
		double paceSpeed = run.speed();
		while (true) {
			if (monitor.isCanceled() || run.followed().started().simulation().isCancelled()) {
				run.stopSimulations();
				return false;
			}
			run.scheduleChanges();
			if (run.finishIfDone(this)) {
				return true;
			}
			ScenarioRun.StepKind step = run.takeStep();
			if (step != null) {
				run.setStatus(ScenarioRun.Status.RUNNING);
				for (PolicyRun policy : run.policies()) {
					if (step == ScenarioRun.StepKind.WAKEUP) {
						policy.started().stepWakeup();
					} else {
						policy.started().stepFullScan();
					}
				}
				report(monitor);
				continue;
			}
			if (run.isPauseRequested()) {
				run.setStatus(ScenarioRun.Status.PAUSED);
				for (PolicyRun policy : run.policies()) {
					policy.started().fireDue(); // tunable writes due at the instant the run is paused at
				}
				run.await(100);
				paceWall = System.nanoTime();
				paceSim = now();
				continue;
			}
			run.setStatus(ScenarioRun.Status.RUNNING);
			double speed = run.speed();
			if (speed != paceSpeed) {
				paceSpeed = speed;
				paceWall = System.nanoTime();
				paceSim = now();
			}
			long sliceNanos = speed > 0 ? Math.max(MIN_SLICE, (long) (speed * SLICE_WALL_NANOS)) : slice;
			long started = System.nanoTime();
			for (PolicyRun policy : run.policies()) {
				SimulationRun stepper = policy.started();
				if (!stepper.done()) {
					stepper.advance(sliceNanos);
				}
			}
			long took = System.nanoTime() - started;
			if (speed > 0) {
				long due = paceWall + (long) ((now() - paceSim) / speed);
				long wait = (due - System.nanoTime()) / 1_000_000L;
				if (wait > 0) {
					run.await(wait);
				}
			} else if (took < SLICE_WALL_NANOS / 2) {
				slice = Math.min(MAX_SLICE, slice * 2);
			} else if (took > SLICE_WALL_NANOS * 2) {
				slice = Math.max(MIN_SLICE, slice / 2);
			}
			report(monitor);
		}
	}

	private long now() {
		return run.followed().started().simulation().nowNanos();
	}

	private void report(IProgressMonitor monitor) {
		KsmSimulation simulation = run.followed().started().simulation();
		KsmSnapshot snapshot = simulation.snapshot();
		KsmCounters c = snapshot.counters();
		NumberFormat n = NumberFormat.getIntegerInstance();
		monitor.subTask(NLS.bind(Messages.runProgress, new Object[] { String.format("%.1f", snapshot.timeNanos() / 1e9), //$NON-NLS-1$
				n.format(c.fullScans()), n.format(c.pagesShared()), n.format(c.pagesSharing()) }));
	}

	@Override
	protected void canceling() {
		run.stopSimulations();
	}

	@Override
	@NonNullByDefault({})
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}
}
