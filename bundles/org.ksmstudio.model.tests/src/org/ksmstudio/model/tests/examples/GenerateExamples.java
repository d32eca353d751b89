package org.ksmstudio.model.tests.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

/**
 * Writes the example scenarios into {@code bundles/org.ksmstudio.model/examples/} with their index.
 * Run from the repository root (or pass it as the argument):
 * {@code java -cp ... org.ksmstudio.model.tests.examples.GenerateExamples [REPO]}.
 * {@code ExamplesUpToDateTest} fails when the committed files differ from what this writes.
 */
public final class GenerateExamples {

    /** Path of the reference data inside the repository. */
    public static final String REFERENCE = "bundles/org.ksmstudio.engine/data/kernel-reference.json";

    /** Path of the examples folder inside the repository. */
    public static final String EXAMPLES = "bundles/org.ksmstudio.model/examples";

    private GenerateExamples() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Map<String, byte[]> files = render(root);
        Path folder = root.resolve(EXAMPLES);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        System.out.println("Wrote " + files.size() + " files to " + folder);
    }

    /** The content of every example file and of {@code examples.index}, by file name. */
    public static Map<String, byte[]> render(Path root) throws IOException {
        ScenarioModel.init();
        String json = Files.readString(root.resolve(REFERENCE), StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# file|name|description (written by GenerateExamples)\n");
        for (ExampleScenarios.Generated example : ExampleScenarios.all(json)) {
            Resource resource = ScenarioModel.createResourceSet().createResource(URI.createURI(example.file()));
            resource.getContents().add(example.scenario());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            resource.save(bytes, ScenarioResources.saveOptions());
            files.put(example.file(), bytes.toByteArray());
            index.append(example.file()).append('|').append(example.name()).append('|')
                    .append(example.description()).append('\n');
        }
        files.put("examples.index", index.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
