package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.policy.PolicyParameters;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsRow;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ComparedRuns;
import org.ksmstudio.ui.internal.run.ComparisonRunsJob;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * The Tunables view's "Run a Copy with Another Value and Compare...": asks for a value of the selected
 * tunable, runs a copy of the followed editor's scenario with it (the scenario file and model are not
 * touched) in a background job, and opens the Compare view on the editor's finished run (run again
 * in the same job when the editor has none) and the copy.
 */
final class RunCopyAndCompare extends Action {

	private final TunablesView view;

	RunCopyAndCompare(TunablesView view) {
		super(Messages.compareRunCopy);
		this.view = view;
	}

	@Override
	public void run() {
		SysfsRow tunable = view.selectedRow();
		if (!(view.followedEditor() instanceof ScenarioEditor editor) || editor.getScenario() == null
				|| tunable == null) {
			view.showMessage(Messages.compareRunCopyNothing);
			return;
		}
		if (!tunable.writable() || tunable == KsmSysfsFile.RUN) {
			view.showMessage(Messages.compareRunCopyNotRun);
			return;
		}
		Shell shell = view.getSite().getShell();
		InputDialog ask = new InputDialog(shell, Messages.compareRunCopyTitle,
				NLS.bind(Messages.compareRunCopyPrompt, tunable.fileName(), tunable.range()), view.selectedValue(),
				text -> tunable.parse(text.strip()).ok() ? null : tunable.parse(text.strip()).reason());
		if (ask.open() != IDialogConstants.OK_ID) {
			return;
		}
		start(editor, tunable, ask.getValue().strip());
	}

	/**
	 * Runs the copy with {@code tunable} = {@code value} and compares it with the editor's run; a
	 * patch's tunable is set as the sweeps set it, {@code POLICY.FILE}.
	 */
	void start(ScenarioEditor editor, SysfsRow tunable, String value) {
		Scenario scenario = editor.getScenario();
		if (scenario == null) {
			view.showMessage(Messages.compareRunCopyNothing);
			return;
		}
		Scenario copy = EcoreUtil.copy(scenario);
		int runIndex = editor.selectedRunIndex();
		ScenarioRun current = editor.getRunSlot().current();
		List<FinishedRun> base = current == null || current.isActive() ? List.of()
				: ComparedRuns.keptOf(current).stream().filter(r -> r.policy().equals(current.followed().policy()))
						.toList();
		String policy = current == null ? null : current.followed().policy();
		RunPlan plan;
		try {
			plan = ScenarioConverter.convert(copy, runIndex, policy);
		} catch (ConversionException e) {
			view.showMessage(e.getMessage());
			return;
		}
		String planPolicy = plan.scenario().run().policy();
		String source = ComparedRuns.source(scenario);
		List<SweepUnit> units = new ArrayList<>();
		if (base.isEmpty()) {
			units.add(new SweepUnit(0, source, Map.of(), planPolicy));
		}
		String name = tunable instanceof KsmSysfsFile ? tunable.fileName()
				: PolicyParameters.baseName(planPolicy) + '.' + tunable.fileName();
		units.add(new SweepUnit(units.size(), source, Map.of(name, value), planPolicy));
		CompareRunsView.runAndCompare(view.getSite().getPage(),
				new ComparisonRunsJob(NLS.bind(Messages.compareRunCopyJob, name, value), plan, units, source), base,
				view::showMessage);
	}
}
