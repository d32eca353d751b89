package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.StableTreeView;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.TimelineEvent;

/** Writes, fork, exit and madvise, and the stable tree queries. */
class WorkloadEventsTest {

    private static KsmSimulation converged(int procs, int n, int mps) {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(procs, n, mps, 100, 20));
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        return sim;
    }

    @Test
    void stableTreeShowsTheChainItsDupsAndRmapItems() {
        KsmSimulation sim = converged(1, 600, 256);
        StableTreeView tree = sim.stableTree(10);
        assertEquals(1, tree.entries().size());
        StableEntry chain = tree.entries().get(0);
        assertTrue(chain.chain());
        assertEquals(List.of(88, 256, 256), chain.dups().stream().map(DupView::rmapItemCount).toList(),
                "newest dup first");
        List<RmapItemView> items = sim.rmapItems(chain.dups().get(0).dupId(), 1000);
        assertEquals(88, items.size());
        assertTrue(items.stream().allMatch(i -> i.pid() == 100));
        assertEquals(88, items.stream().map(RmapItemView::address).distinct().count());
    }

    @Test
    void cowBreakOfAWholeDupFreesItWhenKsmdVisits() {
        KsmSimulation sim = converged(1, 600, 256);
        // the last 88 pages form the newest dup: writing them leaves two full dups
        sim.writePages(100, Scenarios.REGION, 512, 600, 1, NewContent.UNIQUE);
        KsmCounters before = sim.snapshot().counters();
        assertEquals(3, before.pagesShared(), "not noticed before ksmd visits");
        sim.markPhaseStart();
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(2, k.pagesShared());
        assertEquals(510, k.pagesSharing());
        assertEquals(2, k.stableNodeDups());
        assertEquals(88, k.pagesUnshared() + k.pagesVolatile());
        assertNull(sim.checkInvariants());
    }

    @Test
    void writesLeavingOneLiveDupCollapseTheChain() {
        KsmSimulation sim = converged(1, 300, 256);
        assertEquals(1, sim.snapshot().counters().stableNodeChains());
        // pages 0..255 belong to the first (older) dup: break all of them
        sim.writePages(100, Scenarios.REGION, 0, 256, 1, NewContent.UNIQUE);
        sim.markPhaseStart();
        sim.runUntilConverged(Duration.ofHours(1));
        sim.runFor(Duration.ofSeconds(5));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(1, k.pagesShared());
        assertEquals(43, k.pagesSharing());
        assertEquals(0, k.stableNodeChains(), "a chain left with one dup collapses on its next search");
        assertEquals(0, k.stableNodeDups());
    }

    @Test
    void forkedChildMapsKsmPagesAndJoinsTheirStableNodesEvenBeyondTheLimit() {
        KsmSimulation sim = converged(1, 10, 10);
        assertEquals(1, sim.snapshot().counters().pagesShared());
        sim.fork(100, 200, "child");
        sim.markPhaseStart();
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(1, k.pagesShared(), "a KSM fork takes no new KSM page");
        assertEquals(19, k.pagesSharing());
        ProcessKsmStat child = sim.snapshot().processes().get(1);
        assertEquals(200, child.pid());
        assertEquals(10, child.ksmMergingPages());
        assertEquals(20, sim.stableTree(1).entries().get(0).dups().get(0).rmapItemCount());
    }

    /**
     * Measured on this machine's 6.18 kernel (tools/ksmwl "f" and "k"): 300 identical pages merged
     * (2 dups, sharing 298); after fork and 4 full scans, shared 2, sharing 598, both processes 300
     * rmap items and 300 merging pages; after the child is killed and 4 full scans, back to 2 / 298.
     */
    @Test
    void forkThenExitMatchTheKernel() {
        KsmSimulation sim = converged(1, 300, 256);
        assertEquals(298, sim.snapshot().counters().pagesSharing());
        sim.fork(100, 200, "child");
        for (int i = 0; i < 4; i++) {
            sim.stepFullScan();
        }
        KsmCounters k = sim.snapshot().counters();
        assertEquals(2, k.pagesShared());
        assertEquals(598, k.pagesSharing());
        assertEquals(2, k.stableNodeDups());
        assertEquals(2411008, k.generalProfit());
        for (ProcessKsmStat p : sim.snapshot().processes()) {
            assertEquals(300, p.ksmRmapItems());
            assertEquals(300, p.ksmMergingPages());
            assertEquals(1209600, p.ksmProcessProfit());
        }
        sim.exit(200);
        assertEquals(598, sim.snapshot().counters().pagesSharing(), "unchanged until ksmd reaches the mm");
        for (int i = 0; i < 4; i++) {
            sim.stepFullScan();
        }
        k = sim.snapshot().counters();
        assertEquals(2, k.pagesShared());
        assertEquals(298, k.pagesSharing());
        assertEquals(1201408, k.generalProfit());
        assertNull(sim.checkInvariants());
    }

    /**
     * Measured on this machine's 6.18 kernel: a process whose 1000 zero-filled pages KSM mapped to the zero
     * page (use_zero_pages 1) forks; the child's ksm_stat shows ksm_zero_pages 1000 and the global count is
     * 2000 (ksm_fork since 4d6fc29f3634); when the child exits it is 1000 again.
     */
    @Test
    void forkCopiesKsmZeroPagesToTheChildAndTheGlobalCount() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.mixed(1, 1, 1, Layout.BLOCK, 0, 1000,
                KsmTunables.DEFAULTS.withRun(1).withUseZeroPages(true).withPagesToScan(5000), 1));
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        assertEquals(1000, sim.snapshot().counters().ksmZeroPages());
        sim.fork(100, 200, "child");
        KsmSnapshot s = sim.snapshot();
        assertEquals(2000, s.counters().ksmZeroPages());
        assertEquals(1000, s.processes().get(1).ksmZeroPages());
        assertEquals(0, s.processes().get(1).ksmRmapItems());
        assertEquals(1000L * 4096, s.processes().get(1).ksmProcessProfit());
        sim.exit(200);
        assertEquals(1000, sim.snapshot().counters().ksmZeroPages(), "the child's zero ptes are zapped at exit");
        assertNull(sim.checkInvariants());
    }

    @Test
    void exitedProcessLeavesTheCountersWhenKsmdReachesItsMm() {
        KsmSimulation sim = converged(2, 300, 256);
        sim.exit(101);
        assertEquals(600, sim.snapshot().counters().pagesShared() + sim.snapshot().counters().pagesSharing());
        sim.markPhaseStart();
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(300, k.pagesShared() + k.pagesSharing());
        assertEquals(2, k.pagesShared());
        assertEquals(0, sim.snapshot().processes().get(1).ksmRmapItems());
        assertNull(sim.checkInvariants());
    }

    @Test
    void madvUnmergeableBreaksKsmPagesAtOnceAndFreesItemsLater() {
        KsmSimulation sim = converged(1, 100, 256);
        sim.madvise(100, Scenarios.REGION, false);
        assertEquals(100, sim.snapshot().processes().get(0).ksmRmapItems(), "items stay until ksmd passes");
        sim.stepFullScan();
        sim.stepFullScan();
        ProcessKsmStat p = sim.snapshot().processes().get(0);
        assertEquals(0, p.ksmRmapItems());
        assertEquals(0, p.ksmMergingPages());
        KsmCounters k = sim.snapshot().counters();
        assertEquals(0, k.pagesShared() + k.pagesSharing() + k.pagesVolatile() + k.stableNodeDups());
        assertTrue(!p.ksmMergeable());
    }

    @Test
    void prSetMemoryMergeTogglesEveryRegion() {
        KsmSimulation sim = converged(1, 100, 256);
        ProcessKsmStat p = sim.snapshot().processes().get(0);
        assertTrue(!p.ksmMergeAny() && p.ksmMergeable());
        sim.setMergeAny(100, true);
        assertTrue(sim.snapshot().processes().get(0).ksmMergeAny());
        sim.setMergeAny(100, false);
        p = sim.snapshot().processes().get(0);
        assertTrue(!p.ksmMergeAny() && !p.ksmMergeable(), "disabling merge-any unmerges like MADV_UNMERGEABLE");
        sim.stepFullScan();
        sim.stepFullScan();
        assertEquals(0, sim.snapshot().counters().pagesShared() + sim.snapshot().counters().pagesSharing());
    }

    @Test
    void useZeroPagesMapsTheZeroPageAndFreesTheRmapItems() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.mixed(1, 1, 2, Layout.BLOCK, 0, 300,
                KsmTunables.DEFAULTS.withRun(1).withUseZeroPages(true), 1));
        sim.runUntilConverged(Duration.ofHours(1));
        ProcessKsmStat p = sim.snapshot().processes().get(0);
        assertEquals(300, p.ksmZeroPages());
        assertEquals(2, p.ksmRmapItems());
        sim.writePages(100, Scenarios.REGION, 2, 102, 1, NewContent.UNIQUE);
        assertEquals(200, sim.snapshot().counters().ksmZeroPages());
    }

    @Test
    void volatileRegionsKeepPagesOutOfKsmDeterministically() {
        java.util.function.Supplier<KsmCounters> run = () -> {
            var region = new org.ksmstudio.engine.scenario.MergeableRegion("heap",
                    org.ksmstudio.engine.scenario.MergeMode.MADV_MERGEABLE,
                    List.of(org.ksmstudio.engine.scenario.ContentGroup.duplicates(1, 2000, Layout.BLOCK)),
                    new org.ksmstudio.engine.scenario.Volatility(20, NewContent.UNIQUE));
            var sc = org.ksmstudio.engine.scenario.Scenario.builder()
                    .process(org.ksmstudio.engine.scenario.ProcessSpec.of(100, "app", region))
                    .process(new org.ksmstudio.engine.scenario.ProcessSpec(101, "child", 0, null, true, false, 100,
                            null, null))
                    .build();
            KsmSimulation sim = KsmSimulation.create(sc);
            sim.runFor(Duration.ofSeconds(20));
            assertNull(sim.checkInvariants());
            return sim.snapshot().counters();
        };
        KsmCounters a = run.get();
        assertTrue(a.pagesVolatile() + a.pagesUnshared() > 300, a.toString());
        assertTrue(a.pagesSharing() > 1000, a.toString());
        assertEquals(a, run.get(), "same seed, same counters");
    }

    @Test
    void timelineEventsApplyAtTheirTime() {
        var sc = Scenarios.identicalPages(1, 500, 256, 100, 20);
        var withEvents = new org.ksmstudio.engine.scenario.Scenario(sc.name(), sc.topology(), sc.workload(),
                sc.tunables(), sc.costModel(),
                List.of(new TimelineEvent.SysfsWrite(Duration.ofSeconds(2), "run", "0"),
                        new TimelineEvent.WritePages(Duration.ofSeconds(3), 0, Scenarios.REGION, 0, 10, 1,
                                NewContent.UNIQUE)),
                sc.run());
        KsmSimulation sim = KsmSimulation.create(withEvents);
        sim.runFor(Duration.ofSeconds(4));
        assertEquals("0", sim.readSysfs("run"));
        assertEquals(2, sim.snapshot().counters().pagesShared());
        assertThrows(IllegalArgumentException.class,
                () -> sim.writePages(100, "nope", 0, 1, 1, NewContent.UNIQUE));
    }

    @Test
    void liveEditsTakeTheTimelineRoadWithTheirRangeClamped() {
        KsmSimulation clamped = converged(1, 600, 256);
        KsmSimulation exact = converged(1, 600, 256);
        clamped.writePages(100, Scenarios.REGION, 500, 10_000, 1, NewContent.UNIQUE);
        exact.writePages(100, Scenarios.REGION, 500, 600, 1, NewContent.UNIQUE);
        assertEquals(exact.snapshot().counters().asSysfsMap(), clamped.snapshot().counters().asSysfsMap());
        assertTrue(clamped.runUntilConverged(Duration.ofHours(1)));
        assertTrue(exact.runUntilConverged(Duration.ofHours(1)));
        assertEquals(exact.snapshot().counters().asSysfsMap(), clamped.snapshot().counters().asSysfsMap(),
                "a write past the region's end is the write up to it");
        assertEquals(exact.movePages(100, Scenarios.REGION, 0, 600, 0).pages(),
                clamped.movePages(100, Scenarios.REGION, 0, 10_000, 0).pages(),
                "move_pages past the region's end moves the region's pages");
        assertEquals(0, clamped.memoryFailure(100, Scenarios.REGION, 600).pages(),
                "a page past the region's end is no page, as for a timed event");
        assertEquals(null, clamped.checkInvariants());
    }
}
