package org.ksmstudio.live.ui.internal.imports;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
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
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.live.capture.CaptureOptions;
import org.ksmstudio.live.capture.MachineCapturer;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.live.ui.internal.compare.CompareModel;
import org.ksmstudio.live.ui.internal.compare.CompareView;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.ui.internal.export.FileDialogs;

/**
 * File &gt; New &gt; KSM Studio &gt; Scenario from this machine: reads this machine's NUMA topology,
 * KSM tunables and KSM processes (read only). With processes chosen on the second page it
 * captures them ({@link CaptureRunnable}: their pages' duplicate structure, with progress and
 * cancel) and, when ksmd is merging them, shows the kernel's counters beside the simulation in
 * the Kernel vs Simulation view; without, it converts the mergeable VMAs
 * ({@link MachineModelConverter}). Saves the new .ksm and opens it.
 */
public final class ImportMachineWizard extends Wizard implements INewWizard {

	private @Nullable IWorkbench workbench;
	private @Nullable ImportMachinePage page;
	private @Nullable CaptureProcessesPage capturePage;
	private Path folder = FileDialogs.lastFolder();
	private final LiveSources sources = LiveSources.current();

	/** Creates the wizard. */
	public ImportMachineWizard() {
		setWindowTitle(Messages.importTitle);
		setNeedsProgressMonitor(true);
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
				folder = location.toPath();
			}
		}
	}

	@Override
	public void addPages() {
		ImportMachinePage page = new ImportMachinePage(folder.resolve("this-machine.ksm"), sources); //$NON-NLS-1$
		this.page = page;
		addPage(page);
		CaptureProcessesPage capturePage = new CaptureProcessesPage(sources);
		this.capturePage = capturePage;
		addPage(capturePage);
	}

	@Override
	public boolean performFinish() {
		ImportMachinePage page = this.page;
		CaptureProcessesPage capturePage = this.capturePage;
		if (page == null || capturePage == null) {
			return false; // finishing needs the pages, added before the wizard opens
		}
		Path file = page.file();
		CaptureOptions options = page.importProcesses() ? capturePage.options() : null;
		CompareModel comparison = null;
		if (options != null) {
			CaptureRunnable capture = new CaptureRunnable(
					new MachineCapturer(sources.sys(), sources.proc(), sources.sysfs()), options, page.scenarioName(),
					page.tunables() != null, file);
			try {
				getContainer().run(true, true, capture);
			} catch (InvocationTargetException e) {
				getContainer().showPage(capturePage);
				capturePage.setErrorMessage(e.getMessage() != null ? e.getMessage() : e.getCause().getMessage());
				return false;
			} catch (InterruptedException e) {
				capturePage.setErrorMessage(Messages.captureCancelled);
				return false;
			}
			comparison = capture.comparison();
		} else {
			MachineImport machine = page.machine();
			if (machine == null) {
				return false; // the page is not complete without it
			}
			MachineModelConverter.Conversion conversion = MachineModelConverter.convert(page.scenarioName(),
					machine, page.tunables(), page.importProcesses());
			try {
				ScenarioResources.save(conversion.scenario(), file);
			} catch (IOException | RuntimeException e) {
				page.setErrorMessage(NLS.bind(Messages.importSaveFailed, file, e.getMessage()));
				return false;
			}
		}
		IWorkbench workbench = this.workbench;
		if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
			IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
			try {
				IDE.openEditorOnFileStore(active, EFS.getLocalFileSystem().getStore(file.toUri()));
				if (comparison != null) {
					((CompareView) active.showView(CompareView.ID)).setModel(comparison);
				}
			} catch (PartInitException e) {
				page.setErrorMessage(e.getMessage());
				return false;
			}
		}
		return true;
	}
}
