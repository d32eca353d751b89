package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Resumes the active editor's paused run. */
public final class ResumeHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		ScenarioRun run = ActiveRun.of(event);
		if (run != null) {
			run.resume();
		}
		return null;
	}
}
