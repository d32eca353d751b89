package org.ksmstudio.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.ui.internal.Messages;

/**
 * The version of an editor's file on disk when it was loaded or last saved (modification time and
 * size of the file a link names), so that Save can ask before overwriting what another program
 * wrote since, as Eclipse's text editors do.
 */
final class DiskVersion {

	private final @Nullable FileTime modified;
	private final long size;

	private DiskVersion(@Nullable FileTime modified, long size) {
		this.modified = modified;
		this.size = size;
	}

	/** The version of {@code file} now; a missing or unreadable file has none. */
	static DiskVersion of(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new DiskVersion(attributes.lastModifiedTime(), attributes.size());
		} catch (IOException e) {
			return new DiskVersion(null, -1);
		}
	}

	/** Whether {@code file} is no longer this version. */
	boolean changed(Path file) {
		DiskVersion now = of(file);
		return size != now.size || !Objects.equals(modified, now.modified);
	}

	/**
	 * True when {@code file} may be written: unchanged since this version, or the user chose to
	 * overwrite the change.
	 */
	boolean mayOverwrite(Shell shell, Path file) {
		return !changed(file) || MessageDialog.openQuestion(shell, Messages.fileChangedTitle,
				NLS.bind(Messages.fileChanged, file));
	}
}
