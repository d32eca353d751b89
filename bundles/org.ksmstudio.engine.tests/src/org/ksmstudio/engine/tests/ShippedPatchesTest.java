package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;

/**
 * The patches shipped with the engine on the scanning-side seams: each changes what it says and,
 * where it can be set to the kernel's behaviour, reproduces 6.18 exactly; their own sysfs files
 * behave like the kernel's.
 */
class ShippedPatchesTest {

    static Scenario withPolicy(Scenario s, String policy) {
        RunSettings r = s.run();
        return new Scenario(s.name(), s.topology(), s.workload(), s.tunables(), s.costModel(), s.timeline(),
                new RunSettings(r.duration(), r.untilConverged(), r.seed(), policy, r.sampleInterval()));
    }

    /** The kernel's counters at every checkpoint of every reference case, run with {@code policy}. */
    private static List<Map<String, String>> referenceCheckpoints(String policy) {
        ReferenceFile f = TestData.reference(TestData.KERNEL_REFERENCE);
        List<Map<String, String>> out = new ArrayList<>();
        for (ReferenceCase c : f.cases()) {
            RunPlan plan = ReferenceRunner.planOf(f.pageSize(), c);
            SimulationRun run = SimulationRun.start(plan.withScenario(withPolicy(plan.scenario(), policy)));
            c.tunables().forEach((k, v) -> assertTrue(run.simulation().writeSysfs(k, v).ok()));
            for (SimulationRun.Reached r : run.runToEnd().reached()) {
                Map<String, String> m = new java.util.LinkedHashMap<>(r.snapshot().counters().asSysfsMap());
                m.keySet().retainAll(CounterSeries.COLUMNS);
                m.put("case", c.name() + "/" + r.result().name());
                out.add(m);
            }
        }
        return out;
    }

    /** Fails without the seam's faithful default: the patch's own smart_scan at the kernel's ages is the kernel's. */
    @Test
    void smartScanAgesAtTheKernelsAgesGivesEveryReferenceCheckpointOfStock() {
        List<Map<String, String>> stock = referenceCheckpoints("stock");
        List<Map<String, String>> patched = referenceCheckpoints("smart-scan-ages");
        assertEquals(stock.size(), patched.size());
        for (int i = 0; i < stock.size(); i++) {
            assertEquals(stock.get(i), patched.get(i), stock.get(i).get("case"));
        }
        assertTrue(stock.stream().anyMatch(m -> !m.get("pages_skipped").equals("0")), "smart scan skipped pages");
    }

    private static KsmSimulation uniqueHeavy(String policy) {
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000).withSleepMillisecs(20);
        return KsmSimulation.create(withPolicy(Scenarios.mixed(2, 100, 4, Layout.BLOCK, 2000, 0, t, 1), policy));
    }

    @Test
    void shorterSkipsScanMorePagesAndCountTheirPeriods() {
        KsmSimulation stock = uniqueHeavy("stock");
        KsmSimulation shortSkips = uniqueHeavy("smart-scan-ages:smart_scan_max_skips=1");
        for (int i = 0; i < 30; i++) {
            stock.stepFullScan();
            shortSkips.stepFullScan();
        }
        long stockSkipped = stock.snapshot().counters().pagesSkipped();
        KsmCounters c = shortSkips.snapshot().counters();
        assertTrue(c.pagesSkipped() > 0 && c.pagesSkipped() < stockSkipped,
                "skipped " + c.pagesSkipped() + " against stock's " + stockSkipped);
        assertTrue(c.value("smart_scan_skip_periods") > 0);
        assertEquals("1", shortSkips.readSysfs("smart_scan_max_skips"));
        assertEquals(stock.snapshot().counters().pagesSharing(), c.pagesSharing(), "the same pages merge");
    }

    @Test
    void patchTunablesAreSysfsFilesWithTheirRules() {
        KsmSimulation sim = uniqueHeavy("smart-scan-ages");
        assertEquals(List.of("smart_scan_min_age", "smart_scan_max_skips", "smart_scan_skip_periods"),
                sim.patchFiles().stream().map(f -> f.fileName()).toList());
        assertEquals("8", sim.readSysfs("smart_scan_max_skips"));
        assertTrue(sim.writeSysfs("smart_scan_max_skips", "4\n").ok());
        assertEquals("4", sim.readSysfs("smart_scan_max_skips"));
        assertEquals(SysfsResult.Outcome.EINVAL, sim.writeSysfs("smart_scan_max_skips", "0").outcome());
        assertEquals(SysfsResult.Outcome.EINVAL, sim.writeSysfs("smart_scan_max_skips", "x").outcome());
        assertEquals(SysfsResult.Outcome.EACCES, sim.writeSysfs("smart_scan_skip_periods", "1").outcome());
        assertEquals(SysfsResult.Outcome.ENOENT, uniqueHeavy("stock").writeSysfs("smart_scan_max_skips", "4").outcome());
        Map<String, String> m = sim.snapshot().counters().asSysfsMap();
        assertEquals("4", m.get("smart_scan_max_skips"));
        List<String> names = new ArrayList<>(m.keySet());
        assertEquals(names.indexOf("general_profit") + 1, names.indexOf("smart_scan_min_age"), "after the kernel's");
        sim.runFor(Duration.ofSeconds(5));
        CounterSeries.View v = sim.series();
        assertEquals(4, v.value("smart_scan_max_skips", v.size() - 1));
        assertEquals(4, v.sample(v.size() - 1).counters().value("smart_scan_max_skips"));
    }

    @Test
    void aSweepSetsAPatchTunableAsAPolicyParameter() {
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000);
        Scenario base = Scenarios.mixed(2, 100, 4, Layout.BLOCK, 2000, 0, t, 1);
        base = new Scenario(base.name(), base.topology(), base.workload(), base.tunables(), base.costModel(),
                base.timeline(), RunSettings.forDuration(Duration.ofMinutes(2)));
        SweepPlan plan = new SweepPlan("test", List.of(SweepParameter.parse("smart-scan-ages.smart_scan_max_skips=1,8,64")),
                List.of("smart-scan-ages", "stock"));
        List<SweepResult> results = new SweepRunner(1).run(plan.units(), RunPlan.of(base), (d, n, r) -> {
        });
        assertEquals(6, results.size());
        results.forEach(r -> assertEquals(null, r.error(), r.unit().label()));
        Map<String, Long> skippedByPolicy = new java.util.LinkedHashMap<>();
        for (SweepResult r : results) {
            Scenario configured = org.ksmstudio.engine.sweep.UnitRunner.configure(base, r.unit());
            KsmSimulation sim = SimulationRun.start(RunPlan.of(configured)).runToEnd().simulation();
            skippedByPolicy.put(configured.run().policy(), sim.snapshot().counters().pagesSkipped());
        }
        assertTrue(skippedByPolicy.containsKey("smart-scan-ages:smart_scan_max_skips=1"), skippedByPolicy.toString());
        assertEquals(skippedByPolicy.get("stock"), skippedByPolicy.get("smart-scan-ages:smart_scan_max_skips=8"),
                "the kernel's ages: " + skippedByPolicy);
        assertTrue(skippedByPolicy.get("smart-scan-ages:smart_scan_max_skips=1") < skippedByPolicy.get("stock")
                && skippedByPolicy.get("stock") < skippedByPolicy.get("smart-scan-ages:smart_scan_max_skips=64"),
                "fewer skips, fewer pages skipped: " + skippedByPolicy);
    }

    @Test
    void aBadStartValueOfAPatchTunableIsOneLineNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharingPolicies.byName("smart-scan-ages:smart_scan_max_skips=999"));
        assertEquals("policy smart-scan-ages: smart_scan_max_skips = 999: must be 1..255", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SharingPolicies.byName("smart-scan-ages:nonsense=1"));
    }

    private static KsmSimulation advised(String policy) {
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withAdvisor(AdvisorMode.SCAN_TIME, 70, 500, 30000, 2);
        return KsmSimulation.create(withPolicy(Scenarios.mixed(1, 1, 200_000, Layout.BLOCK, 0, 0, t, 1), policy));
    }

    @Test
    void theScanTimeControllerMeetsTheTargetScanTimeWhereTheKernelsAdvisorMoves() {
        KsmSimulation stock = advised("stock");
        KsmSimulation pi = advised("scan-time-controller");
        for (int i = 0; i < 12; i++) {
            stock.stepFullScan();
            pi.stepFullScan();
        }
        KsmCounters c = pi.snapshot().counters();
        assertNotEquals(stock.snapshot().counters().pagesToScan(), c.pagesToScan());
        assertTrue(c.value("advisor_adjustments") > 0);
        long lastScanMs = c.value("advisor_last_scan_ms");
        assertTrue(Math.abs(lastScanMs - 2000) <= 400, "last full scan " + lastScanMs + " ms, target 2000 ms");
        assertTrue(c.pagesToScan() >= 500 && c.pagesToScan() <= 30000);
    }

    @Test
    void theScanTimeControllerLeavesPagesToScanAloneWithoutTheAdvisor() {
        KsmSimulation pi = uniqueHeavy("scan-time-controller");
        pi.stepFullScan();
        pi.stepFullScan();
        // the second full scan visits all 4,800 pages (smart scan skips none yet): 5 batches of 1,000, 4 sleeps of 20 ms
        long lastScanMs = pi.snapshot().counters().value("advisor_last_scan_ms");
        assertTrue(lastScanMs >= 4 * 20 && lastScanMs < 200, "last full scan " + lastScanMs + " ms");
        for (int i = 0; i < 3; i++) {
            pi.stepFullScan();
        }
        assertEquals(1000, pi.snapshot().counters().pagesToScan());
        assertEquals(0, pi.snapshot().counters().value("advisor_adjustments"));
    }

    private static KsmSimulation zeros(String policy, boolean useZeroPages) {
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000).withUseZeroPages(useZeroPages);
        return KsmSimulation.create(withPolicy(Scenarios.mixed(2, 10, 10, Layout.BLOCK, 0, 3000, t, 1), policy));
    }

    @Test
    void zeroFirstMergesEmptyPagesOneFullScanEarlier() {
        KsmSimulation stock = zeros("stock", true);
        KsmSimulation first = zeros("zero-first", true);
        stock.stepFullScan();
        first.stepFullScan();
        assertEquals(0, stock.snapshot().counters().ksmZeroPages(), "stock waits for a second checksum");
        assertEquals(6000, first.snapshot().counters().ksmZeroPages());
        stock.stepFullScan();
        assertEquals(6000, stock.snapshot().counters().ksmZeroPages());
        first.runUntilConverged(Duration.ofMinutes(5));
        stock.runUntilConverged(Duration.ofMinutes(5));
        assertEquals(stock.snapshot().counters().pagesSharing(), first.snapshot().counters().pagesSharing());
    }

    @Test
    void zeroFirstIsStockWithoutUseZeroPages() {
        KsmSimulation stock = zeros("stock", false);
        KsmSimulation first = zeros("zero-first", false);
        for (int i = 0; i < 4; i++) {
            stock.stepFullScan();
            first.stepFullScan();
        }
        assertEquals(stock.snapshot().counters(), first.snapshot().counters());
        assertFalse(first.snapshot().counters().pagesSharing() == 0);
    }
}
