package org.ksmstudio.core.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.model.ScenarioResources;

/** Saves a converted capture: the {@code .ksm} and its page-contents file beside it. */
public final class CapturedScenarioFiles {

	private CapturedScenarioFiles() {
	}

	/**
	 * Writes {@code file} and {@code file.pages}, each through a temporary file in the same
	 * directory moved into place, so that a failure leaves no half-written scenario.
	 */
	public static void save(CaptureModelConverter.Conversion conversion, Path file) throws IOException {
		Path pages = ContentIdsFile.besides(file);
		// temporary names beside the targets (created with the user's umask, unlike createTempFile's 0600)
		String suffix = ".tmp-" + ProcessHandle.current().pid(); //$NON-NLS-1$
		Path tempPages = pages.resolveSibling("." + pages.getFileName() + suffix); //$NON-NLS-1$
		Path tempKsm = file.resolveSibling("." + file.getFileName() + suffix); //$NON-NLS-1$
		try {
			ContentIdsFile.write(tempPages, conversion.streams());
			ScenarioResources.save(conversion.scenario(), tempKsm);
			Files.move(tempPages, pages, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.move(tempKsm, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tempPages);
			Files.deleteIfExists(tempKsm);
		}
	}
}
