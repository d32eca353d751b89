package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.io.CsvTables;
import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.JsonNode;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.sweep.Comparison;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.sweep.SweepUnit;

/** Sweeps and comparisons: parameter syntax, plans, parallel runs in order, tables, the command. */
class SweepTest {

    /** A small 2016-like host: 8 KVM guests of 512 equal pages and the test program, migrated twice. */
    static Scenario smallHost() {
        Scenario.Builder b = Scenario.builder().name("small host").topology(RmapScenarios.numa(2, 4, 21))
                .costModel(CostModel.KVM_HOST_2016)
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(5_000).withSleepMillisecs(10))
                .run(new RunSettings(Duration.ofSeconds(6), false, 1, "stock", Duration.ofSeconds(1)));
        b.process(RmapScenarios.process(1000, 0, List.of(0), true, false, RmapScenarios.identical("buffer", 1)));
        for (int g = 0; g < 8; g++) {
            b.process(new ProcessSpec(2001 + g, "vm" + g, g % 2, List.of(1 + g % 7), true, true, 0,
                    ForkPoint.AFTER_FILL, List.of(RmapScenarios.identical("guest-ram", 512))));
        }
        b.event(new TimelineEvent.MigratePages(Duration.ofSeconds(4), 1000, -1, 1));
        b.event(new TimelineEvent.MigratePages(Duration.ofSeconds(5), 1000, -1, 0));
        return b.build();
    }

    @Test
    void parameterSyntax() {
        assertEquals(List.of("2", "4", "8", "16"), SweepParameter.parse("max_page_sharing=2..16:x2").values());
        assertEquals(List.of("10", "20", "30"), SweepParameter.parse("pages_to_scan=10..30:+10").values());
        assertEquals(List.of("64", "256"), SweepParameter.parse("max_page_sharing=64,256").values());
        assertEquals(20, SweepParameter.parse("max_page_sharing=2..1048576:x2").values().size());
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse("max_page_sharing"));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse("max_page_sharing=8..2:x2"));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse("max_page_sharing=2..8:x1"));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse("max_page_sharing=a..8"));
        assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse("x=1..100000000:+1"));
    }

    @Test
    void planIsTheProductParametersOuterPoliciesInner() {
        List<SweepUnit> units = new SweepPlan("s", List.of(SweepParameter.parse("max_page_sharing=2,4"),
                SweepParameter.parse("seed=1,2")), List.of("stock", "no-limit")).units();
        assertEquals(8, units.size());
        assertEquals(Map.of("max_page_sharing", "2", "seed", "1"), units.get(1).parameters());
        assertEquals("no-limit", units.get(1).policy());
        assertEquals(Map.of("max_page_sharing", "2", "seed", "2"), units.get(2).parameters());
        assertEquals(7, units.get(7).index());
    }

    @Test
    void sweepOverTheSharingLimitShowsLatencyAgainstMemory() throws Exception {
        Scenario s = smallHost();
        List<SweepUnit> units = new SweepPlan("small", List.of(SweepParameter.parse("max_page_sharing=4..4096:x4")),
                List.of("stock", "no-limit", "batched-tlb")).units();
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
        List<SweepResult> results = new SweepRunner(2).run(units, RunPlan.of(s), (done, total, r) -> progress.add(done));
        assertEquals(units.size(), results.size());
        assertEquals(units.size(), progress.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(units.get(i), results.get(i).unit(), "results come in unit order");
            assertTrue(results.get(i).ok(), results.get(i).error());
        }
        long lastWalk = 0;
        long lastSaved = 0;
        for (int i = 0; i < results.size(); i += 3) {
            SweepResult stock = results.get(i);
            SweepResult noLimit = results.get(i + 1);
            SweepResult batched = results.get(i + 2);
            assertTrue(stock.worstWalkNanos() >= lastWalk, "a higher limit, a longer worst walk");
            assertTrue(stock.pagesSaved() >= lastSaved, "a higher limit, more pages saved");
            lastWalk = stock.worstWalkNanos();
            lastSaved = stock.pagesSaved();
            assertEquals(results.get(1).worstWalkNanos(), noLimit.worstWalkNanos(), "no-limit ignores the limit");
            assertTrue(batched.worstWalkNanos() <= stock.worstWalkNanos());
            assertTrue(noLimit.worstWalkNanos() >= stock.worstWalkNanos());
        }
        assertTrue(results.get(0).extraDupPages() > 0);
        assertEquals(0, results.get(1).extraDupPages());

        SweepTable table = new SweepTable(results);
        assertEquals("max_page_sharing", table.header().get(0));
        assertTrue(table.header().contains("p99_migration_ms_node1"));
        List<CSVRecord> csv = CsvTables.FORMAT.parse(new StringReader(table.toCsv())).getRecords();
        assertEquals(results.size() + 1, csv.size());
        assertEquals(table.header(), csv.get(0).toList());
        for (CSVRecord row : csv) {
            assertEquals(table.header().size(), row.size(), row.toString());
        }
        JsonNode json = StrictJson.parse(table.toJson());
        assertEquals(results.size(), json.get("runs").size());
        assertEquals(results.get(0).pagesSaved(), json.get("runs").get(0).get("pages_saved").longValue());
        assertEquals(results.size() + 1, table.toText().split("\n").length);
    }

    @Test
    void comparisonRunsTheSameScenarioPerPolicy() {
        List<SweepResult> r = Comparison.run(smallHost(), List.of("stock", "no-limit", "skip-walk"),
                new SweepRunner(2), null);
        assertEquals(List.of("stock", "no-limit", "skip-walk"), r.stream().map(x -> x.unit().policy()).toList());
        assertTrue(r.get(1).worstWalkNanos() > r.get(0).worstWalkNanos());
        assertTrue(r.get(2).failures() > 0, "skip-walk cannot migrate the 4097-mapping page");
        assertEquals(0, r.get(2).worstWalkNanos());
    }

    @Test
    void everyUnitRunsTheWholePlanThroughTheStepper() {
        // a plan step the timeline does not hold: a migration fired after 3 s, then the run ends
        RunPlan plan = new RunPlan(smallHost(), List.of(new RunPlan.Advance(Duration.ofSeconds(3)),
                new RunPlan.Fire(new TimelineEvent.MigratePages(Duration.ZERO, 1000, -1, 1))));
        List<SweepResult> r = new SweepRunner(1).run(new SweepPlan("x", List.of(), List.of("stock")).units(), plan,
                null);
        assertTrue(r.get(0).ok(), r.get(0).error());
        assertEquals(3_000_000_000L, r.get(0).simulatedNanos());
        assertTrue(r.get(0).p99MigrationNanos().get(0) > 0, "the fired migration was measured");
    }
}
