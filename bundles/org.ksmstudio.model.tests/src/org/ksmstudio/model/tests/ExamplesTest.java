package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.Examples.Example;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.tests.examples.GenerateExamples;

/** The shipped examples: listed, valid, round-trip equal, and up to date with their generator. */
class ExamplesTest {

    static Stream<Example> examples() {
        return Examples.all().stream();
    }

    @Test
    void everyExampleIsListed() {
        List<String> files = Examples.all().stream().map(Example::file).toList();
        assertTrue(files.containsAll(List.of("2016-sharing-limit.ksm", "vm-consolidation.ksm", "fork-heavy-server.ksm")));
        assertTrue(files.containsAll(List.of("patch-smart-scan-ages.ksm", "patch-scan-time-controller.ksm",
                "patch-zero-first.ksm")), "each shipped scanning-side patch compared with stock");
        assertEquals(23, files.size(), files.toString());
        assertEquals(17, files.stream().filter(f -> f.startsWith("reference-")).count(), "one per case of kernel-reference.json");
        Examples.all().forEach(e -> assertTrue(!e.name().isEmpty() && !e.description().isEmpty(), e.file()));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValid(Example example) throws Exception {
        Diagnostic diagnostic = Diagnostician.INSTANCE.validate(example.load());
        assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, example.file() + ": " + diagnostic);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void saveLoadRoundTripIsEqual(Example example, @TempDir Path dir) throws Exception {
        Scenario original = example.load();
        Scenario copy = EcoreUtil.copy(original);
        Path file = dir.resolve(example.file());
        ScenarioResources.save(copy, file);
        Scenario loaded = ScenarioResources.load(file);
        assertTrue(EcoreUtil.equals(original, loaded), example.file() + " changed in a save/load round trip");
        assertTrue(example.uri().toString().endsWith(example.file()));
    }

    @Test
    void referenceCasesCarryTheMeasuredCounters() throws Exception {
        Scenario scenario = Examples.byFile("reference-a-b-2000x1-mps256.ksm").orElseThrow().load();
        Checkpoint initial = (Checkpoint) scenario.getTimeline().getEvents().get(0);
        assertEquals("initial", initial.getName());
        assertEquals(8, initial.getExpectations().stream().filter(e -> e.getCounter().equals("pages_shared"))
                .findFirst().orElseThrow().getValue());
        assertEquals(256, scenario.getKsm().getMaxPageSharing());
        assertEquals(2000, scenario.getWorkload().getProcesses().get(0).getRegions().get(0).getSizePages());
    }

    @Test
    void committedExamplesAreWhatTheGeneratorWrites() throws Exception {
        Path root = RepositoryPaths.root();
        Map<String, byte[]> expected = GenerateExamples.render(root);
        Path folder = root.resolve(GenerateExamples.EXAMPLES);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(expected.keySet().stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "examples folder differs from GenerateExamples; rerun it");
        }
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(folder.resolve(file.getKey())),
                    file.getKey() + " is out of date; rerun GenerateExamples");
        }
    }

    @Test
    void aMissingExampleNamesItsFile() {
        Example missing = new Example("no-such-example.ksm", "n", "d");
        ScenarioLoadException e = assertThrows(ScenarioLoadException.class, missing::load);
        assertTrue(e.getMessage().contains("example no-such-example.ksm is missing from the bundle"), e.getMessage());
        IllegalStateException u = assertThrows(IllegalStateException.class, missing::uri);
        assertEquals("example no-such-example.ksm is missing from the bundle", u.getMessage());
    }
}
