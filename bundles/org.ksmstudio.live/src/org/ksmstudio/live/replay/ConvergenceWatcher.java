package org.ksmstudio.live.replay;

import java.time.Duration;
import java.util.List;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmUnavailableException;

/**
 * Decides when the kernel's counters have settled, as the reference measurements do: a phase
 * has converged when full_scans advanced by 2 since the last change of any counter of
 * {@link #CONVERGENCE_COUNTERS}. Also tracks the scans, pages and time from the phase
 * start to that last change.
 */
public final class ConvergenceWatcher {

	/** The counters that define convergence: the ones a reference phase expects. */
	public static final List<KsmSysfsFile> CONVERGENCE_COUNTERS = List.of(KsmSysfsFile.PAGES_SHARED,
			KsmSysfsFile.PAGES_SHARING, KsmSysfsFile.PAGES_UNSHARED, KsmSysfsFile.PAGES_VOLATILE,
			KsmSysfsFile.STABLE_NODE_CHAINS, KsmSysfsFile.STABLE_NODE_DUPS, KsmSysfsFile.KSM_ZERO_PAGES,
			KsmSysfsFile.GENERAL_PROFIT);

	/** Full scans without a change that mean "settled". */
	public static final int QUIET_FULL_SCANS = 2;

	private final KsmSample start;
	private KsmSample previous;
	private KsmSample lastChange;

	/** Starts watching from the sample taken at the start of the phase. */
	public ConvergenceWatcher(KsmSample start) {
		this.start = start;
		this.previous = start;
		this.lastChange = start;
	}

	/**
	 * Takes the next sample.
	 *
	 * @return whether the counters have settled
	 */
	public boolean offer(KsmSample sample) {
		for (KsmSysfsFile counter : CONVERGENCE_COUNTERS) {
			if (sample.valueOr(counter, 0) != previous.valueOr(counter, 0)) {
				lastChange = sample;
				break;
			}
		}
		previous = sample;
		return isSettled();
	}

	/**
	 * Samples {@code sysfs} every {@code interval} until the counters settle or {@code timeout} passes.
	 *
	 * @return the watcher, settled unless the timeout passed
	 */
	public static ConvergenceWatcher await(KsmSysfs sysfs, Duration interval, Duration timeout)
			throws KsmUnavailableException, InterruptedException {
		ConvergenceWatcher watcher = new ConvergenceWatcher(sysfs.sample());
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!watcher.offer(sysfs.sample()) && System.nanoTime() < deadline) {
			Thread.sleep(interval.toMillis());
		}
		return watcher;
	}

	/** Whether full_scans advanced by {@link #QUIET_FULL_SCANS} since the last change. */
	public boolean isSettled() {
		return previous.valueOr(KsmSysfsFile.FULL_SCANS, 0) - lastChange.valueOr(KsmSysfsFile.FULL_SCANS, 0) >= QUIET_FULL_SCANS;
	}

	/** The latest sample. */
	public KsmSample latest() {
		return previous;
	}

	/** Whether the latest sample is the one that saw the last change. */
	public boolean latestIsLastChange() {
		return previous == lastChange;
	}

	/** Full scans from the phase start to the last change. */
	public long fullScansToLastChange() {
		return lastChange.valueOr(KsmSysfsFile.FULL_SCANS, 0) - start.valueOr(KsmSysfsFile.FULL_SCANS, 0);
	}

	/** Pages scanned from the phase start to the last change (0 where the kernel has no pages_scanned). */
	public long pagesScannedToLastChange() {
		return lastChange.valueOr(KsmSysfsFile.PAGES_SCANNED, 0) - start.valueOr(KsmSysfsFile.PAGES_SCANNED, 0);
	}

	/** Seconds from the phase start to the last change, rounded to 0.1 ms. */
	public double secondsToLastChange() {
		return Math.round((lastChange.nanoTime() - start.nanoTime()) / 1e5) / 1e4;
	}
}
