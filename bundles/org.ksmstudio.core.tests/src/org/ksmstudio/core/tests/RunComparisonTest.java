package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ksmstudio.core.compare.ComparisonCsv;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.compare.RunComparison;
import org.ksmstudio.core.compare.RunComparison.Section;
import org.ksmstudio.core.compare.RunHistory;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.scenario.Scenario;

/**
 * Two runs of the bundled 2,000-copies example at max_page_sharing 256 and 128 kept in a history and
 * compared: the tunable and pages_shared rows differ, 128 needs twice the KSM pages and saves fewer,
 * and the CSV names what each run was.
 */
class RunComparisonTest {

    private static final String EXAMPLE = "reference-a-b-2000x1-mps256.ksm";

    private static FinishedRun run(int maxPageSharing) throws Exception {
        return run(maxPageSharing, null);
    }

    private static FinishedRun run(int maxPageSharing, String policy) throws Exception {
        Scenario model = Examples.byFile(EXAMPLE).orElseThrow().load();
        model.getKsm().setMaxPageSharing(maxPageSharing);
        SimulationRun run = SimulationRun.start(ScenarioConverter.convert(model, 0, policy)).runToEnd();
        return FinishedRun.of(model.getName(), EXAMPLE, Map.of("max_page_sharing", Integer.toString(maxPageSharing)),
                run.simulation());
    }

    @Test
    void maxPageSharing256Against128() throws Exception {
        RunHistory history = new RunHistory(3);
        FinishedRun a = history.add(run(256));
        FinishedRun b = history.add(run(128));
        assertEquals(List.of(1L, 2L), history.runs().stream().map(FinishedRun::id).toList());
        RunComparison c = new RunComparison(history.runs());

        RunComparison.Row mps = c.row(Section.TUNABLE, "max_page_sharing");
        assertEquals(List.of(256L, 128L), mps.values());
        assertTrue(mps.differs());
        RunComparison.Row shared = c.row(Section.COUNTER, "pages_shared");
        assertEquals(List.of(8L, 16L), shared.values(), "2,000 mappings: 8 KSM pages of 256, 16 of 128");
        assertEquals(8.0, shared.delta(1));
        RunComparison.Row sharing = c.row(Section.COUNTER, "pages_sharing");
        assertEquals(List.of(1992L, 1984L), sharing.values());
        assertEquals(0, sharing.best(), "256 saves more");
        RunComparison.Row saved = c.row(Section.MEMORY, "memory saved");
        assertEquals(List.of(1992L * 4096, 1984L * 4096), saved.values());
        assertFalse(c.row(Section.TUNABLE, "pages_to_scan").differs());
        assertEquals("#2 \u00b7 max_page_sharing=128", c.title(1));
        assertTrue(c.differences().contains(mps));

        List<CSVRecord> table = CsvTables.FORMAT.parse(new StringReader(ComparisonCsv.table(c))).getRecords();
        assertEquals(List.of("section", "name", "unit", c.title(0), c.title(1), "delta " + c.title(1), "better", "best"),
                table.get(0).toList());
        CSVRecord scenario = table.get(1);
        assertEquals(List.of("run", "scenario"), scenario.toList().subList(0, 2));
        assertEquals(a.scenario(), scenario.get(3));
        CSVRecord csvShared = table.stream().filter(r -> r.get(1).equals("pages_shared")).findFirst().orElseThrow();
        assertEquals(List.of("counter", "pages_shared", "pages", "8", "16", "8", "none", ""), csvShared.toList());
        CSVRecord csvSharing = table.stream().filter(r -> r.get(1).equals("pages_sharing")).findFirst().orElseThrow();
        assertEquals(c.title(0), csvSharing.get(7));

        List<CSVRecord> series = CsvTables.FORMAT.parse(new StringReader(ComparisonCsv.series(c.runs()))).getRecords();
        assertEquals(List.of("run", "scenario", "policy", "time_s", "ksmd_cpu_percent"), series.get(0).toList().subList(0, 5));
        assertEquals(1 + a.series().size() + b.series().size(), series.size());
        assertEquals(b.label(), series.get(series.size() - 1).get(0));

        history.add(run(512));
        history.add(run(64));
        assertEquals(List.of(2L, 3L, 4L), history.runs().stream().map(FinishedRun::id).toList(),
                "the oldest run is dropped when the history is full");
    }

    @Test
    void aPatchAgainstStockComparesItsOwnSysfsFiles() throws Exception {
        RunHistory history = new RunHistory(2);
        RunComparison c = new RunComparison(List.of(history.add(run(256)), history.add(run(256, "smart-scan-ages"))));
        RunComparison.Row minAge = c.row(Section.TUNABLE, "smart_scan_min_age");
        assertEquals(Arrays.asList(null, 3L), minAge.values(), "stock has no such file");
        assertTrue(minAge.differs());
        assertEquals("scans", minAge.unit());
        assertTrue(c.row(Section.COUNTER, "smart_scan_skip_periods").differs());
        assertTrue(c.title(1).contains("smart-scan-ages"), c.title(1));
    }

    /** A finished run kept from a simulation the caller holds only weakly. */
    private record Kept(FinishedRun run, java.lang.ref.WeakReference<KsmSimulation> engine) {
    }

    private static Kept keep() throws Exception {
        Scenario model = Examples.byFile(EXAMPLE).orElseThrow().load();
        KsmSimulation simulation = SimulationRun.start(ScenarioConverter.convert(model, 0, null)).runToEnd()
                .simulation();
        return new Kept(FinishedRun.of(model.getName(), EXAMPLE, Map.of(), simulation),
                new java.lang.ref.WeakReference<>(simulation));
    }

    @Test
    void aKeptRunDoesNotKeepItsEngine() throws Exception {
        Kept kept = keep();
        for (int i = 0; i < 50 && kept.engine().get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(kept.engine().get(), "the simulation is collected while its finished run is kept");
        assertEquals(1992, kept.run().last().counters().pagesSharing());
        assertTrue(kept.run().series().size() > 0);
    }
}
