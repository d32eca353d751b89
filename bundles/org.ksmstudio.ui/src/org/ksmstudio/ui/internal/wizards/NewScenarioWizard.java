package org.ksmstudio.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;

/** New Scenario: an empty scenario with the kernel's defaults, or a copy of a bundled example, saved and opened. */
public final class NewScenarioWizard extends Wizard implements INewWizard {

	private @Nullable IWorkbench workbench;
	private @Nullable NewScenarioPage page;
	private Path initialFolder = org.ksmstudio.ui.internal.export.FileDialogs.lastFolder();

	/** Creates the wizard. */
	public NewScenarioWizard() {
		setWindowTitle(Messages.wizardWindowTitle);
		setNeedsProgressMonitor(false);
	}

	@Override
	@NonNullByDefault({})
	public void init(IWorkbench newWorkbench, IStructuredSelection selection) {
		this.workbench = newWorkbench;
		Object first = selection == null ? null : selection.getFirstElement();
		if (first instanceof IResource resource) {
			IContainer container = resource instanceof IContainer c ? c : resource.getParent();
			IPath location = container == null ? null : container.getLocation();
			if (location != null) {
				initialFolder = location.toPath();
			}
		}
	}

	@Override
	public void addPages() {
		NewScenarioPage created = new NewScenarioPage(initialFolder);
		page = created;
		addPage(created);
	}

	@Override
	public boolean performFinish() {
		NewScenarioPage shown = page;
		IWorkbench target = workbench;
		if (shown == null || target == null) {
			return false; // the workbench calls init and addPages first
		}
		Path file = shown.file();
		Examples.Example example = shown.example();
		try {
			Scenario scenario = example == null ? Scenarios.create(stem(file), 2, 4096) : example.load();
			ScenarioResources.save(scenario, file);
		} catch (ScenarioLoadException | IOException | RuntimeException e) {
			shown.setErrorMessage(NLS.bind(Messages.wizardSaveFailed, file, e.getMessage()));
			return false;
		}
		try {
			IDE.openEditorOnFileStore(target.getActiveWorkbenchWindow().getActivePage(),
					EFS.getLocalFileSystem().getStore(file.toUri()));
		} catch (PartInitException e) {
			shown.setErrorMessage(e.getMessage());
			return false;
		}
		return true;
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".ksm") ? name.substring(0, name.length() - 4) : name; //$NON-NLS-1$
	}
}
