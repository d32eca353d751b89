package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.live.calibrate.CalibrationCases;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;

/** Calibrate Cost Model on This Kernel...: root only, after a confirmation; runs a {@link CalibrateJob}. */
public final class CalibrateHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		LiveSources sources = LiveSources.current();
		KsmAccess access = sources.sysfs().access();
		if (!access.canWrite()) {
			MessageDialog.openInformation(shell, Messages.calibrateTitle,
					NLS.bind(Messages.calibrateNeedsRoot, access.message()));
			return null;
		}
		if (new MessageDialog(shell, Messages.calibrateTitle, null,
				Messages.format(Messages.calibrateConfirm, CalibrationCases.standard().size(),
						sources.ksmDirectory().toString()),
				MessageDialog.CONFIRM, 1, Messages.calibrateButton, IDialogConstants.CANCEL_LABEL).open() == 0) {
			new CalibrateJob(sources, HandlerUtil.getActiveWorkbenchWindow(event)).schedule();
		}
		return null;
	}
}
