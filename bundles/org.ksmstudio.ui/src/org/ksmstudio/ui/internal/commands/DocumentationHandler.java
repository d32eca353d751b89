package org.ksmstudio.ui.internal.commands;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.program.Program;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.ui.internal.Messages;

/**
 * Help > KSM Studio Documentation: opens the design page of the documentation ({@code docs/} of
 * the KSM Studio sources the running installation was built from, found above the installation),
 * or says where the documentation is when no copy is there.
 */
public final class DocumentationHandler extends AbstractHandler {

	/** The page opened, the index of the others. */
	public static final String INDEX = "architecture.md"; //$NON-NLS-1$

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		Path install = installLocation();
		Path docs = install == null ? null : docsFolder(install);
		if (docs == null) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.docsTitle,
					NLS.bind(Messages.docsNotFound, install));
		} else if (!Program.launch(docs.resolve(INDEX).toString())) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.docsTitle,
					NLS.bind(Messages.docsNoProgram, docs));
		}
		return null;
	}

	/** The {@code docs} folder (holding {@link #INDEX}) in {@code start} or the nearest folder above it, or null. */
	public static @Nullable Path docsFolder(Path start) {
		for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
			Path docs = folder.resolve("docs"); //$NON-NLS-1$
			if (Files.isRegularFile(docs.resolve(INDEX))) {
				return docs;
			}
		}
		return null;
	}

	/** The folder KSM Studio is installed in, or null. */
	public static @Nullable Path installLocation() {
		Location location = Platform.getInstallLocation();
		URL url = location == null ? null : location.getURL();
		try {
			return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI()); //$NON-NLS-1$
		} catch (URISyntaxException | IllegalArgumentException e) {
			return Path.of(url.getPath());
		}
	}
}
