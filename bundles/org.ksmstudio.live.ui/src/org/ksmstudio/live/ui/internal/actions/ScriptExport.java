package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsScript;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.ui.internal.export.FileDialogs;

/** Exports a scenario's tunables as a shell script of sysfs writes, for any machine in any state. */
public final class ScriptExport {

	private ScriptExport() {
	}

	/**
	 * The script ({@link SysfsScript}): every tunable written for a machine in any state and of any
	 * kernel version, to $KSM (default /sys/kernel/mm/ksm).
	 */
	public static String script(String title, Map<KsmSysfsFile, String> tunables) {
		Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		tunables.forEach((file, value) -> values.put(file, value));
		return SysfsScript.of(title, values);
	}

	/** Asks where, writes the script (executable) and says so. */
	public static void export(Shell shell, Map<KsmSysfsFile, String> tunables, String scenarioName) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(Messages.scriptDialogTitle);
		dialog.setFilterExtensions(new String[] { "*.sh", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		dialog.setFileName(scenarioName.replaceAll("[^A-Za-z0-9._-]+", "-") + "-ksm-tunables.sh"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		dialog.setOverwrite(true);
		String chosen = FileDialogs.open(dialog);
		if (chosen == null) {
			return;
		}
		Path file = Path.of(chosen);
		try {
			write(file, tunables, scenarioName);
			MessageDialog.openInformation(shell, Messages.scriptDialogTitle, NLS.bind(Messages.scriptSaved, file));
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.scriptDialogTitle, NLS.bind(Messages.scriptFailed, file,
					e.getMessage()));
		}
	}

	/** Writes the script to {@code file} and makes it executable by its owner. */
	public static void write(Path file, Map<KsmSysfsFile, String> tunables, String title) throws IOException {
		Files.writeString(file, script(title, tunables));
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x")); //$NON-NLS-1$
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: run it with sh
		}
	}
}
