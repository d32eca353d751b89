package org.ksmstudio.model.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from the working directory (the test bundle under Tycho, the root in a plain run). */
public final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /** The directory holding {@code bundles/org.ksmstudio.model}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("bundles/org.ksmstudio.model/model"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
