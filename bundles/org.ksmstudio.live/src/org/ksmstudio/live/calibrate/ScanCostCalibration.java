package org.ksmstudio.live.calibrate;

import java.util.List;
import java.util.Locale;

/**
 * ksmd's timing on one machine, fitted from recorded phases: the wall time of a phase is
 * {@code pages × nsPerScannedPage + wakeUps × (sleep_millisecs + wakeUpOverheadMs)}.
 *
 * @param name               the cost model's name ("this machine (measured)")
 * @param nsPerScannedPage   ksmd's average cost per scanned page, NaN when the phases do not
 *                           separate it from the wake-up period (all with one pages_to_scan)
 * @param wakeUpOverheadMs   time per wake-up beyond sleep_millisecs (tick rounding, wake-up latency)
 * @param phasesUsed         phases the fit used
 * @param rmsResidualSeconds root mean square of the fit's error over those phases
 * @param notes              what the fit could not do, for the user
 */
public record ScanCostCalibration(String name, double nsPerScannedPage, double wakeUpOverheadMs, int phasesUsed,
		double rmsResidualSeconds, List<String> notes) {

	public ScanCostCalibration {
		notes = List.copyOf(notes);
	}

	/** ksmd's period between the starts of two wake-ups at these tunables, in milliseconds. */
	public double wakeUpPeriodMs(long pagesToScan, long sleepMillisecs) {
		double scan = Double.isNaN(nsPerScannedPage) ? 0 : pagesToScan * nsPerScannedPage / 1e6;
		return sleepMillisecs + wakeUpOverheadMs + scan;
	}

	/** The numbers as {@code key = value} lines, for a named cost model. */
	public String toText() {
		return String.format(Locale.ROOT,
				"name = %s%nns_per_scanned_page = %.1f%nwakeup_overhead_ms = %.3f%nphases = %d%nrms_residual_s = %.4f%n",
				name, nsPerScannedPage, wakeUpOverheadMs, phasesUsed, rmsResidualSeconds);
	}
}
