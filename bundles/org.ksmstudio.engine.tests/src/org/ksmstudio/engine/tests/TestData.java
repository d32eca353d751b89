package org.ksmstudio.engine.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceWorkload;

/**
 * Loads reference files: from the engine bundle (data/kernel-reference.json ships in its jar),
 * from this test bundle (data/measured-reference.json), or relative to the working directory.
 */
public final class TestData {
    /** The kernel reference file shipped in the engine bundle. */
    public static final String KERNEL_REFERENCE = "kernel-reference.json";
    static final String MEASURED_REFERENCE = "measured-reference.json";
    /** The format-2 cases of the engine bundle: unequal processes, forks, volatile writers, captured contents. */
    static final String SHAPES_REFERENCE = "kernel-reference-shapes.json";
    /** The format-2 cases of the engine bundle with transparent huge pages and pinned pages. */
    static final String HUGE_AND_PINNED_REFERENCE = "kernel-reference-huge-and-pinned.json";

    private TestData() {
    }

    /** The text of a data file of the engine or of this test bundle. */
    public static String text(String name) {
        for (Class<?> owner : new Class<?>[] { ReferenceFile.class, TestData.class }) {
            try (InputStream in = owner.getResourceAsStream("/data/" + name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data file of the engine or of this test bundle, relative to the working directory. */
    static Path file(String name) {
        for (String dir : new String[] { "data", "../org.ksmstudio.engine/data", "../org.ksmstudio.engine.tests/data",
                "bundles/org.ksmstudio.engine/data", "bundles/org.ksmstudio.engine.tests/data" }) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("test data " + name + " not found on the class path or in ./data");
    }

    static ReferenceFile reference(String name) {
        return ReferenceFile.parse(text(name));
    }

    /** A reference file read from its path, with the page-contents file beside it for captured contents. */
    static ReferenceFile referenceWithPages(String name) {
        Path path = file(name);
        return ReferenceFile.parse(StrictJson.parse(text(name)), ReferenceWorkload.besides(path));
    }
}
