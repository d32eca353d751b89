package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SysfsResult.Outcome;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;

/** The kernel's rules for writes to /sys/kernel/mm/ksm. */
class SysfsRulesTest {

    private static KsmSimulation idle() {
        return KsmSimulation.create(Scenarios.mixed(1, 1, 600, Layout.BLOCK, 10, 0, KsmTunables.DEFAULTS, 1));
    }

    private static KsmSimulation merged() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 600, 256, 100, 20));
        sim.runUntilConverged(Duration.ofHours(1));
        return sim;
    }

    @Test
    void defaultsReadBackLikeTheKernel() {
        KsmSimulation sim = idle();
        assertEquals("0", sim.readSysfs("run"));
        assertEquals("100", sim.readSysfs("pages_to_scan"));
        assertEquals("20", sim.readSysfs("sleep_millisecs"));
        assertEquals("256", sim.readSysfs("max_page_sharing"));
        assertEquals("2000", sim.readSysfs("stable_node_chains_prune_millisecs"));
        assertEquals("1", sim.readSysfs("merge_across_nodes"));
        assertEquals("0", sim.readSysfs("use_zero_pages"));
        assertEquals("1", sim.readSysfs("smart_scan"));
        assertEquals("[none] scan-time", sim.readSysfs("advisor_mode"));
        assertEquals("70", sim.readSysfs("advisor_max_cpu"));
        assertEquals("500", sim.readSysfs("advisor_min_pages_to_scan"));
        assertEquals("30000", sim.readSysfs("advisor_max_pages_to_scan"));
        assertEquals("200", sim.readSysfs("advisor_target_scan_time"));
    }

    @Test
    void runAcceptsOnlyZeroOneTwo() {
        KsmSimulation sim = idle();
        assertEquals(Outcome.EINVAL, sim.writeSysfs("run", "3").outcome());
        assertEquals(Outcome.EINVAL, sim.writeSysfs("run", "-1").outcome());
        assertEquals(Outcome.EINVAL, sim.writeSysfs("run", "one").outcome());
        assertEquals("0", sim.readSysfs("run"));
        assertEquals(Outcome.OK, sim.writeSysfs("run", "1\n").outcome());
        assertEquals("1", sim.readSysfs("run"));
    }

    @Test
    void maxPageSharingRules() {
        KsmSimulation sim = idle();
        assertEquals(Outcome.EINVAL, sim.writeSysfs("max_page_sharing", "1").outcome());
        assertEquals(Outcome.EINVAL, sim.writeSysfs("max_page_sharing", "-5").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("max_page_sharing", "2").outcome());
        assertEquals("2", sim.readSysfs("max_page_sharing"));
        KsmSimulation busy = merged();
        assertEquals(Outcome.EBUSY, busy.writeSysfs("max_page_sharing", "10").outcome());
        assertEquals("256", busy.readSysfs("max_page_sharing"));
        assertEquals(Outcome.OK, busy.writeSysfs("max_page_sharing", "256").outcome(), "same value is a no-op");
        assertEquals(Outcome.OK, busy.writeSysfs("run", "2").outcome());
        assertEquals(Outcome.OK, busy.writeSysfs("max_page_sharing", "10").outcome());
    }

    @Test
    void mergeAcrossNodesIsBusyWhilePagesAreShared() {
        KsmSimulation busy = merged();
        assertEquals(Outcome.EINVAL, busy.writeSysfs("merge_across_nodes", "2").outcome());
        assertEquals(Outcome.EBUSY, busy.writeSysfs("merge_across_nodes", "0").outcome());
        assertEquals(Outcome.OK, busy.writeSysfs("merge_across_nodes", "1").outcome());
        busy.writeSysfs("run", "2");
        assertEquals(Outcome.OK, busy.writeSysfs("merge_across_nodes", "0").outcome());
        assertEquals("0", busy.readSysfs("merge_across_nodes"));
    }

    @Test
    void pagesToScanIsRefusedUnderTheAdvisorAndAdvisorModeSwitchesIt() {
        KsmSimulation sim = idle();
        assertEquals(Outcome.OK, sim.writeSysfs("pages_to_scan", "1234").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("advisor_min_pages_to_scan", "700").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("advisor_mode", "scan-time").outcome());
        assertEquals("none [scan-time]", sim.readSysfs("advisor_mode"));
        assertEquals("700", sim.readSysfs("pages_to_scan"));
        assertEquals(Outcome.EINVAL, sim.writeSysfs("pages_to_scan", "100").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("advisor_mode", "scan-time").outcome());
        assertEquals("700", sim.readSysfs("pages_to_scan"), "same mode does not reset");
        assertEquals(Outcome.EINVAL, sim.writeSysfs("advisor_mode", "fast").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("advisor_mode", "none").outcome());
        assertEquals("100", sim.readSysfs("pages_to_scan"));
    }

    @Test
    void otherTunables() {
        KsmSimulation sim = idle();
        assertEquals(Outcome.EINVAL, sim.writeSysfs("advisor_target_scan_time", "0").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("advisor_target_scan_time", "1").outcome());
        assertEquals(Outcome.EINVAL, sim.writeSysfs("use_zero_pages", "maybe").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("use_zero_pages", "y").outcome());
        assertEquals("1", sim.readSysfs("use_zero_pages"));
        assertEquals(Outcome.OK, sim.writeSysfs("smart_scan", "off").outcome());
        assertEquals("0", sim.readSysfs("smart_scan"));
        assertEquals(Outcome.EINVAL, sim.writeSysfs("sleep_millisecs", "4294967296").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("sleep_millisecs", "4294967295").outcome());
        assertEquals(Outcome.OK, sim.writeSysfs("stable_node_chains_prune_millisecs", "0").outcome());
        assertEquals(Outcome.EACCES, sim.writeSysfs("pages_shared", "0").outcome());
        assertEquals(Outcome.ENOENT, sim.writeSysfs("no_such_file", "0").outcome());
    }

    @Test
    void runZeroKeepsMergedPagesAndRunTwoResetsFullScansButNotPagesScanned() {
        KsmSimulation sim = merged();
        long shared = sim.snapshot().counters().pagesShared();
        long scanned = sim.snapshot().counters().pagesScanned();
        assertTrue(sim.writeSysfs("run", "0").ok());
        sim.runFor(Duration.ofSeconds(5));
        assertEquals(shared, sim.snapshot().counters().pagesShared());
        assertEquals(scanned, sim.snapshot().counters().pagesScanned(), "ksmd does not scan at run=0");
        assertTrue(sim.writeSysfs("run", "2").ok());
        assertEquals(0, sim.snapshot().counters().fullScans());
        assertEquals(scanned, sim.snapshot().counters().pagesScanned());
        assertEquals(0, sim.snapshot().counters().pagesShared());
    }

    /**
     * Measured on this machine's kernel (HZ=250) with 1000 merged pages, 100 pages per wake-up, 11
     * wake-ups per full scan: ms per wake-up at sleep_millisecs 1, 10, 20, 50, 100; sleep 5 with 2,000
     * merged pages at pages_to_scan 1 and ksmd at SCHED_FIFO (msecs_to_jiffies(5) = 2 jiffies, the timer
     * fires on the 3rd tick: 12 ms; see KsmdWakeupCpuTest).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "sleep {0} ms: kernel {1} ms per wake-up")
    @org.junit.jupiter.params.provider.CsvSource({ "1, 7.99", "5, 12.06", "10, 16.36", "20, 24.13", "50, 56.50",
        "100, 106.24" })
    void wakeupPeriodMatchesTheKernel(long sleepMs, double kernelMs) {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 1000, 256, 100, 20));
        sim.runUntilConverged(Duration.ofHours(1));
        sim.writeSysfs("sleep_millisecs", Long.toString(sleepMs));
        sim.stepFullScan();
        long t0 = sim.snapshot().timeNanos();
        sim.stepFullScan();
        sim.stepFullScan();
        sim.stepFullScan();
        double perWakeup = (sim.snapshot().timeNanos() - t0) / 1e6 / 33;
        assertTrue(Math.abs(perWakeup - kernelMs) <= 0.1 * kernelMs, perWakeup + " ms per wake-up");
    }

    @Test
    void sleepMillisecsRoundsToTicksPlusOne() {
        // HZ=250: 20 ms = 5 jiffies, the timer fires on the 6th tick: 24 ms per wake-up (plus lateness)
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 100_000, 256, 100, 20));
        sim.runFor(Duration.ofSeconds(10));
        long wakeups = sim.snapshot().wakeups();
        assertTrue(wakeups > 395 && wakeups < 420, "wake-ups in 10 s: " + wakeups);
        KsmSimulation fast = KsmSimulation.create(Scenarios.identicalPages(1, 100_000, 256, 100, 1));
        fast.runFor(Duration.ofSeconds(10));
        long w1 = fast.snapshot().wakeups();
        assertTrue(w1 > 1150 && w1 < 1260, "1 ms = 1 jiffy, fires on the 2nd tick, 8 ms: " + w1);
    }
}
