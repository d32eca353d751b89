package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.headless.HeadlessMain;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;

/** The headless runner: counters, files, exit codes. */
class HeadlessMainTest {

    @TempDir
    Path dir;

    private final HeadlessCall headless = new HeadlessCall();

    private int run(String... args) {
        return headless.run(args);
    }

    private Path example(String file) throws Exception {
        Scenario scenario = Examples.byFile(file).orElseThrow().load();
        Path path = dir.resolve(file);
        ScenarioResources.save(scenario, path);
        return path;
    }

    private Map<String, String> counters() {
        return headless.out().lines().filter(l -> !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.split(" ", 2)[0], l -> l.split(" ", 2)[1]));
    }

    @Test
    void referenceScenarioPrintsTheKernelsCounters() throws Exception {
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        int code = run("--headless", example("reference-a-b-2000x1-mps256.ksm").toString(), "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(0, code, headless.err());
        Map<String, String> counters = counters();
        assertEquals("8", counters.get("pages_shared"));
        assertEquals("1992", counters.get("pages_sharing"));
        assertEquals("8", counters.get("stable_node_dups"));
        assertEquals("8031232", counters.get("general_profit"));
        assertEquals("[none] scan-time", counters.get("advisor_mode"));
        assertEquals(24, counters.size(), "every file of /sys/kernel/mm/ksm");
        String text = Files.readString(json);
        JsonNode stock = StrictJson.parse(text).get("runs").get(0);
        assertEquals("stock", stock.get("policy").asText(), text);
        assertEquals(8, stock.get("final").get("pages_shared").asLong(), text);
        JsonNode checkpoint = stock.get("checkpoints").get(0);
        assertEquals("initial", checkpoint.get("name").asText(), text);
        assertTrue(checkpoint.get("matches").asBoolean(), text);
        JsonNode sharing = checkpoint.get("values").get(1);
        assertEquals(List.of("pages_sharing", "1992", "1992"), List.of(sharing.get("counter").asText(),
                sharing.get("expected").asText(), sharing.get("simulated").asText()), text);
        // every value of /proc/PID/ksm_stat, ksm_merge_any and ksm_mergeable included (1 yes, 0 no)
        JsonNode process = stock.get("processes").get(0);
        assertEquals(8064000, process.get("ksm_process_profit").asLong(), text);
        assertEquals(0, process.get("ksm_merge_any").asInt(), text);
        assertEquals(1, process.get("ksm_mergeable").asInt(), text);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv)) {
            rows = CsvTables.FORMAT.parse(in).getRecords();
        }
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("scenario", "policy", "time_s", "pages_scanned", "pages_shared"), header.subList(0, 5));
        assertTrue(header.containsAll(List.of("ksmd_cpu_percent", "max_page_sharing")), header.toString());
        assertEquals("run", header.get(header.size() - 1), header.toString());
        assertTrue(rows.size() > 2, "a time series");
        CSVRecord last = rows.get(rows.size() - 1);
        assertEquals(header.size(), last.size(), last.toString());
        assertEquals(List.of("stock", "8", "1992", "256"), List.of(last.get(1), last.get(header.indexOf("pages_shared")),
                last.get(header.indexOf("pages_sharing")), last.get(header.indexOf("max_page_sharing"))), last.toString());
        double[] times = rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r.get(2))).toArray();
        assertTrue(times[0] == 0 && times[times.length - 1] <= stock.get("time_s").asDouble()
                && Arrays.equals(times, Arrays.stream(times).sorted().toArray()), Arrays.toString(times));
    }

    @Test
    void forOverridesTheRunLength() throws Exception {
        assertEquals(0, run(example("reference-c-100x300-u500-mps256.ksm").toString(), "--for", "2s"));
        long scanned = Long.parseLong(counters().get("pages_scanned"));
        assertTrue(scanned > 0 && scanned < 30500, "2 s of ksmd at 100 pages per 20 ms: " + scanned);
    }

    @Test
    void severalPoliciesPrintOneBlockEach() throws Exception {
        // the kernel's counters are those of stock: no-limit's differ, a failed check (exit code 1, one line)
        assertEquals(1, run(example("reference-a-b-2000x1-mps256.ksm").toString(), "--policy", "stock", "--policy",
                "no-limit"), headless.err());
        List<String> headers = new ArrayList<>(headless.out().lines()
                .filter(l -> l.startsWith("# policy")).toList());
        assertEquals(List.of("# policy stock", "# policy no-limit"), headers);
        assertEquals(List.of("ksmstudio: checkpoint initial (policy no-limit) differs: pages_shared expected 8, "
                + "simulated 1 (and 4 more differences)"), headless.err().lines().toList());
    }

    @Test
    void walksArePrintedPolicyByPolicyAfterTheCounters() throws Exception {
        // 600 equal pages, migrated after convergence: one page of 600 mappings without a limit,
        // dups of at most 256 with the stock limit
        Path file = TestScenarios.save(TestScenarios.migrating(1, 600), dir, "migrating.ksm");
        assertEquals(0, run(file.toString(), "--policy", "stock", "--policy", "no-limit"),
                headless.err());
        List<String> lines = headless.out().lines().toList();
        int header = lines.indexOf(
                "# reverse-map walks and memory, policy by policy (worst walk, migration p99 per node, pages saved, dups)");
        assertTrue(header > 0, String.join("\n", lines));
        List<String> table = lines.subList(header + 1, lines.size());
        assertEquals(3, table.size(), "a header and one row per policy: " + table);
        assertTrue(table.get(1).contains("stock") && table.get(2).contains("no-limit"), table.toString());
        assertTrue(table.stream().allMatch(l -> l.startsWith("#  ")), table.toString());
        assertEquals(List.of("pages_shared 3", "pages_shared 1"),
                lines.stream().filter(l -> l.startsWith("pages_shared ")).toList(), "stock, then no-limit");
    }

    @Test
    void referenceRunPrintsNoWalkTable() throws Exception {
        assertEquals(0, run(example("reference-a-b-2000x1-mps256.ksm").toString()));
        assertTrue(headless.out().lines().noneMatch(l -> l.startsWith("# reverse-map")));
    }

    @Test
    void unknownOptionIsOneLineAndExitCode2() throws Exception {
        assertEquals(2, run(example("reference-a-b-2000x1-mps256.ksm").toString(), "--frobnicate"));
        String message = headless.err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown option --frobnicate"), message);
    }

    @Test
    void missingFileIsOneLineAndExitCode2() {
        assertEquals(2, run(dir.resolve("missing.ksm").toString()));
        String message = headless.err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("missing.ksm: no such file"), message);
    }

    @Test
    void invalidModelIsOneLineAndExitCode2() throws Exception {
        Path file = example("reference-a-b-2000x1-mps256.ksm");
        Files.writeString(file, Files.readString(file).replace("<ksm run=\"1\"/>", "<ksm run=\"1\" maxPageSharing=\"1\"/>"));
        assertEquals(2, run(file.toString()));
        String message = headless.err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("max_page_sharing = 1") && message.contains("EINVAL"), message);
    }

    @Test
    void malformedFileIsOneLineWithThePosition() throws Exception {
        Path file = dir.resolve("bad.ksm");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<ksm:Scenario xmlns:ksm=\"http://www.ksmstudio.org/scenario/1.0\">\n<topology>\n");
        assertEquals(2, run(file.toString()));
        String message = headless.err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(file + ":4:"), message);
    }

    @Test
    void badDurationIsRefused() throws Exception {
        assertEquals(2, run(example("reference-a-b-2000x1-mps256.ksm").toString(), "--for", "soon"));
        assertTrue(headless.err().contains("--for takes a duration"));
    }

    @Test
    void missingReferenceFileIsOneLineOnStandardError() {
        Path missing = dir.resolve("nonexistent.json");
        assertEquals(2, run("--reference", missing.toString()));
        assertEquals("", headless.out());
        assertEquals("ksmstudio: " + missing + ": no such file", headless.err().strip());
    }

    @Test
    void malformedReferenceFileIsOneLineOnStandardError() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"ksmstudio-kernel-reference-1\", \"cases\": [");
        assertEquals(2, run("--reference", file.toString()));
        assertEquals("", headless.out());
        String message = headless.err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("ksmstudio: " + file + ": "), message);
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertEquals(2, run());
        assertTrue(headless.err().startsWith("usage: ksmstudio --headless FILE.ksm"));
        assertTrue(headless.err().contains("\n       ksmstudio --headless --reference FILE.json"));
        assertTrue(headless.err().contains("\n       ksmstudio --headless --sweep FILE.ksm"));
        assertTrue(headless.err().contains("\n       ksmstudio --headless --replay FILE.ksm"));
    }
}
