package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.reference.ReferenceCommand;
import org.ksmstudio.engine.reference.ReferenceFileException;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Topology;

/** Input validation, the reference command's exit codes and its range checks. */
class JsonAndInputTest {

    @Test
    void scenarioErrorsNameFieldAndValue() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> KsmTunables.DEFAULTS.withMaxPageSharing(1));
        assertEquals("tunables.max_page_sharing", e.field());
        assertEquals("1", e.value());
        assertThrows(ScenarioException.class, () -> new ContentGroup(ContentGroup.Kind.UNIQUE, 0, 0, null, -1, null,
                null));
        assertThrows(ScenarioException.class, () -> new Topology("x86_64", 4095, 2, Topology.singleNode(1, 1).nodes(),
                List.of()));
        assertThrows(ScenarioException.class, () -> new ProcessSpec(0, "x", 0, null, true, false, 0, null, null));
    }

    @Test
    void referenceCommandExitCodes(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        ReferenceFileException e = assertThrows(ReferenceFileException.class, () -> run(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        e = assertThrows(ReferenceFileException.class, () -> run(dir));
        assertTrue(e.getMessage().endsWith(": is a directory, not a file"), e.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"cases\": [ {\"name\": 1 ");
        e = assertThrows(ReferenceFileException.class, () -> run(bad));
        assertTrue(e.getMessage().startsWith(bad + ": line 1, column "), e.getMessage());
        Path file = dir.resolve("one.json");
        Files.writeString(file, TestData.text(TestData.KERNEL_REFERENCE));
        Result r = run(file);
        assertEquals(0, r.code, r.out);
        String[] lines = r.out.trim().split("\n");
        assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed"), lines[lines.length - 1]);
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, TestData.text(TestData.KERNEL_REFERENCE).replace("\"pages_shared\": 8,",
                "\"pages_shared\": 9,"));
        r = run(wrong);
        assertEquals(1, r.code);
        assertTrue(r.out.contains("FAIL a_b_2000x1_mps256/initial"), r.out);
        assertTrue(r.out.contains("!pages_shared=9/8"), r.out);
    }

    @Test
    void referenceValuesAreRangeCheckedNotNarrowed(@TempDir Path dir) throws Exception {
        String text = TestData.text(TestData.KERNEL_REFERENCE);
        assertRefused(dir, text.replaceFirst("\"processes\": \\d+", "\"processes\": 4294967297"),
                ".workload.processes = 4294967297: must be 1..4096");
        assertRefused(dir, text.replaceFirst("\"processes\": \\d+", "\"processes\": 1000000"),
                ".workload.processes = 1000000: must be 1..4096");
        assertRefused(dir, text.replaceFirst("\"unique_pages\": \\d+", "\"unique_pages\": -5"),
                ".workload.unique_pages = -5: must be 0..");
        assertRefused(dir, text.replace("\"page_size\": 4096", "\"page_size\": 4294971392"),
                "$.page_size = 4294971392: must be 4096..2097152");
    }

    private static void assertRefused(Path dir, String text, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("case.json"), text);
        ReferenceFileException e = assertThrows(ReferenceFileException.class, () -> run(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private record Result(int code, String out) {
    }

    private static Result run(Path file) throws ReferenceFileException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ReferenceCommand.execute(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
