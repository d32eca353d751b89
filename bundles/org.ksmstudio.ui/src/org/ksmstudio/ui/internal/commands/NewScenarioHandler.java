package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.ui.internal.wizards.NewScenarioWizard;

/** File > New Scenario...: the New Scenario wizard (empty, or a copy of an example). */
public final class NewScenarioHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		NewScenarioWizard wizard = new NewScenarioWizard();
		wizard.init(HandlerUtil.getActiveWorkbenchWindow(event).getWorkbench(),
				HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection ? selection
						: StructuredSelection.EMPTY);
		new WizardDialog(HandlerUtil.getActiveShell(event), wizard).open();
		return null;
	}
}
