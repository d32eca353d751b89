package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.internal.ScanTimeAdvisor;
import org.ksmstudio.engine.internal.ScanTimeAdvisor.Context;
import org.ksmstudio.engine.internal.ScanTimeAdvisor.Result;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.Scenario;

/** The scan-time advisor's integer arithmetic, computed by hand. */
class AdvisorTest {

    @Test
    void firstScanHalvesTowardsTheTargetWithTheEwmaStartingAtZero() {
        // scan 100 s, target 200 s: factor 200; change 100 -> ewma(0, 100) = 30;
        // pages = 500*100/200 = 250 -> 250*30/100 = 75; cpu 20 s of 100 s = 20 %,
        // per_page_cost = 500/20 = 25 -> min(75, 25*70) = 75 -> max(75, 25*10 = 250) = 250
        Result r = ScanTimeAdvisor.advise(Context.ZERO, 100_000_000_000L, 20_000_000_000L, 500, 200, 70, 30000);
        assertEquals(250, r.pagesToScan());
        assertEquals(20, r.cpuPercent());
        assertEquals(new Context(100, 30, 20_000_000_000L), r.context());
    }

    @Test
    void capsApplyInTheKernelsOrderWithTheFloorAfterTheMaximum() {
        // scan 10 s, target 200: factor 2000; last scan 20 s: change = 10*100/20 = 50 -> ewma(100, 50) = 85
        // pages = 30000*100/2000 = 1500 -> 1500*85/100 = 1275; cpu 1 % -> per_page_cost 30000
        // -> min(1275, 30000*70) = 1275 -> max(1275, 300000) = 300000 -> min(300000, 30000) = 30000
        Result r = ScanTimeAdvisor.advise(new Context(20, 100, 0), 10_000_000_000L, 5_000_000L, 30000, 200, 70,
                30000);
        assertEquals(1, r.cpuPercent());
        assertEquals(85, r.context().change());
        assertEquals(30000, r.pagesToScan());
    }

    @Test
    void subSecondScansCountAsOneSecond() {
        Result r = ScanTimeAdvisor.advise(Context.ZERO, 999_000_000L, 0, 100, 200, 70, 30000);
        assertEquals(1, r.context().scanTimeSeconds());
        // factor 20000: pages 100*100/20000 = 0; per_page_cost = 100/1 = 100 -> floor 1000
        assertEquals(1000, r.pagesToScan());
    }

    /**
     * Measured on this machine's 6.18 kernel: 6000 identical + 2000 unique pages, target 2 s, min 200,
     * scan-time selected before run=1: pages_to_scan was 30, 300, 3000, 30000 after full scans 1-4
     * (at 1.01, 7.57, 8.28, 8.38 s). The first advice sees ksmd's CPU time since boot.
     */
    @Test
    void matchesTheKernelsTrace() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.mixed(1, 1, 6000, org.ksmstudio.engine.scenario.Layout.BLOCK,
                2000, 0, org.ksmstudio.engine.scenario.KsmTunables.DEFAULTS, 1));
        sim.writeSysfs("advisor_target_scan_time", "2");
        sim.writeSysfs("advisor_min_pages_to_scan", "200");
        sim.writeSysfs("advisor_mode", "scan-time");
        sim.writeSysfs("run", "1");
        long[] expected = { 30, 300, 3000, 30000 };
        double[] kernelSeconds = { 1.008, 7.570, 8.277, 8.384 };
        for (int i = 0; i < expected.length; i++) {
            sim.stepFullScan();
            assertEquals(Long.toString(expected[i]), sim.readSysfs("pages_to_scan"), "after full scan " + (i + 1));
            double t = sim.snapshot().timeNanos() / 1e9;
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(t - kernelSeconds[i]) <= 0.1 * kernelSeconds[i],
                    "full scan " + (i + 1) + " at " + t + " s, kernel " + kernelSeconds[i]);
        }
    }

    /**
     * The first advice counts ksmd's CPU time since it started (the machine's {@code ksmdCpuNanos}): with
     * pages_to_scan 200 and a 1 s scan towards 2 s the EWMA gives 30 pages, and per_page_cost = 200 / cpu%
     * decides the floor per_page_cost * 10. With 148 s of earlier CPU (this machine) cpu% is huge, the cost 1
     * and the advice 30, as the kernel traced; a ksmd that just started spent only its first scan's few ms:
     * cpu% 1, cost 200, and the advice is the floor, 2000.
     */
    @ParameterizedTest(name = "ksmd CPU before the run {0} ns: first advice {1}")
    @CsvSource({ "148000000000, 30", "0, 2000" })
    void firstAdviceCountsKsmdsEarlierCpuTime(long ksmdCpuNanos, long firstAdvice) {
        Scenario base = Scenarios.mixed(1, 1, 6000, Layout.BLOCK, 2000, 0, KsmTunables.DEFAULTS, 1);
        KsmSimulation sim = KsmSimulation.create(new Scenario(base.name(),
                base.topology().withKsmdCpuNanos(ksmdCpuNanos), base.workload(), base.tunables(), base.costModel(),
                base.timeline(), base.run()));
        sim.writeSysfs("advisor_target_scan_time", "2");
        sim.writeSysfs("advisor_min_pages_to_scan", "200");
        sim.writeSysfs("advisor_mode", "scan-time");
        sim.writeSysfs("run", "1");
        sim.stepFullScan();
        assertEquals(Long.toString(firstAdvice), sim.readSysfs("pages_to_scan"));
    }

    /**
     * A scenario whose tunables select scan-time starts as writing "scan-time" to the real file does
     * (advisor_mode_store: pages_to_scan = advisor_min_pages_to_scan), not at pages_to_scan 100.
     */
    @Test
    void scanTimeInTheScenarioStartsAtTheAdvisorsMinimum() {
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withAdvisor(AdvisorMode.SCAN_TIME, 70, 1000, 30000, 2);
        KsmSimulation sim = KsmSimulation.create(Scenarios.mixed(1, 1, 4000, Layout.BLOCK, 0, 0, t, 1));
        assertEquals("none [scan-time]", sim.readSysfs("advisor_mode"));
        assertEquals("1000", sim.readSysfs("pages_to_scan"));
        sim.stepWakeup();
        assertEquals(1000, sim.snapshot().counters().pagesScanned(), "the first batch scans 1000 pages");
    }

    @Test
    void advisorDrivesPagesToScanAfterEachFullScan() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 20_000, 256, 100, 20));
        sim.writeSysfs("advisor_mode", "scan-time");
        assertEquals("500", sim.readSysfs("pages_to_scan"));
        sim.stepFullScan();
        assertNotEquals("500", sim.readSysfs("pages_to_scan"));
        sim.runFor(Duration.ofSeconds(30));
        long p = Long.parseLong(sim.readSysfs("pages_to_scan"));
        org.junit.jupiter.api.Assertions.assertTrue(p >= 1 && p <= 30000, "pages_to_scan " + p);
    }
}
