package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapWalkReference;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.tests.TestData;

/**
 * The "this machine" cost model against every {@code rmap_walks} row of the reference file: one
 * process maps ptes_total equal pages, ksmd merges them with the row's max_page_sharing, then one
 * page (on a dup of ptes_on_migrated_page mappings) is migrated; the simulated time must be within
 * 25% of the measured median.
 */
class CalibrationTest {

    @Test
    void thisMachineReproducesEveryRmapWalkRow() {
        List<RmapWalkReference.Row> rows = RmapWalkReference.rows(StrictJson.parse(TestData.text(TestData.KERNEL_REFERENCE)));
        assertTrue(rows.size() >= 10);
        StringBuilder report = new StringBuilder();
        int failures = 0;
        for (RmapWalkReference.Row row : rows) {
            RmapWalkReference.Result r = RmapWalkReference.run(row);
            report.append(r.line()).append('\n');
            assertEquals(row.ptesOnMigratedPage(), r.mappingsOnPage(), r.line());
            if (!r.passed()) {
                failures++;
            }
        }
        System.out.print(report);
        assertEquals(0, failures, report.toString());
    }

    @Test
    void forkedProcessesShareOneAnonVmaTreeAndCostVmaVisits() {
        // hidden reference files may spread the PTEs over processes forked after the fill
        RmapWalkReference.Result one = RmapWalkReference.run(new RmapWalkReference.Row(0, 4096, 8192, 4096, 1, 0, 1,
                2));
        RmapWalkReference.Result four = RmapWalkReference.run(new RmapWalkReference.Row(1, 4096, 8192, 4096, 4, 0,
                1, 2));
        WalkCostModel c = WalkCostModel.of(CostModel.THIS_MACHINE);
        assertTrue(four.simulatedMs() > one.simulatedMs(), "every item iterates the four VMAs of the tree");
        assertTrue(four.simulatedMs() < one.simulatedMs() + 4096 * 3 * 4 * c.vmaVisitNanos() / 1e6 + 0.5);
    }

    @Test
    void migrationCostIsFixedPlusLinearTermsOfTheModel() {
        WalkCostModel c = WalkCostModel.of(CostModel.THIS_MACHINE);
        // per PTE 3 rmap items and 3 VMAs visited, each after a cond_resched() point but the very first item
        long perPte = 3 * c.anonVmaLockNanos() + 3 * c.vmaVisitNanos() + 2 * c.pteNanos() + c.localFlushNanos()
                + 6 * c.reschedNanos();
        long fixed = c.migrationFixedNanos() + c.copyNanos(10) - c.reschedNanos();
        assertEquals(fixed + 256 * perPte, migrateOnePage(256, 256).latencyNanos());
        assertEquals(fixed + 4096 * perPte, migrateOnePage(4096, 8192).latencyNanos());
    }

    /** Migrates page 0 of a one-process workload of {@code total} equal pages, limit {@code mps}. */
    static OperationResult migrateOnePage(int total, int mps) {
        // the reference VM has one node; a second node at distance 10 stands for the offlined block's target
        Topology t = new Topology("x86_64", 4096, 2, List.of(new NumaNode(0, 8L << 30, List.of(0, 1)),
                new NumaNode(1, 8L << 30, List.of())), List.of(List.of(10, 10), List.of(10, 10)));
        Scenario s = Scenario.builder().topology(t).tunables(RmapScenarios.fastKsmd(mps))
                .process(ProcessSpec.of(100, "ksm-walk", RmapScenarios.identical(RmapScenarios.REGION, total)))
                .run(RmapScenarios.converge("stock")).build();
        KsmSimulation sim = KsmSimulation.create(s);
        assertTrue(sim.runUntilConverged(java.time.Duration.ofHours(1)));
        return sim.movePages(100, RmapScenarios.REGION, 0, 1, 1);
    }
}
