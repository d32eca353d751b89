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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.json.Json;
import org.ksmstudio.engine.json.JsonException;
import org.ksmstudio.engine.reference.ReferenceCommand;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Topology;

/** JSON, input validation and the reference command's exit codes. */
class JsonAndInputTest {

    @Test
    void jsonRoundTrip() {
        Object v = Json.parse("{\"a\": [1, 2.5, -3e2, true, null, \"x\\n\\u0041\"], \"b\": {}}");
        assertEquals(Map.of("a", java.util.Arrays.asList(1L, 2.5, -300.0, true, null, "x\nA"), "b", Map.of()), v);
        assertEquals(v, Json.parse(Json.write(v)));
        assertEquals(v, Json.parse(Json.writePretty(v)));
    }

    @Test
    void jsonErrorsNameThePosition() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": [1,\n  }"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

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
        assertEquals(2, run(new String[0]).code);
        assertEquals(2, run(new String[] { dir.resolve("missing.json").toString() }).code);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"cases\": [ {\"name\": 1 ");
        Result r = run(new String[] { bad.toString() });
        assertEquals(2, r.code);
        assertTrue(r.out.startsWith(bad.toString()), r.out);
        Path file = dir.resolve("one.json");
        Files.writeString(file, TestData.text(TestData.KERNEL_REFERENCE));
        r = run(new String[] { file.toString() });
        assertEquals(0, r.code, r.out);
        String[] lines = r.out.trim().split("\n");
        assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed"), lines[lines.length - 1]);
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, TestData.text(TestData.KERNEL_REFERENCE).replace("\"pages_shared\": 8,",
                "\"pages_shared\": 9,"));
        r = run(new String[] { wrong.toString() });
        assertEquals(1, r.code);
        assertTrue(r.out.contains("FAIL a_b_2000x1_mps256/initial"), r.out);
        assertTrue(r.out.contains("!pages_shared=9/8"), r.out);
    }

    private record Result(int code, String out) {
    }

    private static Result run(String[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ReferenceCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
