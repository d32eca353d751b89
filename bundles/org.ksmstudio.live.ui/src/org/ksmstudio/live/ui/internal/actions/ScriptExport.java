package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.live.sysfs.ApplyPlanner;
import org.ksmstudio.live.sysfs.KsmFile;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.ui.internal.Messages;

/** Exports a scenario's tunables as a shell script of sysfs writes, for any machine in any state. */
public final class ScriptExport {

	private ScriptExport() {
	}

	/**
	 * The script: every tunable written, planned without knowing the machine's state (so
	 * max_page_sharing and merge_across_nodes are preceded by an unmerge), to /sys/kernel/mm/ksm.
	 */
	public static String script(Map<KsmFile, String> tunables) {
		return ApplyPlanner.plan(tunables, null).toShellScript(KsmSysfs.DEFAULT_DIRECTORY);
	}

	/** Asks where, writes the script (executable) and says so. */
	public static void export(Shell shell, Map<KsmFile, String> tunables, String scenarioName) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.scriptDialogTitle);
		dialog.setFilterExtensions(new String[] { "*.sh", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFileName(scenarioName.replaceAll("[^A-Za-z0-9._-]+", "-") + "-ksm-tunables.sh"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		Path file = Path.of(chosen);
		try {
			write(file, tunables);
			MessageDialog.openInformation(shell, Messages.scriptDialogTitle, NLS.bind(Messages.scriptSaved, file));
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.scriptDialogTitle, NLS.bind(Messages.scriptFailed, file,
					e.getMessage()));
		}
	}

	/** Writes the script to {@code file} and makes it executable by its owner. */
	public static void write(Path file, Map<KsmFile, String> tunables) throws IOException {
		Files.writeString(file, script(tunables));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x")); //$NON-NLS-1$
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: run it with sh
		}
	}
}
