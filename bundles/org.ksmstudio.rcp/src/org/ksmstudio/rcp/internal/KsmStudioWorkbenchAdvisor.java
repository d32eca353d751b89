package org.ksmstudio.rcp.internal;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

/** Workbench life cycle of the product: perspective, scenario files from the command line, workspace save. */
final class KsmStudioWorkbenchAdvisor extends WorkbenchAdvisor {

	private final ScenarioArguments arguments;

	KsmStudioWorkbenchAdvisor(ScenarioArguments arguments) {
		this.arguments = arguments;
	}

	@Override
	@NonNullByDefault({})
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		configurer.setSaveAndRestore(true);
		IDE.registerAdapters();
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return KsmStudioApplication.PERSPECTIVE_ID;
	}

	@Override
	@NonNullByDefault({})
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new KsmStudioWorkbenchWindowAdvisor(configurer);
	}

	@Override
	public void postStartup() {
		IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return;
		}
		IWorkbenchPage page = window.getActivePage();
		for (Path scenario : arguments.scenarios()) {
			open(page, scenario);
		}
		if (!arguments.missing().isEmpty()) {
			MessageDialog.openError(window.getShell(), Messages.openFailedTitle,
					NLS.bind(Messages.missingScenarios, String.join("\n", arguments.missing()))); //$NON-NLS-1$
		}
	}

	private static void open(IWorkbenchPage page, Path scenario) {
		IFileStore store = EFS.getLocalFileSystem().getStore(scenario.toUri());
		try {
			IDE.openEditorOnFileStore(page, store);
		} catch (PartInitException e) {
			ILog.of(KsmStudioWorkbenchAdvisor.class).error(NLS.bind(Messages.openFailed, scenario), e);
		}
	}

	@Override
	public boolean preShutdown() {
		try {
			ResourcesPlugin.getWorkspace().save(true, null);
		} catch (CoreException e) {
			ILog.of(KsmStudioWorkbenchAdvisor.class).log(Status.warning(Messages.workspaceSaveFailed, e));
		}
		return true;
	}
}
