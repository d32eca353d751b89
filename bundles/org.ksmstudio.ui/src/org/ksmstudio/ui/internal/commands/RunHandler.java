package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.editor.ScenarioProblems;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Runs the active editor's scenario as a background job (a run in progress is replaced). */
public final class RunHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getActiveEditor(event) instanceof ScenarioEditor editor)) {
			return null;
		}
		Scenario scenario = editor.getScenario();
		if (scenario == null) {
			return null;
		}
		ScenarioProblems problems = editor.getProblems();
		if (problems.hasErrors()) {
			MessageDialog.openError(HandlerUtil.getActiveShell(event), Messages.runRefusedTitle,
					NLS.bind(Messages.runRefused, problems.firstError()));
			return null;
		}
		Shell shell = HandlerUtil.getActiveShell(event);
		ScenarioRun run = editor.getRunSlot().start(scenario, editor.selectedRunIndex());
		run.addListener(changed -> {
			if (changed.status() == ScenarioRun.Status.FAILED && !shell.isDisposed()) {
				shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell, Messages.runRefusedTitle,
						NLS.bind(Messages.runFailedBecause, changed.name(), changed.failure())));
			}
		});
		return null;
	}
}
