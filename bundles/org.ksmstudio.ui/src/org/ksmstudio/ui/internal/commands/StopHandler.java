package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Stops the active editor's run; its results stay in the views. */
public final class StopHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		ScenarioRun run = ActiveRun.of(event);
		if (run != null) {
			run.cancel();
		}
		return null;
	}
}
