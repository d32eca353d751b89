package org.ksmstudio.live.ui.internal.imports;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.ScenarioResources;

/**
 * File &gt; New &gt; KSM Studio &gt; Scenario from this machine: reads this machine's NUMA topology,
 * KSM tunables and KSM processes (read only), converts them ({@link MachineModelConverter}), saves
 * the new .ksm and opens it.
 */
public final class ImportMachineWizard extends Wizard implements INewWizard {

	private IWorkbench workbench;
	private ImportMachinePage page;
	private Path folder = Path.of(System.getProperty("user.home")); //$NON-NLS-1$

	/** Creates the wizard. */
	public ImportMachineWizard() {
		setWindowTitle(Messages.importTitle);
	}

	@Override
	public void init(IWorkbench newWorkbench, IStructuredSelection selection) {
		this.workbench = newWorkbench;
		Object first = selection == null ? null : selection.getFirstElement();
		if (first instanceof IResource resource) {
			IContainer container = resource instanceof IContainer c ? c : resource.getParent();
			IPath location = container == null ? null : container.getLocation();
			if (location != null) {
				folder = location.toPath();
			}
		}
	}

	@Override
	public void addPages() {
		page = new ImportMachinePage(folder.resolve("this-machine.ksm"), LiveSources.current()); //$NON-NLS-1$
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		Path file = page.file();
		MachineModelConverter.Conversion conversion = MachineModelConverter.convert(page.scenarioName(),
				page.machine(), page.tunables(), page.importProcesses());
		try {
			ScenarioResources.save(conversion.scenario(), file);
		} catch (IOException | RuntimeException e) {
			page.setErrorMessage(NLS.bind(Messages.importSaveFailed, file, e.getMessage()));
			return false;
		}
		if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
			try {
				IDE.openEditorOnFileStore(workbench.getActiveWorkbenchWindow().getActivePage(),
						EFS.getLocalFileSystem().getStore(file.toUri()));
			} catch (PartInitException e) {
				page.setErrorMessage(e.getMessage());
				return false;
			}
		}
		return true;
	}
}
