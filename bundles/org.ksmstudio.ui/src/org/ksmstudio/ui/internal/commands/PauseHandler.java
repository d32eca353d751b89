package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Pauses the active editor's run after the slice in progress. */
public final class PauseHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		ScenarioRun run = ActiveRun.of(event);
		if (run != null) {
			run.pause();
		}
		return null;
	}
}
