package org.ksmstudio.ui.internal.run;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;
import org.ksmstudio.ui.internal.Messages;

/**
 * Runs variants of a scenario for the Compare view, one after the other, each a {@link SweepUnit}
 * (tunable values, policy) applied to a converted plan and walked to its end by the engine's
 * stepper; each finished run goes into the {@link ComparedRuns} history and its engine is dropped.
 * Progress per run in the Progress view; cancel stops the run in progress after its current slice
 * (what finished is kept). A unit the engine refuses ends the job with its reason.
 */
public final class ComparisonRunsJob extends Job {

	/** Simulated time advanced between two looks at the monitor. */
	private static final long SLICE_NANOS = 1_000_000_000L;

	private final RunPlan base;
	private final List<SweepUnit> units;
	private final String source;
	private final List<FinishedRun> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
	private volatile @Nullable SimulationRun current;

	/**
	 * @param name     shown in the Progress view
	 * @param base     the converted plan of the scenario
	 * @param units    the variants to run, each with the values changed against {@code base}
	 * @param source   the scenario's file, for the comparison's metadata
	 */
	public ComparisonRunsJob(String name, RunPlan base, List<SweepUnit> units, String source) {
		super(name);
		this.base = base;
		this.units = List.copyOf(units);
		this.source = source;
		setUser(true);
		setPriority(LONG);
	}

	@Override
	@NonNullByDefault({})
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), units.size());
		try {
			for (SweepUnit unit : units) {
				if (progress.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				progress.subTask(NLS.bind(Messages.compareRunning, unit.label()));
				SimulationRun run;
				try {
					run = SimulationRun.start(base.withScenario(UnitRunner.configure(base.scenario(), unit)));
				} catch (RuntimeException e) {
					return Status.error(NLS.bind(Messages.compareRefused, unit.label(), e.getMessage()));
				}
				current = run;
				while (!run.done()) {
					if (progress.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					run.advance(SLICE_NANOS);
				}
				if (run.simulation().isCancelled()) {
					return Status.CANCEL_STATUS;
				}
				kept.add(ComparedRuns.history().add(FinishedRun.of(base.scenario().name(), source, unit.parameters(),
						run.simulation())));
				progress.worked(1);
			}
			return Status.OK_STATUS;
		} finally {
			current = null;
			monitor.done();
		}
	}

	/** The runs kept so far, in unit order (all of them once the job is done, unless it was cancelled or refused). */
	public List<FinishedRun> kept() {
		return List.copyOf(kept);
	}

	@Override
	protected void canceling() {
		SimulationRun run = current;
		if (run != null) {
			run.simulation().cancel();
		}
	}
}
