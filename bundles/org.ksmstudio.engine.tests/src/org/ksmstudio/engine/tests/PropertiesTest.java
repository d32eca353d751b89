package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.Scenario;

/** Invariants that hold for any workload, checked on pseudo-random ones while they run. */
class PropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    private static Scenario randomScenario(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int mps = 2 + r.nextInt(20);
        KsmTunables t = KsmTunables.DEFAULTS.withRun(1).withMaxPageSharing(mps).withPagesToScan(50 + r.nextInt(500))
                .withSmartScan(r.nextBoolean()).withUseZeroPages(r.nextBoolean())
                .withStableNodeChainsPruneMillisecs(r.nextInt(3) * 1000L);
        return Scenarios.mixed(1 + r.nextInt(3), 1 + r.nextInt(8), 1 + r.nextInt(80),
                r.nextBoolean() ? Layout.BLOCK : Layout.INTERLEAVE, r.nextInt(50), r.nextInt(60), t, seed);
    }

    private static void checkProperties(KsmSimulation sim, int mps) {
        KsmCounters k = sim.snapshot().counters();
        assertTrue(k.pagesShared() >= 0 && k.pagesSharing() >= 0 && k.pagesUnshared() >= 0 && k.pagesVolatile() >= 0
                && k.ksmZeroPages() >= 0 && k.stableNodeChains() >= 0 && k.stableNodeDups() >= 0, k.toString());
        assertTrue(k.pagesSharing() <= k.pagesShared() * (long) (mps - 1), k.toString());
        for (StableEntry e : sim.stableTree(Integer.MAX_VALUE).entries()) {
            for (DupView d : e.dups()) {
                assertTrue(d.rmapItemCount() <= mps, "dup above the limit: " + d);
            }
        }
        for (ProcessKsmStat p : sim.snapshot().processes()) {
            assertTrue(p.ksmRmapItems() >= 0 && p.ksmMergingPages() >= 0 && p.ksmZeroPages() >= 0, p.toString());
        }
        assertNull(sim.checkInvariants());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldWhileRunningWritingAndUnmerging(long seed) {
        Scenario sc = randomScenario(seed);
        int mps = sc.tunables().maxPageSharing();
        KsmSimulation sim = KsmSimulation.create(sc);
        SplittableRandom r = new SplittableRandom(seed * 31);
        for (int round = 0; round < 12; round++) {
            for (int i = 0; i < 40; i++) {
                sim.stepWakeup();
                checkProperties(sim, mps);
            }
            int pid = 100 + r.nextInt(sc.workload().processes().size());
            long pages = sc.workload().processes().get(0).regions().get(0).pages();
            long from = r.nextLong(pages);
            sim.writePages(pid, Scenarios.REGION, from, Math.min(pages, from + 1 + r.nextInt(30)), 1 + r.nextInt(3),
                    r.nextBoolean() ? NewContent.UNIQUE : NewContent.SAME);
            checkProperties(sim, mps);
        }
        sim.runUntilConverged(Duration.ofHours(1));
        checkProperties(sim, mps);
        assertTrue(sim.writeSysfs("run", "2").ok());
        KsmCounters k = sim.snapshot().counters();
        assertEquals(0, k.pagesShared() + k.pagesSharing() + k.pagesUnshared() + k.pagesVolatile() + k.ksmZeroPages()
                + k.stableNodeChains() + k.stableNodeDups() + k.fullScans() + k.generalProfit(), k.toString());
        for (ProcessKsmStat p : sim.snapshot().processes()) {
            assertEquals(0, p.ksmRmapItems() + p.ksmMergingPages() + p.ksmZeroPages() + p.ksmProcessProfit());
        }
        assertNull(sim.checkInvariants());
    }

    @Test
    void sameSeedGivesTheSameTrace() {
        List<CounterSample> a = trace(7);
        List<CounterSample> b = trace(7);
        assertEquals(a, b);
        assertTrue(a.size() > 10);
    }

    private static List<CounterSample> trace(long seed) {
        KsmSimulation sim = KsmSimulation.create(randomScenario(seed));
        sim.runFor(Duration.ofSeconds(3));
        sim.writePages(100, Scenarios.REGION, 0, 10, 1, NewContent.UNIQUE);
        sim.runFor(Duration.ofSeconds(3));
        return sim.samples();
    }

    @Test
    void generalProfitFollowsTheKernelFormula() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.mixed(2, 3, 100, Layout.INTERLEAVE, 40, 30,
                KsmTunables.DEFAULTS.withRun(1).withUseZeroPages(true), 3));
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        long items = 0;
        for (ProcessKsmStat p : sim.snapshot().processes()) {
            items += p.ksmRmapItems();
            assertEquals((p.ksmMergingPages() + p.ksmZeroPages()) * 4096 - p.ksmRmapItems() * 64, p.ksmProcessProfit());
        }
        assertEquals((k.pagesSharing() + k.ksmZeroPages()) * 4096 - items * 64, k.generalProfit());
        assertEquals(items, k.pagesShared() + k.pagesSharing() + k.pagesUnshared() + k.pagesVolatile());
    }
}
