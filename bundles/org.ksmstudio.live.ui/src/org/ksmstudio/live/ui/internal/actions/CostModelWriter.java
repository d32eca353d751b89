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
 * Writes a calibration into a scenario's cost model as a named cost model: the name, HZ, the
 * wake-up lateness ({@code wakeupLatencyNs}) and, when the fit separated them, the ksmd page
 * costs ({@code skipPageNs}, {@code ksmPageVisitNs}, {@code checksumNs}, {@code treeSearchNs},
 * {@code mergeNs}), all in the engine's meaning. The walk terms keep their values.
 */
public final class CostModelWriter {

	private CostModelWriter() {
	}

	/** The values written, by attribute. */
	public static Map<EAttribute, Object> values(ScanCostCalibration calibration, String name) {
		org.ksmstudio.engine.scenario.CostModel c = calibration.costModel();
		Map<EAttribute, Object> values = new LinkedHashMap<>();
		values.put(Literals.COST_MODEL__NAME, name);
		values.put(Literals.COST_MODEL__HZ, c.hz());
		values.put(Literals.COST_MODEL__WAKEUP_LATENCY_NS, c.wakeupLatencyNanos());
		if (calibration.pageCostFitted()) {
			values.put(Literals.COST_MODEL__SKIP_PAGE_NS, c.skipPageNanos());
			values.put(Literals.COST_MODEL__KSM_PAGE_VISIT_NS, c.ksmPageVisitNanos());
			values.put(Literals.COST_MODEL__CHECKSUM_NS, c.checksumNanos());
			values.put(Literals.COST_MODEL__TREE_SEARCH_NS, c.treeSearchNanos());
			values.put(Literals.COST_MODEL__MERGE_NS, c.mergeNanos());
		}
		return values;
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
