package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;

/** Runs the active editor's scenario as a background job (a run in progress is replaced). */
public final class RunHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActiveEditor(event) instanceof ScenarioEditor editor && editor.getScenario() != null) {
			try {
				editor.getRunSlot().start(editor.getScenario(), editor.selectedRunIndex());
			} catch (ConversionException e) {
				MessageDialog.openError(HandlerUtil.getActiveShell(event), Messages.runRefusedTitle, e.getMessage());
			}
		}
		return null;
	}
}
