package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --headless --sweep}: the table, its files, the progress line and bad arguments. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private final HeadlessCall headless = new HeadlessCall();

    private int run(String... args) {
        return headless.run(args);
    }

    private String err() {
        return headless.err();
    }

    /** The CSV parsed as the product writes it (Commons CSV), one map per row by column name. */
    private static List<Map<String, String>> rows(Path csv) throws Exception {
        return rows(Files.readString(csv));
    }

    /** The table printed on standard output, cells separated by blanks (no cell holds one). */
    private static List<List<String>> textTable(String text) {
        return text.lines().map(l -> List.of(l.trim().split("\\s+"))).toList();
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        List<CSVRecord> records = CsvTables.FORMAT.parse(new StringReader(csv)).getRecords();
        List<String> header = records.get(0).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            assertEquals(header.size(), record.size(), "one cell per column: " + record);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String mps, String policy) {
        return rows.stream().filter(r -> r.get("max_page_sharing").equals(mps) && r.get("policy").equals(policy))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + mps + " " + policy + " in " + rows));
    }

    @Test
    void sweepsATunableOverPoliciesIntoOneTable() throws Exception {
        Path file = TestScenarios.save(TestScenarios.migrating(1, 600), dir, "small.ksm");
        Path csv = dir.resolve("sweep.csv");
        Path json = dir.resolve("sweep.json");
        int code = run("--headless", "--sweep", file.toString(), "--param", "max_page_sharing=2..256:x8", "--policies",
                "stock,no-limit", "--threads", "2", "--csv", csv.toString(), "--json", json.toString());
        assertEquals(0, code, err());

        List<Map<String, String>> rows = rows(csv);
        assertEquals(6, rows.size(), "3 values (2, 16, 128) x 2 policies");
        List<String> header = CsvTables.FORMAT.parse(new StringReader(Files.readString(csv))).getRecords().get(0).toList();
        for (String column : List.of("max_page_sharing", "policy", "worst_walk_ms", "p99_migration_ms_node0",
                "p99_migration_ms_node1", "pages_saved", "ksm_pages", "ksmd_cpu_pct", "failures")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        for (Map<String, String> r : rows) {
            assertEquals("", r.get("error"), r.toString());
            assertTrue(Double.parseDouble(r.get("p99_migration_ms_node0")) > 0
                    && Double.parseDouble(r.get("p99_migration_ms_node1")) > 0, "migrated both ways: " + r);
            double cpu = Double.parseDouble(r.get("ksmd_cpu_pct"));
            assertTrue(cpu > 0 && cpu <= 100, r.toString());
        }
        // 600 equal pages: dups of at most max_page_sharing mappings; no limit merges them into one page.
        assertEquals("300", row(rows, "2", "stock").get("pages_saved"), "300 dups of 2");
        assertEquals("562", row(rows, "16", "stock").get("pages_saved"), "38 dups");
        assertEquals("595", row(rows, "128", "stock").get("pages_saved"), "5 dups");
        for (String mps : List.of("2", "16", "128")) {
            assertEquals("599", row(rows, mps, "no-limit").get("pages_saved"));
        }
        assertTrue(Double.parseDouble(row(rows, "128", "no-limit").get("worst_walk_ms")) > Double
                .parseDouble(row(rows, "2", "stock").get("worst_walk_ms")), "one walk of 600 mappings costs more");

        List<List<String>> table = textTable(headless.out());
        assertEquals(7, table.size(), "header and 6 rows on standard output: " + table);
        assertEquals(List.of("max_page_sharing", "policy", "worst_walk_ms"), table.get(0).subList(0, 3));
        for (List<String> r : table.subList(1, table.size())) {
            assertEquals(row(rows, r.get(0), r.get(1)).get("pages_saved"), r.get(table.get(0).indexOf("pages_saved")),
                    "standard output and the CSV agree: " + r);
        }
        String text = Files.readString(json);
        JsonNode parsed = StrictJson.parse(text);
        assertEquals("ksmstudio-sweep-1", parsed.get("format").asText(), text);
        JsonNode runs = parsed.get("runs");
        assertEquals(6, runs.size(), text);
        for (JsonNode r : runs) {
            Map<String, String> csvRow = row(rows, r.get("parameters").get("max_page_sharing").asText(),
                    r.get("policy").asText());
            assertEquals(csvRow.get("pages_saved"), r.get("pages_saved").asText(), "the JSON and the CSV agree: " + r);
            assertEquals(2, r.get("p99_migration_ns_per_node").size(), r.toString());
        }
        List<String> progress = err().lines().filter(l -> l.startsWith("sweep [")).toList();
        assertEquals(6, progress.size(), err());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("sweep [6/6]")), err());
        assertTrue(err().contains("6 runs, 0 failed"), err());
    }

    @Test
    void policiesDefaultToTheRunSettingsOfTheFile() throws Exception {
        var scenario = TestScenarios.migrating(1, 100);
        scenario.getRuns().get(0).getPolicies().clear();
        scenario.getRuns().get(0).getPolicies().addAll(List.of("stock", "batched-tlb"));
        Path file = TestScenarios.save(scenario, dir, "small.ksm");
        assertEquals(0, run("--sweep", file.toString(), "--param", "max_page_sharing=16"), err());
        List<List<String>> table = textTable(headless.out());
        assertEquals(List.of("policy", "stock", "batched-tlb"), table.stream().map(r -> r.get(1)).toList(), table.toString());
        assertEquals(List.of("16", "16"), table.subList(1, 3).stream().map(r -> r.get(0)).toList(), table.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--policies|stock,frobnicate|policy = frobnicate: unknown sharing policy",
            "--param|max_page_sharing=abc|'abc'",
            "--param|max_page_sharing=1..8:x1|factor >= 2",
            "--param|no_such_tunable=1,2|not a swept tunable",
            "--param|max_page_sharing=1,2|max_page_sharing",
            "--threads|none|--threads takes an integer",
            "--frobnicate|x|unknown option --frobnicate" })
    void badArgumentsGiveOneLineAndExitCode2(String option, String value, String expected) throws Exception {
        Path file = TestScenarios.save(TestScenarios.migrating(1, 100), dir, "small.ksm");
        assertEquals(2, run("--sweep", file.toString(), option, value));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains(expected), err());
        assertEquals("", headless.out(), "nothing ran");
    }

    @Test
    void missingOrAbsentFileGivesOneLine() {
        assertEquals(2, run("--sweep", dir.resolve("missing.ksm").toString()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("missing.ksm"), err());
        headless.reset();
        assertEquals(2, run("--sweep", "--param", "max_page_sharing=2"));
        assertEquals(1, err().lines().count(), err());
        assertFalse(err().isBlank());
    }
}
