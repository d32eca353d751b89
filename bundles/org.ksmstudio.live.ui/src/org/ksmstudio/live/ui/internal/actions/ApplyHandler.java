package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.live.ui.internal.LiveSources;

/** Apply Scenario Tunables to This Kernel...: the active editor's scenario (else a file) in an {@link ApplyDialog}. */
public final class ApplyHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		Shell shell = HandlerUtil.getActiveShell(event);
		ScenarioChoice.activeOrChosen(window, shell).ifPresent(choice -> new ApplyDialog(shell, LiveSources.current(),
				ScenarioTunables.of(choice.scenario().getKsm()), choice.label()).open());
		return null;
	}
}
