package org.ksmstudio.rcp.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The KSM Studio product application: opens the workbench in the KSM Studio perspective.
 * <p>
 * Command-line convention (see the {@code ksmstudio} launcher script): every application
 * argument that names an existing {@code .ksm} file is opened in an editor after start-up.
 * Arguments that start with {@code -} are left to the platform.
 */
public final class KsmStudioApplication implements IApplication {

	/** The perspective a new window opens (contributed by {@code org.ksmstudio.ui}). */
	public static final String PERSPECTIVE_ID = "org.ksmstudio.ui.perspective"; //$NON-NLS-1$

	@Override
	@NonNullByDefault({})
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display,
					new KsmStudioWorkbenchAdvisor(ScenarioArguments.parse(args)));
			return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		Display display = workbench.getDisplay();
		display.syncExec(() -> {
			if (!display.isDisposed()) {
				workbench.close();
			}
		});
	}
}
