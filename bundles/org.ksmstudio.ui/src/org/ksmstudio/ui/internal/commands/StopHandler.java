package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Stops the active editor's run; its results stay in the views. */
public final class StopHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		ScenarioRun run = ActiveRun.of(event);
		if (run != null) {
			run.cancel();
		}
		return null;
	}
}
