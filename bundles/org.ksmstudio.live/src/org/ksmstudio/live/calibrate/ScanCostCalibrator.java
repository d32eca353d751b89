package org.ksmstudio.live.calibrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.ksmstudio.engine.reference.ReferenceRunner;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReplayCase;

/**
 * Fits {@link ScanCostCalibration} by running the engine itself on the recorded cases, so that
 * the fitted numbers mean what the engine's {@link CostModel} means: each phase compares its
 * recorded wall time with the simulated time ksmd needs to scan the same number of pages. Only the starting phase of a
 * case is used (its tunables are the case's). Two quantities are fitted, in this order:
 * <ol>
 * <li>the ksmd page costs, as one factor on the base model's measured ratios (first visit, merge,
 * KSM page visit, skip, tree level), from the phases with sleep_millisecs 0, whose time is ksmd's
 * work alone (the simulated time is proportional to the factor there). A case of identical pages
 * visits each page once first, merges it once and visits it once merged, whatever its
 * pages_to_scan: the terms are collinear and only their common scale can be told;</li>
 * <li>{@link CostModel#wakeupLatencyNanos()}, the lateness beyond the tick-rounded sleep (the
 * engine adds the HZ rounding and the timer's extra tick itself), from the phases with a sleep,
 * by a grid and golden-section search of the squared relative error.</li>
 * </ol>
 * A linear fit of {@code wall − wakeUps × sleep} against pages and wake-ups cannot do this: it folds
 * the tick rounding (4 ms at sleep 20, 6 ms at sleep 10 on HZ 250) into a constant overhead and
 * the mix of first visits, merges and merged visits into one "per page" cost.
 */
public final class ScanCostCalibrator {

	private static final int PAGE_SIZE = 4096;
	private static final Duration CONVERGE_LIMIT = Duration.ofHours(1);
	/** Upper end of the wake-up lateness searched, in ticks. */
	private static final double MAX_LATENESS_TICKS = 2;
	/**
	 * Fewest wake-ups a phase with a sleep needs to take part in the lateness fit: with fewer, long batches
	 * (pages_to_scan 5000 merging into a chain) its time is ksmd's CPU, whose cost varies within a batch.
	 */
	private static final long MIN_WAKEUPS = 15;
	private static final int GRID = 20;
	private static final int GOLDEN_STEPS = 20;

	private ScanCostCalibrator() {
	}

	/** One phase as the fit sees it: the case and its measured time to the last change. */
	record Observation(ReplayCase replayCase, long sleepMillisecs, long pages, double wallSeconds) {
	}

	/** Fits the cases' starting phases around {@link CostModel#THIS_MACHINE}. */
	public static ScanCostCalibration fit(String name, List<RecordedCase> cases) {
		return fit(name, cases, CostModel.THIS_MACHINE);
	}

	/**
	 * Fits the cases' starting phases; phases without timing or that did not converge are left out.
	 * The base model gives HZ, the walk terms and the ratios of the ksmd page costs.
	 *
	 * @throws IllegalArgumentException when no phase can be used
	 */
	public static ScanCostCalibration fit(String name, List<RecordedCase> cases, CostModel base) {
		List<Observation> observations = observations(cases);
		if (observations.isEmpty()) {
			throw new IllegalArgumentException(Messages.CALIBRATE_NOTHING);
		}
		List<String> notes = new ArrayList<>();
		List<Observation> busy = observations.stream().filter(o -> o.sleepMillisecs() == 0).toList();
		List<Observation> timed = observations.stream().filter(o -> o.sleepMillisecs() > 0).toList();
		double scale = 1;
		if (busy.isEmpty()) {
			notes.add(Messages.CALIBRATE_NO_BUSY_PHASE);
		} else {
			// simulated time ∝ scale at sleep 0: least squares of the relative error, twice (rounding to ns)
			for (int i = 0; i < 2; i++) {
				double sr = 0, ss = 0;
				for (Observation o : busy) {
					double s = simulatedSeconds(o.replayCase(), scaled(base, scale, base.wakeupLatencyNanos()), o.pages())
							/ o.wallSeconds();
					sr += s;
					ss += s * s;
				}
				if (ss > 0) {
					scale *= sr / ss;
				}
			}
		}
		long latency = base.wakeupLatencyNanos();
		if (timed.isEmpty()) {
			notes.add(Messages.CALIBRATE_NO_TIMED_PHASE);
		} else {
			latency = fitLatency(base, scale, timed);
		}
		CostModel fitted = scaled(base, scale, latency);
		double squares = 0;
		double worst = 0;
		for (Observation o : observations) {
			double e = relativeError(o, fitted);
			squares += e * e;
			worst = Math.max(worst, Math.abs(e));
		}
		if (worst > 0.10) {
			notes.add(NLS.bind(Messages.CALIBRATE_OFF, Long.toString(Math.round(worst * 100))));
		}
		return new ScanCostCalibration(name, fitted, scale, !busy.isEmpty(), observations.size(),
				Math.sqrt(squares / observations.size()), worst, notes);
	}

	/** The base model with its ksmd page costs scaled and the given wake-up latency. */
	static CostModel scaled(CostModel b, double scale, long wakeupLatencyNanos) {
		return new CostModel(b.hz(), wakeupLatencyNanos, b.wakeupCpuNanos(), Math.round(b.skipPageNanos() * scale),
				Math.round(b.ksmPageVisitNanos() * scale), Math.round(b.checksumNanos() * scale),
				Math.round(b.treeSearchNanos() * scale), Math.round(b.mergeNanos() * scale), b.walkItemNanos(),
				b.walkPteNanos(), b.tlbIpiNanos(), b.mmuNotifierNanos(), b.copyPageNanosPerDistance());
	}

	private static long fitLatency(CostModel base, double scale, List<Observation> timed) {
		double max = MAX_LATENESS_TICKS * base.tickNanos();
		double best = 0;
		double bestError = Double.MAX_VALUE;
		for (int i = 0; i <= GRID; i++) {
			double l = max * i / GRID;
			double e = squaredError(timed, scaled(base, scale, Math.round(l)));
			if (e < bestError) {
				bestError = e;
				best = l;
			}
		}
		// golden section around the best grid point
		double lo = Math.max(0, best - max / GRID);
		double hi = Math.min(max, best + max / GRID);
		double g = (Math.sqrt(5) - 1) / 2;
		for (int i = 0; i < GOLDEN_STEPS; i++) {
			double a = hi - g * (hi - lo);
			double b = lo + g * (hi - lo);
			if (squaredError(timed, scaled(base, scale, Math.round(a))) <= squaredError(timed,
					scaled(base, scale, Math.round(b)))) {
				hi = b;
			} else {
				lo = a;
			}
		}
		double mid = (lo + hi) / 2;
		return squaredError(timed, scaled(base, scale, Math.round(mid))) < bestError ? Math.round(mid)
				: Math.round(best);
	}

	private static double squaredError(List<Observation> observations, CostModel cost) {
		double sum = 0;
		for (Observation o : observations) {
			double e = relativeError(o, cost);
			sum += e * e;
		}
		return sum;
	}

	private static double relativeError(Observation o, CostModel cost) {
		return (simulatedSeconds(o.replayCase(), cost, o.pages()) - o.wallSeconds()) / o.wallSeconds();
	}

	/** The engine's time and pages scanned from run=1 to the last counter change of a case's starting phase. */
	public record Simulated(double seconds, long pagesScanned) {
	}

	/** Runs a case's starting phase to convergence under {@code cost}, as the reference runner measures it. */
	public static Simulated simulate(ReplayCase c, CostModel cost) {
		KsmSimulation sim = started(c, cost);
		KsmSimulation.LastChange begin = sim.lastChange();
		sim.runUntilConverged(CONVERGE_LIMIT);
		KsmSimulation.LastChange end = sim.lastChange();
		return new Simulated((end.timeNanos() - begin.timeNanos()) / 1e9, end.pagesScanned() - begin.pagesScanned());
	}

	/**
	 * The engine's time from run=1 until ksmd has scanned {@code pages} pages of a case under
	 * {@code cost}: the wake-up that crosses it, plus the share of that batch's CPU time up to the page
	 * (the kernel's counters change page by page, and the engine dates the last change inside the batch).
	 * Matching the recorded pages scanned rather than the last change keeps a transient counter change
	 * (seen at sleep 0) from being taken for ksmd's work.
	 */
	public static double simulatedSeconds(ReplayCase c, CostModel cost, long pages) {
		KsmSimulation sim = started(c, cost);
		long t0 = sim.snapshot().timeNanos();
		long p0 = sim.snapshot().counters().pagesScanned();
		long before = 0;
		long wake = t0;
		while (true) {
			long cpuBefore = sim.ksmdCpuNanos();
			sim.stepWakeup();
			KsmSnapshot s = sim.snapshot();
			long scanned = s.counters().pagesScanned() - p0;
			if (s.timeNanos() == wake && scanned == before) {
				return (wake - t0) / 1e9; // ksmd stopped (nothing to scan)
			}
			if (scanned >= pages) {
				double intoBatch = (sim.ksmdCpuNanos() - cpuBefore) * (double) (pages - before) / (scanned - before);
				return (s.timeNanos() + intoBatch - t0) / 1e9;
			}
			before = scanned;
			wake = s.timeNanos();
		}
	}

	private static KsmSimulation started(ReplayCase c, CostModel cost) {
		Scenario s = ReferenceRunner.scenarioOf(PAGE_SIZE, referenceCase(c));
		KsmSimulation sim = KsmSimulation.create(new Scenario(s.name(), s.topology(), s.workload(), s.tunables(),
				cost, s.timeline(), s.run()));
		for (Map.Entry<KsmSysfsFile, String> t : c.tunables().entrySet()) {
			if (t.getKey() != KsmSysfsFile.RUN) {
				sim.writeSysfs(t.getKey().fileName(), t.getValue());
			}
		}
		sim.writeSysfs(KsmSysfsFile.RUN.fileName(), "1");
		sim.markPhaseStart();
		return sim;
	}

	private static ReferenceCase referenceCase(ReplayCase c) {
		return new ReferenceCase(c.name(), Map.of(), c.workload(), List.of(), Double.NaN);
	}

	static List<Observation> observations(List<RecordedCase> cases) {
		List<Observation> observations = new ArrayList<>();
		for (RecordedCase c : cases) {
			if (c.phases().isEmpty() || !(c.phases().get(0).action() instanceof PhaseAction.Start)) {
				continue;
			}
			RecordedPhase phase = c.phases().get(0);
			Long pages = phase.pagesScannedToLastChange();
			Double wall = phase.wallSecondsToLastChange();
			if (!phase.converged() || pages == null || wall == null || pages <= 0 || wall <= 0) {
				continue;
			}
			long sleepMs = Long.parseLong(c.replayCase().tunables().getOrDefault(KsmSysfsFile.SLEEP_MILLISECS,
					KsmSysfsFile.SLEEP_MILLISECS.defaultValue().orElse("20")));
			long pagesToScan = Long.parseLong(c.replayCase().tunables().getOrDefault(KsmSysfsFile.PAGES_TO_SCAN,
					KsmSysfsFile.PAGES_TO_SCAN.defaultValue().orElse("100")));
			if (sleepMs > 0 && pages < MIN_WAKEUPS * pagesToScan) {
				continue; // a few long batches: ksmd's CPU time, which says little about its sleeps
			}
			observations.add(new Observation(c.replayCase(), sleepMs, pages, wall));
		}
		return observations;
	}
}
