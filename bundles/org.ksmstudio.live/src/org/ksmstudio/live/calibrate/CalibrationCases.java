package org.ksmstudio.live.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayListener;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.replay.ReplayWorkload;

/**
 * Small cases that calibrate ksmd's timing on this machine: identical pages scanned with
 * several pages_to_scan and sleep_millisecs values, so that the per-page cost and the wake-up
 * period can be told apart. About 10 s on a 2-vCPU machine.
 */
public final class CalibrationCases {

	private CalibrationCases() {
	}

	/** The cases: {pages_to_scan, sleep_millisecs, pages}. */
	private static final long[][] SETTINGS = { { 100, 20, 2000 }, { 500, 20, 6000 }, { 2000, 10, 16000 },
			{ 5000, 0, 40000 } };

	/** The standard calibration cases. */
	public static List<ReplayCase> standard() {
		List<ReplayCase> cases = new ArrayList<>();
		for (long[] s : SETTINGS) {
			Map<KsmSysfsFile, String> tunables = new LinkedHashMap<>();
			tunables.put(KsmSysfsFile.MAX_PAGE_SHARING, "256");
			tunables.put(KsmSysfsFile.PAGES_TO_SCAN, Long.toString(s[0]));
			tunables.put(KsmSysfsFile.SLEEP_MILLISECS, Long.toString(s[1]));
			tunables.put(KsmSysfsFile.USE_ZERO_PAGES, "0");
			tunables.put(KsmSysfsFile.SMART_SCAN, "1");
			cases.add(new ReplayCase("calibrate_pts" + s[0] + "_sleep" + s[1] + "_" + s[2] + "x1", tunables,
					new ReplayWorkload(1, s[2], 1, s[2], ReplayWorkload.Layout.BLOCK, 0, 0, true),
					List.of(new ReplayCase.Phase("initial", new PhaseAction.Start()))));
		}
		return cases;
	}

	/** Replays the standard cases (root; restores the tunables) and fits them as the named cost model. */
	public static ScanCostCalibration calibrate(String name, ReplayRunner runner, ReplayListener listener,
			BooleanSupplier cancelled) throws IOException, InterruptedException {
		List<RecordedCase> recorded = new ArrayList<>();
		for (ReplayCase c : standard()) {
			recorded.add(runner.run(c, listener, cancelled));
		}
		return ScanCostCalibrator.fit(name, recorded);
	}
}
