package org.ksmstudio.live.calibrate;

import java.util.List;
import java.util.Locale;

import org.ksmstudio.engine.scenario.CostModel;

/**
 * ksmd's timing on one machine, fitted from recorded phases in the terms of the engine's
 * {@link CostModel}: the ksmd page costs (skip, KSM page visit, checksum, tree search, merge)
 * scaled by one factor from the base model's measured ratios, and the wake-up lateness beyond
 * the tick-rounded sleep ({@link CostModel#wakeupLatencyNanos()}). The engine, run on the
 * recorded cases with {@link #costModel()}, reproduces their times to the last change within
 * {@link #worstRelativeError()}.
 *
 * @param name               the cost model's name ("this machine (measured)")
 * @param costModel          the calibrated cost model (walk terms and HZ of the base model)
 * @param pageCostScale      factor applied to the base model's ksmd page costs, 1 when not fitted
 * @param pageCostFitted     whether some phase (sleep_millisecs 0) separated the page costs from the wake-ups
 * @param phasesUsed         phases the fit used
 * @param rmsRelativeError   root mean square of the relative error of the simulated times over those phases
 * @param worstRelativeError largest relative error of a simulated time over those phases
 * @param notes              what the fit could not do, for the user
 */
public record ScanCostCalibration(String name, CostModel costModel, double pageCostScale, boolean pageCostFitted,
		int phasesUsed, double rmsRelativeError, double worstRelativeError, List<String> notes) {

	public ScanCostCalibration {
		notes = List.copyOf(notes);
	}

	/** The numbers as {@code key = value} lines, for a named cost model. */
	public String toText() {
		CostModel c = costModel;
		return String.format(Locale.ROOT,
				"name = %s%nhz = %d%nwakeup_latency_ns = %d%nskip_page_ns = %d%nksm_page_visit_ns = %d%n"
						+ "checksum_ns = %d%ntree_search_ns = %d%nmerge_ns = %d%npage_cost_scale = %.3f%n"
						+ "phases = %d%nrms_relative_error = %.4f%nworst_relative_error = %.4f%n",
				name, c.hz(), c.wakeupLatencyNanos(), c.skipPageNanos(), c.ksmPageVisitNanos(), c.checksumNanos(),
				c.treeSearchNanos(), c.mergeNanos(), pageCostScale, phasesUsed, rmsRelativeError,
				worstRelativeError);
	}
}
