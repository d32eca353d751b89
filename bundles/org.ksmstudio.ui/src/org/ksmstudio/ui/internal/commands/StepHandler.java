package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Pauses the active editor's run and runs one step; the step kind ({@code WAKEUP} or
 * {@code FULL_SCAN}) is the handler's initialization data in plugin.xml.
 */
public final class StepHandler extends AbstractHandler implements IExecutableExtension {

	private ScenarioRun.StepKind kind = ScenarioRun.StepKind.WAKEUP;

	@Override
	@NonNullByDefault({})
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		if (data instanceof String name) {
			kind = ScenarioRun.StepKind.valueOf(name);
		}
	}

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		ScenarioRun run = ActiveRun.of(event);
		if (run != null) {
			run.step(kind);
		}
		return null;
	}
}
