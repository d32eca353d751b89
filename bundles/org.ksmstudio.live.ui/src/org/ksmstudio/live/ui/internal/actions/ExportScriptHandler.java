package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** Export Scenario Tunables as Shell Script...: the active editor's scenario (else a file). */
public final class ExportScriptHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		ScenarioChoice.activeOrChosen(HandlerUtil.getActiveWorkbenchWindow(event), shell).ifPresent(
				choice -> ScriptExport.export(shell, ScenarioTunables.of(choice.scenario().getKsm()), choice.label()));
		return null;
	}
}
