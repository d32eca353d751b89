package org.ksmstudio.ui.internal.views;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ComparedRuns;
import org.ksmstudio.ui.internal.run.ComparisonRunsJob;

/**
 * The Compare view's "Sweep the Editor's Scenario...": asks for {@code NAME=VALUES} (as
 * {@code --sweep --param} takes them: {@code max_page_sharing=64,128,256}, {@code 2..1024:x4}), runs
 * the active editor's scenario once per value in a background job and compares every run; unticking
 * rows of the run list compares a subset. At most the history's capacity of values (a larger sweep
 * belongs to {@code ksmstudio --headless --sweep}).
 */
final class SweepAndCompare extends Action {

	private final CompareRunsView view;

	SweepAndCompare(CompareRunsView view) {
		super(Messages.compareSweep);
		this.view = view;
	}

	@Override
	public void run() {
		if (!(view.getSite().getPage().getActiveEditor() instanceof ScenarioEditor editor)
				|| editor.getScenario() == null) {
			view.showStatus(Messages.compareSweepNoEditor);
			return;
		}
		InputDialog ask = new InputDialog(view.getSite().getShell(), Messages.compareSweepTitle,
				Messages.compareSweepPrompt, "max_page_sharing=64,128,256", SweepAndCompare::problem); //$NON-NLS-1$
		if (ask.open() == IDialogConstants.OK_ID) {
			start(editor, ask.getValue().strip());
		}
	}

	/** Why {@code text} is not a sweep the view runs, or null. */
	private static @Nullable String problem(String text) {
		try {
			SweepParameter parameter = SweepParameter.parse(text.strip());
			int most = ComparedRuns.history().capacity();
			return parameter.values().size() > most ? NLS.bind(Messages.compareSweepTooMany, most) : null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	/** Runs the editor's scenario once per value of {@code parameterText} and compares the runs. */
	void start(ScenarioEditor editor, String parameterText) {
		String problem = problem(parameterText);
		if (problem != null) {
			view.showStatus(problem);
			return;
		}
		Scenario scenario = editor.getScenario();
		if (scenario == null) {
			view.showStatus(Messages.compareSweepNoEditor);
			return;
		}
		Scenario copy = EcoreUtil.copy(scenario);
		String source = ComparedRuns.source(scenario);
		RunPlan plan;
		List<SweepUnit> units;
		try {
			plan = ScenarioConverter.convert(copy, editor.selectedRunIndex(), null);
			units = new SweepPlan(source, List.of(SweepParameter.parse(parameterText)),
					List.of(plan.scenario().run().policy())).units();
			for (SweepUnit unit : units) {
				UnitRunner.configure(plan.scenario(), unit); // every value checked before anything runs
			}
		} catch (ConversionException | IllegalArgumentException e) {
			view.showStatus(e.getMessage());
			return;
		}
		CompareRunsView.runAndCompare(view.getSite().getPage(),
				new ComparisonRunsJob(NLS.bind(Messages.compareSweepJob, parameterText), plan, units, source),
				List.<FinishedRun>of(), view::showStatus);
	}
}
