package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.calibrate.ScanCostCalibrator;
import org.ksmstudio.live.calibrate.WalkCostCalibration;
import org.ksmstudio.live.calibrate.WalkCostCalibrator;
import org.ksmstudio.live.replay.ConvergenceWatcher;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayWorkload;
import org.ksmstudio.live.replay.RmapWalkMeasurement;
import org.ksmstudio.live.sysfs.KsmFile;
import org.ksmstudio.live.sysfs.KsmSample;

class ConvergenceAndCalibrationTest {

	private static KsmSample sample(long millis, long fullScans, long scanned, long shared, long sharing) {
		Map<KsmFile, String> values = new EnumMap<>(KsmFile.class);
		values.put(KsmFile.FULL_SCANS, Long.toString(fullScans));
		values.put(KsmFile.PAGES_SCANNED, Long.toString(scanned));
		values.put(KsmFile.PAGES_SHARED, Long.toString(shared));
		values.put(KsmFile.PAGES_SHARING, Long.toString(sharing));
		return new KsmSample(millis * 1_000_000, Instant.EPOCH, values);
	}

	@Test
	void settlesTwoFullScansAfterTheLastChange() {
		ConvergenceWatcher watcher = new ConvergenceWatcher(sample(0, 5, 1000, 0, 0));
		assertFalse(watcher.offer(sample(100, 6, 1100, 2, 98)));
		assertFalse(watcher.offer(sample(200, 6, 1200, 8, 1992))); // last change
		assertFalse(watcher.offer(sample(300, 7, 1300, 8, 1992)));
		assertTrue(watcher.offer(sample(400, 8, 1400, 8, 1992)));
		assertEquals(1, watcher.fullScansToLastChange());
		assertEquals(200, watcher.pagesScannedToLastChange());
		assertEquals(0.2, watcher.secondsToLastChange());
	}

	@Test
	void aPhaseWithoutChangeHasItsLastChangeAtTheStart() {
		ConvergenceWatcher watcher = new ConvergenceWatcher(sample(0, 3, 500, 8, 1992));
		watcher.offer(sample(100, 4, 600, 8, 1992));
		assertTrue(watcher.offer(sample(200, 5, 700, 8, 1992)));
		assertEquals(0, watcher.fullScansToLastChange());
		assertEquals(0, watcher.pagesScannedToLastChange());
		assertEquals(0.0, watcher.secondsToLastChange());
	}

	private static RecordedCase timed(long pagesToScan, long sleepMs, long pages, double wall) {
		Map<KsmFile, String> tunables = new LinkedHashMap<>();
		tunables.put(KsmFile.PAGES_TO_SCAN, Long.toString(pagesToScan));
		tunables.put(KsmFile.SLEEP_MILLISECS, Long.toString(sleepMs));
		ReplayCase c = new ReplayCase("t" + pagesToScan + "_" + sleepMs, tunables,
				new ReplayWorkload(1, 1000, 1, 1000, ReplayWorkload.Layout.BLOCK, 0, 0, true),
				List.of(new ReplayCase.Phase("initial", new PhaseAction.Start())));
		return new RecordedCase(c, List.of(new RecordedPhase("initial", new PhaseAction.Start(), List.of(), Map.of(),
				Map.of(), true, 1L, pages, wall, List.of(), null)));
	}

	@Test
	void recoversKnownCostsFromPhasesWithSeveralPagesToScan() {
		double nsPerPage = 1200;
		double overheadMs = 4.5;
		List<RecordedCase> cases = new ArrayList<>();
		long[][] settings = { { 100, 20, 4000 }, { 1000, 20, 20000 }, { 5000, 0, 60000 }, { 200, 10, 9000 } };
		for (long[] s : settings) {
			double wakeUps = Math.ceil((double) s[2] / s[0]);
			double wall = s[2] * nsPerPage / 1e9 + wakeUps * (s[1] + overheadMs) / 1e3;
			cases.add(timed(s[0], s[1], s[2], wall));
		}
		ScanCostCalibration fit = ScanCostCalibrator.fit("this machine (measured)", cases);
		assertEquals(nsPerPage, fit.nsPerScannedPage(), 1e-3);
		assertEquals(overheadMs, fit.wakeUpOverheadMs(), 1e-6);
		assertEquals(4, fit.phasesUsed());
		assertTrue(fit.notes().isEmpty(), fit.notes().toString());
		assertEquals(20 + 4.5 + 0.12, fit.wakeUpPeriodMs(100, 20), 1e-6);
		assertTrue(fit.toText().contains("ns_per_scanned_page = 1200.0"), fit.toText());
	}

	@Test
	void theReferenceFileAloneGivesTheWakeUpPeriod() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		ScanCostCalibration fit = ScanCostCalibrator.fit("reference", doc.cases());
		// every case there scans 100 pages per wake-up every 20 ms: about 24-25 ms per wake-up
		assertTrue(Double.isNaN(fit.nsPerScannedPage()));
		assertFalse(fit.notes().isEmpty());
		assertTrue(fit.wakeUpPeriodMs(100, 20) > 23 && fit.wakeUpPeriodMs(100, 20) < 26,
				"period " + fit.wakeUpPeriodMs(100, 20));
		assertThrows(IllegalArgumentException.class, () -> ScanCostCalibrator.fit("none", List.of()));
	}

	@Test
	void fitsTheWalkCostPerPte() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		WalkCostCalibration walk = WalkCostCalibrator.fit(doc.rmapWalks());
		// the note: about 330 ns per PTE for a migration, i.e. two walks
		assertTrue(walk.nsPerPte() > 120 && walk.nsPerPte() < 200, "ns per pte " + walk.nsPerPte());
		assertThrows(IllegalArgumentException.class,
				() -> WalkCostCalibrator.fit(List.of(new RmapWalkMeasurement(256, 256, 256, 1, 1, 1, 1, 1))));
	}
}
