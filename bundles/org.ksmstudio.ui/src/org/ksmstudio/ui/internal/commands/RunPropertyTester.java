package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Enablement of the simulation commands, tested on the active editor: {@code canRun} (a scenario
 * that loaded), {@code active} (a run is starting, running or paused), {@code running}, {@code paused}.
 */
public final class RunPropertyTester extends PropertyTester {

	@Override
	@NonNullByDefault({})
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		if ("canRun".equals(property)) { //$NON-NLS-1$
			return receiver instanceof ScenarioEditor editor && editor.getScenario() != null;
		}
		ScenarioRun run = ActiveRun.of(receiver);
		if (run == null) {
			return false;
		}
		return switch (property) {
			case "active" -> run.isActive(); //$NON-NLS-1$
			case "running" -> run.isActive() && !run.isPauseRequested(); //$NON-NLS-1$
			case "paused" -> run.isActive() && run.isPauseRequested(); //$NON-NLS-1$
			default -> false;
		};
	}
}
