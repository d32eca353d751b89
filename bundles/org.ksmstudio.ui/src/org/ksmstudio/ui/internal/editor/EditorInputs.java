package org.ksmstudio.ui.internal.editor;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;

/** The local file behind an editor input: a workspace file or an external file ({@link IURIEditorInput}). */
public final class EditorInputs {

	private EditorInputs() {
	}

	/** The workspace file of {@code input}, or null for external files. */
	public static @Nullable IFile workspaceFile(IEditorInput input) {
		return input instanceof IFileEditorInput fileInput ? fileInput.getFile() : input.getAdapter(IFile.class);
	}

	/** The local file system path of {@code input}, or null when it has none. */
	public static @Nullable Path path(IEditorInput input) {
		IFile file = workspaceFile(input);
		if (file != null) {
			IPath location = file.getLocation();
			return location == null ? null : location.toPath();
		}
		if (input instanceof IURIEditorInput uriInput) {
			URI uri = uriInput.getURI();
			if (uri != null && "file".equals(uri.getScheme())) { //$NON-NLS-1$
				return Path.of(uri);
			}
		}
		return null;
	}
}
