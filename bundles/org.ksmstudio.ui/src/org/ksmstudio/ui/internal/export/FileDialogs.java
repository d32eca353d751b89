package org.ksmstudio.ui.internal.export;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/**
 * The file dialogs of KSM Studio open in the folder the user chose last (kept in the dialog
 * settings, so across sessions), the home folder the first time: never the install folder, the
 * process's working directory.
 */
public final class FileDialogs {

	/** Opens a file dialog and returns the path chosen, or null. */
	public interface Chooser {
		@Nullable
		String open(FileDialog dialog);
	}

	private static final String SECTION = "fileDialogs"; //$NON-NLS-1$
	private static final String LAST_FOLDER = "lastFolder"; //$NON-NLS-1$
	private static volatile Chooser chooser = FileDialog::open;

	private FileDialogs() {
	}

	/**
	 * Opens {@code dialog} in the last folder (unless a folder was set on it) and remembers the
	 * folder of the path chosen.
	 */
	public static @Nullable String open(FileDialog dialog) {
		String preset = dialog.getFilterPath();
		if (preset == null || preset.isEmpty()) {
			dialog.setFilterPath(lastFolder().toString());
		}
		String chosen = chooser.open(dialog);
		if (chosen != null) {
			Path parent = Path.of(chosen).toAbsolutePath().getParent();
			if (parent != null) {
				settings().put(LAST_FOLDER, parent.toString());
			}
		}
		return chosen;
	}

	/** The folder the next dialog opens in: the last one chosen while it exists, else the home folder. */
	public static Path lastFolder() {
		String last = settings().get(LAST_FOLDER);
		if (last != null && Files.isDirectory(Path.of(last))) {
			return Path.of(last);
		}
		return Path.of(System.getProperty("user.home")); //$NON-NLS-1$
	}

	/**
	 * Replaces the native dialog (a GTK file chooser cannot be driven by SWT events); the UI tests
	 * answer with a path. Returns the chooser replaced.
	 */
	public static Chooser setChooser(Chooser replacement) {
		Chooser old = chooser;
		chooser = replacement;
		return old;
	}

	private static IDialogSettings settings() {
		IDialogSettings root = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(FileDialogs.class))
				.getDialogSettings();
		IDialogSettings section = root.getSection(SECTION);
		return section != null ? section : root.addNewSection(SECTION);
	}
}
