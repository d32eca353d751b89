package org.ksmstudio.ui.internal.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.EventOutcome;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.ui.internal.Messages;

/**
 * One run of a scenario: the simulation of each compared policy, run by a {@link SimulationJob}
 * that can be paused, stepped, paced and cancelled from the UI. Its results stay readable after
 * it ends, until the editor starts the next run. Every tunable write is recorded on its timeline.
 */
public final class ScenarioRun {

	/** Where the run is. */
	public enum Status {
		/** The workload is being faulted in. */
		STARTING,
		/** ksmd is running. */
		RUNNING,
		/** Waiting for resume or a step. */
		PAUSED,
		/** The plan ended (converged or its duration is over); live edits start a new phase. */
		DONE,
		/** Stopped by the user; results stay. */
		CANCELLED,
		/** The engine threw; see {@link ScenarioRun#failure()}. */
		FAILED
	}

	/** How far one step goes. */
	public enum StepKind {
		/** One ksmd wake-up. */
		WAKEUP,
		/** Until full_scans increases. */
		FULL_SCAN
	}

	/** A write to a /sys/kernel/mm/ksm file during the run, with the kernel's answer. */
	public record TunableWrite(long timeNanos, String file, String value, SysfsResult result) {
	}

	/** Callbacks on the thread that made the change (often the job's): keep them short. */
	public interface Listener {
		/** The status, or the policy the views follow, changed. */
		void statusChanged(ScenarioRun run);
	}

	private final String name;
	private final List<PolicyRun> policies;
	private final List<TunableWrite> writes = new CopyOnWriteArrayList<>();
	/** Live changes the job has not scheduled yet. */
	private final Queue<PendingChange> pendingChanges = new ConcurrentLinkedQueue<>();
	/** Live changes whose answer has not come yet. */
	private final Set<PendingChange> unanswered = ConcurrentHashMap.newKeySet();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final Object signal = new Object();
	private volatile Status status = Status.STARTING;
	private volatile boolean pauseRequested;
	private volatile double speed;
	private volatile @Nullable String failure;
	private volatile int followed;
	private @Nullable StepKind pendingStep;
	private @Nullable SimulationJob job;

	/**
	 * @param name     shown in the progress view and the views' titles
	 * @param policies one simulation per compared policy; the views follow the first at the start
	 */
	public ScenarioRun(String name, List<PolicyRun> policies) {
		this.name = name;
		this.policies = List.copyOf(policies);
	}

	/** Schedules the job that runs the simulations. */
	public synchronized void start() {
		if (job == null) {
			startJob();
		}
	}

	/** The run's name. */
	public String name() {
		return name;
	}

	/** The simulation of each compared policy. */
	public List<PolicyRun> policies() {
		return policies;
	}

	/** The policy the views follow (the first, until {@link #follow(int)} chose another). */
	public PolicyRun followed() {
		return policies.get(followed);
	}

	/** Makes the views follow policy {@code index} of {@link #policies()}; listeners are told. */
	public void follow(int index) {
		if (index >= 0 && index < policies.size() && index != followed) {
			followed = index;
			for (Listener listener : listeners) {
				listener.statusChanged(this);
			}
		}
	}

	/** The followed policy's simulation, null while the workload is being faulted in. */
	public @Nullable KsmSimulation simulation() {
		return followed().simulation();
	}

	/** The status. */
	public Status status() {
		return status;
	}

	/** Whether the job is still working on it (starting, running or paused). */
	public boolean isActive() {
		Status s = status;
		return s == Status.STARTING || s == Status.RUNNING || s == Status.PAUSED;
	}

	/** What went wrong when {@link Status#FAILED}. */
	public @Nullable String failure() {
		return failure;
	}

	/** Simulated seconds per real second; 0 runs as fast as possible. */
	public double speed() {
		return speed;
	}

	/** Sets the pace: simulated seconds per real second, 0 for as fast as possible. */
	public void setSpeed(double simulatedSecondsPerSecond) {
		speed = Math.max(0, simulatedSecondsPerSecond);
		wake();
	}

	/** Pauses after the current slice (at most one ksmd wake-up when a step is running). */
	public void pause() {
		pauseRequested = true;
		wake();
	}

	/** Resumes a paused run. */
	public void resume() {
		pauseRequested = false;
		wake();
	}

	/** Whether a pause was asked for. */
	public boolean isPauseRequested() {
		return pauseRequested;
	}

	/** Pauses and runs one step (one wake-up or one full scan). */
	public void step(StepKind kind) {
		synchronized (signal) {
			pauseRequested = true;
			pendingStep = kind;
			signal.notifyAll();
		}
		restartIfDone();
	}

	/** Stops the run; the simulations stop after the current wake-up. Results stay. */
	public void cancel() {
		SimulationJob j;
		synchronized (this) {
			j = job;
		}
		if (j != null) {
			j.cancel();
		}
		stopSimulations();
		synchronized (this) {
			if (job == null && status != Status.FAILED) {
				setStatus(Status.CANCELLED);
				refuseUnanswered();
			}
		}
	}

	/**
	 * Writes {@code value} to the tunable {@code file} of every compared simulation, as
	 * {@code echo value > /sys/kernel/mm/ksm/file}, at one simulated instant (see {@link #issue}).
	 * Records the write on the run's timeline and returns the followed simulation's answer once
	 * applied: call it off the UI thread.
	 */
	public TunableWrite writeTunable(String file, String value) {
		LiveChange change = issue(new TimelineEvent.SysfsWrite(Duration.ZERO, file, value));
		EventOutcome outcome = change.outcome();
		SysfsResult result = outcome == null ? null : outcome.sysfs();
		TunableWrite write = result == null
				? new TunableWrite(-1, file, value,
						new SysfsResult(SysfsResult.Outcome.EACCES, file, value, Messages.runStoppedBeforeWrite))
				: new TunableWrite(change.timeNanos(), file, value, result);
		writes.add(write);
		return write;
	}

	/**
	 * Issues a live change (a tunable write, a migration, a compaction, memory pressure, a write to a
	 * process's pages) on every compared simulation at one simulated instant: the job takes it between
	 * two slices and schedules it into every policy's stepper at the latest of their clocks; each
	 * simulation applies it when it reaches that instant, and a finished run runs on to it and
	 * converges again (a new phase). While paused, a simulation already at that instant applies it at
	 * once, the others when the run resumes. Returns when the followed simulation applied it, with what
	 * it did there: call it off the UI thread.
	 *
	 * @return the instant and what the change did in the followed simulation; a null outcome when the
	 *         run stopped (cancelled or failed) before it
	 */
	public LiveChange issue(TimelineEvent event) {
		if (simulation() == null) {
			throw new IllegalStateException("the run has not started yet"); //$NON-NLS-1$
		}
		PendingChange pending = new PendingChange(event, followed(), new CompletableFuture<>());
		synchronized (this) {
			if (status == Status.CANCELLED || status == Status.FAILED) {
				pending.refuse();
			} else {
				unanswered.add(pending);
				pendingChanges.add(pending);
				if (job == null) {
					startJob();
				}
			}
		}
		wake();
		try {
			return pending.applied().get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return LiveChange.REFUSED;
		} catch (ExecutionException e) {
			return LiveChange.REFUSED;
		}
	}

	/**
	 * A live change as applied: the simulated instant and what it did in the followed simulation
	 * (null, at -1, when the run stopped before it).
	 */
	public record LiveChange(long timeNanos, @Nullable EventOutcome outcome) {
		static final LiveChange REFUSED = new LiveChange(-1, null);
	}

	/** A live change waiting for the job; the answer comes from the simulation of {@code answering}. */
	private record PendingChange(TimelineEvent event, PolicyRun answering, CompletableFuture<LiveChange> applied) {
		void refuse() {
			applied.complete(LiveChange.REFUSED);
		}
	}

	/** Every tunable write of this run, in order. */
	public List<TunableWrite> tunableWrites() {
		return List.copyOf(writes);
	}

	/** Listens to status changes. */
	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	/** Stops listening. */
	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	// ---- used by the job ----

	void setStatus(Status newStatus) {
		if (status != newStatus) {
			status = newStatus;
			for (Listener listener : listeners) {
				listener.statusChanged(this);
			}
		}
	}

	void fail(String message) {
		failure = message;
		setStatus(Status.FAILED);
		refuseUnanswered();
	}

	@Nullable
	StepKind takeStep() {
		synchronized (signal) {
			StepKind step = pendingStep;
			pendingStep = null;
			return step;
		}
	}

	/** Waits until something changes (resume, step, speed, cancel) or {@code millis} pass. */
	void await(long millis) {
		synchronized (signal) {
			if (pendingStep != null) {
				return;
			}
			try {
				signal.wait(Math.max(1, millis));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void stopSimulations() {
		for (PolicyRun policy : policies) {
			KsmSimulation simulation = policy.simulation();
			if (simulation != null) {
				simulation.cancel();
			}
		}
		wake();
	}

	synchronized void jobDone(SimulationJob finished) {
		if (job == finished) {
			job = null;
		}
		if (status == Status.CANCELLED || status == Status.FAILED) {
			refuseUnanswered();
		}
	}

	/**
	 * Schedules the live changes made since the last slice into every policy's stepper at one
	 * simulated instant, the latest of their clocks. The job calls it between slices, when no
	 * simulation is advancing.
	 */
	void scheduleChanges() {
		PendingChange pending;
		while ((pending = pendingChanges.poll()) != null) {
			long at = 0;
			for (PolicyRun policy : policies) {
				at = Math.max(at, policy.started().simulation().nowNanos());
			}
			CompletableFuture<EventOutcome> answer = null;
			for (PolicyRun policy : policies) {
				CompletableFuture<EventOutcome> fired = policy.started().schedule(pending.event(), at);
				if (policy == pending.answering()) {
					answer = fired;
				}
			}
			long when = at;
			PendingChange change = pending;
			CompletableFuture<EventOutcome> answered = Objects.requireNonNull(answer,
					"the answering policy is one of the run's"); //$NON-NLS-1$
			answered.whenComplete((outcome, failure) -> {
				unanswered.remove(change);
				change.applied().complete(outcome == null ? LiveChange.REFUSED : new LiveChange(when, outcome));
			});
		}
	}

	/** Answers the changes no simulation will apply any more (the run was cancelled or failed). */
	private void refuseUnanswered() {
		pendingChanges.clear();
		for (PendingChange change : List.copyOf(unanswered)) {
			unanswered.remove(change);
			change.refuse();
		}
	}

	/**
	 * Ends the run when every policy's plan is done and no change waits: DONE and the job released in
	 * one step, so that a live change either reaches the running job or starts a new one and none
	 * is lost. Returns whether the job stops.
	 */
	synchronized boolean finishIfDone(SimulationJob finishing) {
		if (!pendingChanges.isEmpty()) {
			return false;
		}
		for (PolicyRun policy : policies) {
			if (!policy.started().done()) {
				return false;
			}
		}
		setStatus(Status.DONE);
		if (job == finishing) {
			job = null;
		}
		return true;
	}

	private void wake() {
		synchronized (signal) {
			signal.notifyAll();
		}
	}

	/** A step on a finished run: run again until the counters converge. */
	private synchronized void restartIfDone() {
		if (status != Status.DONE || job != null) {
			return;
		}
		for (PolicyRun policy : policies) {
			policy.started().continueUntilConverged();
		}
		startJob();
	}

	/** Schedules a new job; the caller holds this run's lock. */
	private void startJob() {
		SimulationJob started = new SimulationJob(this);
		job = started;
		started.schedule();
	}
}
