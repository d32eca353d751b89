package org.ksmstudio.live.ui.internal.actions;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;

/**
 * Writes a calibration into a scenario's cost model as a named cost model: the name, the
 * wake-up overhead beyond sleep_millisecs as {@code wakeupLatencyNs}, and the cost per scanned
 * page as {@code checksumNs} (the cost of visiting a page that is not a KSM page) when the fit
 * could tell it apart. The other terms keep their values.
 */
public final class CostModelWriter {

	private CostModelWriter() {
	}

	/** The values written, by attribute. */
	public static Map<EAttribute, Object> values(ScanCostCalibration calibration, String name) {
		Map<EAttribute, Object> values = new LinkedHashMap<>();
		values.put(Literals.COST_MODEL__NAME, name);
		values.put(Literals.COST_MODEL__WAKEUP_LATENCY_NS, wakeupLatencyNs(calibration));
		if (hasPageCost(calibration)) {
			values.put(Literals.COST_MODEL__CHECKSUM_NS, checksumNs(calibration));
		}
		return values;
	}

	/** The wake-up overhead in ns (0 when the fit gave a negative one). */
	public static long wakeupLatencyNs(ScanCostCalibration calibration) {
		return Math.max(0, Math.round(calibration.wakeUpOverheadMs() * 1e6));
	}

	/** The cost per scanned page in ns. */
	public static long checksumNs(ScanCostCalibration calibration) {
		return Math.round(calibration.nsPerScannedPage());
	}

	/** Whether the fit separated a positive cost per scanned page. */
	public static boolean hasPageCost(ScanCostCalibration calibration) {
		return Double.isFinite(calibration.nsPerScannedPage()) && calibration.nsPerScannedPage() > 0;
	}

	/** An undoable command setting the values on {@code cost} in {@code domain}. */
	public static Command command(EditingDomain domain, CostModel cost, ScanCostCalibration calibration, String name) {
		CompoundCommand command = new CompoundCommand(Messages.calibrateCommand);
		values(calibration, name).forEach((attribute, value) -> command.append(SetCommand.create(domain, cost,
				attribute, value)));
		return command;
	}

	/** Sets the values directly (a scenario not open in an editor). */
	public static void apply(CostModel cost, ScanCostCalibration calibration, String name) {
		values(calibration, name).forEach(cost::eSet);
	}
}
