package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.calibrate.CalibrationCases;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.calibrate.ScanCostCalibrator;
import org.ksmstudio.live.calibrate.WalkCostCalibration;
import org.ksmstudio.live.calibrate.WalkCostCalibrator;
import org.ksmstudio.live.replay.BatchReading;
import org.ksmstudio.live.replay.ConvergenceWatcher;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.RmapWalkMeasurement;
import org.ksmstudio.live.sysfs.KsmSample;

class ConvergenceAndCalibrationTest {

	private static KsmSample sample(long millis, long fullScans, long scanned, long shared, long sharing) {
		Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		values.put(KsmSysfsFile.FULL_SCANS, Long.toString(fullScans));
		values.put(KsmSysfsFile.PAGES_SCANNED, Long.toString(scanned));
		values.put(KsmSysfsFile.PAGES_SHARED, Long.toString(shared));
		values.put(KsmSysfsFile.PAGES_SHARING, Long.toString(sharing));
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
	void aReadingIsBetweenBatchesOnlyWhenKsmdSleptThroughIt() {
		assertFalse(BatchReading.insideBatch(false, 1_000, false, 1_000), "asleep before and after, no CPU used");
		assertTrue(BatchReading.insideBatch(true, 1_000, false, 1_000), "in a batch when the reading began");
		assertTrue(BatchReading.insideBatch(false, 1_000, true, 1_000), "in a batch when the reading ended");
		assertTrue(BatchReading.insideBatch(false, 1_000, false, 41_000), "a whole batch ran during the reading");
		assertFalse(BatchReading.insideBatch(false, -1, false, -1), "CPU time unknown: the states decide");
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

	private static RecordedCase recorded(ReplayCase c, long pages, double wall) {
		return new RecordedCase(c, List.of(new RecordedPhase("initial", new PhaseAction.Start(), List.of(), Map.of(),
				Map.of(), true, 1L, pages, wall, List.of(), null)));
	}

	/** THIS_MACHINE with ksmd page costs 1.7 times as high and 0.9 ms wake-up lateness. */
	private static final CostModel TRUTH = new CostModel(250, 900_000, 11_000, 272, 255, 1_700, 187, 765, 25, 78, 0, 0, 60);

	@Test
	void recoversAKnownCostModelFromRecordingsItGenerated() {
		List<RecordedCase> cases = new ArrayList<>();
		for (ReplayCase c : CalibrationCases.standard()) {
			ScanCostCalibrator.Simulated run = ScanCostCalibrator.simulate(c, TRUTH);
			cases.add(recorded(c, run.pagesScanned(), run.seconds()));
		}
		ScanCostCalibration fit = ScanCostCalibrator.fit("this machine (measured)", cases);
		CostModel m = fit.costModel();
		assertTrue(fit.pageCostFitted(), fit.notes().toString());
		assertEquals(1.7, fit.pageCostScale(), 0.05, fit.toText());
		assertEquals(1_700, m.checksumNanos(), 50, fit.toText());
		assertEquals(765, m.mergeNanos(), 25, fit.toText());
		// the lateness beyond the tick-rounded sleep, not the 4 ms tick the engine adds itself
		assertEquals(900_000, m.wakeupLatencyNanos(), 90_000, fit.toText());
		assertEquals(250, m.hz());
		assertEquals(CostModel.THIS_MACHINE.walkPteNanos(), m.walkPteNanos(), "walk terms kept");
		assertEquals(4, fit.phasesUsed());
		assertTrue(fit.worstRelativeError() < 0.02, fit.toText());
		for (RecordedCase c : cases) {
			RecordedPhase p = c.phases().get(0);
			double simulated = ScanCostCalibrator.simulate(c.replayCase(), m).seconds();
			assertEquals(p.wallSecondsToLastChange(), simulated, 0.02 * p.wallSecondsToLastChange(),
					c.replayCase().name());
		}
		assertTrue(fit.toText().contains("checksum_ns = " + m.checksumNanos()), fit.toText());
	}

	@Test
	void matchesThePagesScannedNotALateTransientChange() {
		// sleep 0: the kernel showed a counter change long after ksmd's work (polling): the pages scanned
		// to that change, not its time alone, say how much work ksmd did by then
		List<RecordedCase> cases = new ArrayList<>();
		for (ReplayCase c : CalibrationCases.standard()) {
			ScanCostCalibrator.Simulated run = ScanCostCalibrator.simulate(c, TRUTH);
			long pages = run.pagesScanned() * 3;
			cases.add(recorded(c, pages, ScanCostCalibrator.simulatedSeconds(c, TRUTH, pages)));
		}
		ScanCostCalibration fit = ScanCostCalibrator.fit("late", cases);
		assertEquals(1.7, fit.pageCostScale(), 0.05, fit.toText());
		assertEquals(900_000, fit.costModel().wakeupLatencyNanos(), 90_000, fit.toText());
	}

	@Test
	void theReferenceFileAloneGivesTheWakeUpLatency() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		ScanCostCalibration fit = ScanCostCalibrator.fit("reference", doc.cases());
		// every case there sleeps (most scan 100 pages per wake-up every 20 ms, 24-25 ms per wake-up; the chain
		// cases' few 5000-page batches are left out of the lateness fit): the page costs cannot be told from the
		// wake-ups and keep their measured values
		assertFalse(fit.pageCostFitted());
		assertFalse(fit.notes().isEmpty());
		assertEquals(CostModel.THIS_MACHINE.checksumNanos(), fit.costModel().checksumNanos());
		long latency = fit.costModel().wakeupLatencyNanos();
		assertTrue(latency > 200_000 && latency < 1_200_000, fit.toText());
		assertTrue(fit.worstRelativeError() < 0.10, fit.toText());
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
