package org.ksmstudio.live.calibrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.sysfs.KsmFile;

/**
 * Fits {@link ScanCostCalibration} by least squares over recorded phases. Each converged
 * phase with pages scanned gives one equation
 * {@code wall_s − wakeUps × sleep_ms / 1000 = pages × a + wakeUps × o}, with
 * {@code wakeUps = ceil(pages / pages_to_scan)} under the tunables in force in that phase.
 * The two unknowns separate only when pages per wake-up vary over the phases (by at least
 * {@value #MIN_PAGES_PER_WAKE_UP_SPREAD} times: several pages_to_scan values); otherwise
 * the whole wake-up (scan included) is fitted as overhead and the per-page cost is NaN.
 */
public final class ScanCostCalibrator {

	/** How much pages per wake-up must vary over the phases to tell the per-page cost from the period. */
	static final double MIN_PAGES_PER_WAKE_UP_SPREAD = 1.5;

	private ScanCostCalibrator() {
	}

	/** One phase as the fit sees it. */
	record Observation(double pages, double wakeUps, double sleepSeconds, double wallSeconds) {
	}

	/** Fits the cases' phases; phases without timing or that did not converge are left out. */
	public static ScanCostCalibration fit(String name, List<RecordedCase> cases) {
		return fitObservations(name, observations(cases));
	}

	static List<Observation> observations(List<RecordedCase> cases) {
		List<Observation> observations = new ArrayList<>();
		for (RecordedCase c : cases) {
			Map<KsmFile, String> tunables = new EnumMap<>(KsmFile.class);
			tunables.putAll(c.replayCase().tunables());
			for (RecordedPhase phase : c.phases()) {
				if (phase.action() instanceof PhaseAction.Sysfs sysfs) {
					for (PhaseAction.SysfsWrite w : sysfs.writes()) {
						if (w.result() == null || "ok".equals(w.result())) {
							tunables.put(w.file(), w.value());
						}
					}
				}
				Long pages = phase.pagesScannedToLastChange();
				Double wall = phase.wallSecondsToLastChange();
				if (!phase.converged() || pages == null || wall == null || pages <= 0 || wall <= 0) {
					continue;
				}
				long pagesToScan = Long.parseLong(tunables.getOrDefault(KsmFile.PAGES_TO_SCAN, "100"));
				long sleepMs = Long.parseLong(tunables.getOrDefault(KsmFile.SLEEP_MILLISECS, "20"));
				double wakeUps = Math.ceil((double) pages / Math.max(1, pagesToScan));
				observations.add(new Observation(pages, wakeUps, sleepMs / 1000.0, wall));
			}
		}
		return observations;
	}

	static ScanCostCalibration fitObservations(String name, List<Observation> observations) {
		List<String> notes = new ArrayList<>();
		if (observations.isEmpty()) {
			throw new IllegalArgumentException("No converged phase with pages scanned and a wall time: nothing to calibrate from");
		}
		// normal equations of y = a x1 + o x2
		double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
		for (Observation ob : observations) {
			double y = ob.wallSeconds() - ob.wakeUps() * ob.sleepSeconds();
			s11 += ob.pages() * ob.pages();
			s12 += ob.pages() * ob.wakeUps();
			s22 += ob.wakeUps() * ob.wakeUps();
			s1y += ob.pages() * y;
			s2y += ob.wakeUps() * y;
		}
		double det = s11 * s22 - s12 * s12;
		// pages per wake-up: the per-page cost is identifiable only where it varies
		double minRatio = observations.stream().mapToDouble(ob -> ob.pages() / ob.wakeUps()).min().orElseThrow();
		double maxRatio = observations.stream().mapToDouble(ob -> ob.pages() / ob.wakeUps()).max().orElseThrow();
		double a;
		double o;
		if (maxRatio < MIN_PAGES_PER_WAKE_UP_SPREAD * minRatio || det <= 0) {
			a = Double.NaN;
			o = s2y / s22;
			notes.add("Every phase used the same pages_to_scan: the cost per scanned page cannot be told apart from "
					+ "the wake-up period; record phases with other pages_to_scan values (e.g. 1000 and 5000) to separate them.");
		} else {
			a = (s1y * s22 - s2y * s12) / det;
			o = (s11 * s2y - s12 * s1y) / det;
			if (a < 0) {
				notes.add("The fit gave a negative cost per scanned page: the phases are too short or too noisy.");
			}
		}
		double squares = 0;
		for (Observation ob : observations) {
			double predicted = ob.wakeUps() * (ob.sleepSeconds() + o) + (Double.isNaN(a) ? 0 : ob.pages() * a);
			squares += (predicted - ob.wallSeconds()) * (predicted - ob.wallSeconds());
		}
		return new ScanCostCalibration(name, a * 1e9, o * 1e3, observations.size(),
				Math.sqrt(squares / observations.size()), notes);
	}
}
