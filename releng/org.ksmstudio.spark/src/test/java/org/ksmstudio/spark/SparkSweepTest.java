package org.ksmstudio.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.sweep.SweepUnit;

/**
 * A real Spark in local mode (local[2], bound to 127.0.0.1) runs a sweep of a bundled example; its
 * table must equal, row by row, the table of the local sweep of the same units.
 */
class SparkSweepTest {

    private static final Path EXAMPLES = Path.of("../../bundles/org.ksmstudio.model/examples");

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("SparkSweepTest")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static List<SweepUnit> units(Path file, String param, String... policies) {
        return new SweepPlan(file.toString(), List.of(SweepParameter.parse(param)), List.of(policies)).units();
    }

    @Test
    void sparkSweepEqualsTheLocalSweepRowByRow() throws Exception {
        Path file = EXAMPLES.resolve("reference-d-4proc-1000x1-mps256.ksm");
        ScenarioText scenario = ScenarioText.read(file, 0);
        List<SweepUnit> units = units(file, "max_page_sharing=2..256:x4", "stock", "no-limit");
        assertEquals(8, units.size());

        List<SweepResult> local = new SweepRunner(2).run(units, scenario.plan(), null);
        List<SweepResult> distributed = new SparkSweep(spark).run(scenario, units);

        SweepTable expected = new SweepTable(local);
        SweepTable actual = new SweepTable(distributed);
        assertEquals(expected.header(), actual.header());
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            assertEquals(expected.rows().get(i), actual.rows().get(i), "row " + i);
        }
        for (SweepResult r : distributed) {
            assertTrue(r.ok(), r.toString());
        }
        assertTrue(distributed.stream().map(SweepResult::pagesSaved).distinct().count() > 1,
                "the swept limit changes what is saved: " + actual.toText());
    }

    @Test
    void theTableIsWrittenAsParquetWithTypedColumns() throws Exception {
        Path file = EXAMPLES.resolve("reference-d-4proc-1000x1-mps256.ksm");
        ScenarioText scenario = ScenarioText.read(file, 0);
        List<SweepUnit> units = units(file, "max_page_sharing=2,16", "stock");
        SweepTable table = new SweepTable(new SparkSweep(spark).run(scenario, units));
        Path parquet = dir.resolve("sweep.parquet");

        ParquetTable.write(spark, table, parquet.toString());

        List<Row> rows = spark.read().parquet(parquet.toString()).orderBy("max_page_sharing").collectAsList();
        assertEquals(2, rows.size());
        int saved = table.header().indexOf("pages_saved");
        List<Long> expected = new ArrayList<>();
        for (List<String> r : table.rows()) {
            expected.add(Long.parseLong(r.get(saved)));
        }
        List<Long> read = new ArrayList<>();
        for (Row r : rows) {
            read.add(r.getLong(r.fieldIndex("pages_saved")));
        }
        assertEquals(expected.stream().sorted().toList(), read.stream().sorted().toList());
        assertEquals("stock", rows.get(0).getString(rows.get(0).fieldIndex("policy")));
    }

    @Test
    void theCommandWritesTheSameTableAsCsv() throws Exception {
        Path file = EXAMPLES.resolve("reference-a-b-2000x1-mps256.ksm");
        Path csv = dir.resolve("sweep.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkSweepMain.run(new String[] { file.toString(), "--param", "max_page_sharing=2,256",
                "--policies", "stock,no-limit", "--master", "local[2]", "--csv", csv.toString() },
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        ScenarioText scenario = ScenarioText.read(file, 0);
        List<SweepResult> local = new SweepRunner(1)
                .run(units(file, "max_page_sharing=2,256", "stock", "no-limit"), scenario.plan(), null);
        assertEquals(new SweepTable(local).toCsv(), Files.readString(csv));
        assertTrue(out.toString().contains("pages_saved"), out.toString());
    }

    @Test
    void aBadCommandLineIsOneLineAndExitCodeTwo() {
        for (String[] args : List.of(new String[] { "no-such-file.ksm" },
                new String[] { EXAMPLES.resolve("reference-d-4proc-1000x1-mps256.ksm").toString(), "--param",
                        "max_page_sharing=zero" },
                new String[] { EXAMPLES.resolve("reference-d-4proc-1000x1-mps256.ksm").toString(), "--policies",
                        "no-such-policy" },
                new String[] { EXAMPLES.resolve("reference-d-4proc-1000x1-mps256.ksm").toString(), "--csv", "/" },
                new String[] { "--no-such-option" })) {
            StringWriter err = new StringWriter();
            int code = SparkSweepMain.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(2, code, String.join(" ", args) + ": " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("ksmstudio-spark: "), err.toString());
        }
    }
}
