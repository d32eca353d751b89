package org.ksmstudio.engine.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ksmstudio.engine.reference.ReferenceFile;

/**
 * Loads reference files: from the engine bundle (data/kernel-reference.json ships in its jar),
 * from this test bundle (data/measured-reference.json), or relative to the working directory.
 */
public final class TestData {
    /** The kernel reference file shipped in the engine bundle. */
    public static final String KERNEL_REFERENCE = "kernel-reference.json";
    static final String MEASURED_REFERENCE = "measured-reference.json";

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
        for (String dir : new String[] { "data", "../org.ksmstudio.engine/data", "../org.ksmstudio.engine.tests/data",
                "bundles/org.ksmstudio.engine/data", "bundles/org.ksmstudio.engine.tests/data" }) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("test data " + name + " not found on the class path or in ./data");
    }

    static ReferenceFile reference(String name) {
        return ReferenceFile.parse(text(name));
    }
}
