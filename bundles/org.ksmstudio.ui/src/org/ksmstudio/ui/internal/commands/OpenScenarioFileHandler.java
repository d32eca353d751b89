package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.ui.internal.Messages;

/** Opens {@code .ksm} files from anywhere on the file system in scenario editors. */
public final class OpenScenarioFileHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
		dialog.setFilterExtensions(new String[] { "*.ksm", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		if (org.ksmstudio.ui.internal.export.FileDialogs.open(dialog) == null) {
			return null;
		}
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		for (String name : dialog.getFileNames()) {
			java.io.File file = new java.io.File(dialog.getFilterPath(), name);
			try {
				IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().fromLocalFile(file));
			} catch (PartInitException e) {
				MessageDialog.openError(shell, Messages.openFailedTitle, e.getMessage());
			}
		}
		return null;
	}
}
