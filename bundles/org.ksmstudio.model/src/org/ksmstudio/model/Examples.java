package org.ksmstudio.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.model.scenario.Scenario;

/**
 * The example scenarios shipped in this bundle's {@code examples/} folder, listed in
 * {@code examples/examples.index} (one {@code file|name|description} line each), for the New
 * Scenario wizard and headless use.
 */
public final class Examples {

    private static final String FOLDER = "/examples/"; //$NON-NLS-1$

    /**
     * One example scenario.
     *
     * @param file        file name in the examples folder, e.g. {@code 2016-sharing-limit.ksm}
     * @param name        short title
     * @param description one or two sentences saying what it shows
     */
    public record Example(String file, String name, String description) {

        /** Location of the example file (a {@code bundleresource:}, {@code jar:} or {@code file:} URI). */
        public URI uri() {
            URL url = Examples.class.getResource(FOLDER + file);
            if (url == null) {
                throw new IllegalStateException(NLS.bind(Messages.Example_Missing, file));
            }
            return URI.createURI(url.toString());
        }

        /** Loads a fresh copy of the example. */
        public Scenario load() throws ScenarioLoadException {
            try (InputStream in = Examples.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new ScenarioLoadException(java.nio.file.Path.of(file), 0, 0,
                            NLS.bind(Messages.Example_Missing, file), null);
                }
                return ScenarioResources.load(in, file, ScenarioModel.createResourceSet());
            } catch (IOException e) {
                throw new ScenarioLoadException(java.nio.file.Path.of(file), 0, 0, e.getMessage(), e);
            }
        }
    }

    private Examples() {
    }

    /** Every shipped example, in the order of the index. */
    public static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = Examples.class.getResourceAsStream(FOLDER + "examples.index")) { //$NON-NLS-1$
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) { //$NON-NLS-1$
                    continue;
                }
                String[] parts = line.split("\\|", 3); //$NON-NLS-1$
                examples.add(new Example(parts[0], parts[1], parts.length > 2 ? parts[2] : "")); //$NON-NLS-1$
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(examples);
    }

    /** The example stored in {@code file}, if shipped. */
    public static Optional<Example> byFile(String file) {
        return all().stream().filter(e -> e.file().equals(file)).findFirst();
    }
}
