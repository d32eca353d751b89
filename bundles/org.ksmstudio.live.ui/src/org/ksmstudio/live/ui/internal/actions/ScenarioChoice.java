package org.ksmstudio.live.ui.internal.actions;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.export.FileDialogs;

/**
 * The scenario a live action works on: the one of the active scenario editor (with its editing
 * domain, so that changes are undoable commands), else one the user picks from a file.
 *
 * @param scenario the scenario
 * @param domain   the editor's editing domain, or null when read from a file
 * @param label    its name for the user
 */
public record ScenarioChoice(Scenario scenario, @Nullable EditingDomain domain, String label) {

	/** The scenario of the window's active editor, if it edits one. */
	public static Optional<ScenarioChoice> ofActiveEditor(@Nullable IWorkbenchWindow window) {
		IEditorPart editor = window == null || window.getActivePage() == null ? null
				: window.getActivePage().getActiveEditor();
		if (!(editor instanceof IEditingDomainProvider provider) || provider.getEditingDomain() == null) {
			return Optional.empty();
		}
		for (Resource resource : provider.getEditingDomain().getResourceSet().getResources()) {
			for (EObject root : resource.getContents()) {
				if (root instanceof Scenario scenario) {
					return Optional.of(new ScenarioChoice(scenario, provider.getEditingDomain(),
							scenario.getName().isEmpty() ? editor.getTitle() : scenario.getName()));
				}
			}
		}
		return Optional.empty();
	}

	/** The active editor's scenario, else one chosen from a .ksm file; empty when the user cancels or it cannot be read. */
	public static Optional<ScenarioChoice> activeOrChosen(@Nullable IWorkbenchWindow window, Shell shell) {
		Optional<ScenarioChoice> active = ofActiveEditor(window);
		if (active.isPresent()) {
			return active;
		}
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText(Messages.chooseScenarioTitle + " \u2014 " + Messages.noScenarioEditor); //$NON-NLS-1$
		dialog.setFilterExtensions(new String[] { "*.ksm", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		String file = FileDialogs.open(dialog);
		if (file == null) {
			return Optional.empty();
		}
		try {
			Scenario scenario = ScenarioResources.load(Path.of(file));
			return Optional.of(new ScenarioChoice(scenario, null,
					scenario.getName().isEmpty() ? Path.of(file).getFileName().toString() : scenario.getName()));
		} catch (ScenarioLoadException e) {
			MessageDialog.openError(shell, Messages.chooseScenarioFailed, e.getMessage());
			return Optional.empty();
		}
	}
}
