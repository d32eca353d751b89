package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.scenario.Volatility;

/** merge_across_nodes, per-node trees and page migration between nodes. */
class NumaTest {

    private static Scenario twoNodes(int mergeAcrossNodes, List<TimelineEvent> events) {
        Topology topo = new Topology("x86_64", 4096, 4, List.of(new NumaNode(0, 8L << 30, List.of(0, 1)),
                new NumaNode(1, 8L << 30, List.of(2, 3))), List.of(List.of(10, 21), List.of(21, 10)));
        MergeableRegion r = new MergeableRegion("heap", MergeMode.MADV_MERGEABLE,
                List.of(ContentGroup.duplicates(2, 50, Layout.BLOCK)), Volatility.NONE);
        Scenario.Builder b = Scenario.builder().topology(topo)
                .tunables(KsmTunables.DEFAULTS.withRun(1).withMergeAcrossNodes(mergeAcrossNodes));
        b.process(new ProcessSpec(10, "a", 0, List.of(0), true, false, 0, ForkPoint.AFTER_FILL, List.of(r)));
        b.process(new ProcessSpec(11, "b", 1, List.of(2), true, false, 0, ForkPoint.AFTER_FILL, List.of(r)));
        events.forEach(b::event);
        return b.build();
    }

    @Test
    void acrossNodesOneKsmPagePerContent() {
        KsmSimulation sim = KsmSimulation.create(twoNodes(1, List.of()));
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(2, k.pagesShared());
        assertEquals(198, k.pagesSharing());
        assertTrue(sim.stableTree(10).entries().stream().allMatch(e -> e.treeNid() == 0));
    }

    @Test
    void perNodeTreesGiveOneKsmPagePerContentAndNode() {
        KsmSimulation sim = KsmSimulation.create(twoNodes(0, List.of()));
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(4, k.pagesShared());
        assertEquals(196, k.pagesSharing());
        List<StableEntry> entries = sim.stableTree(10).entries();
        assertEquals(2, entries.stream().filter(e -> e.treeNid() == 1).count());
        assertTrue(entries.stream().allMatch(e -> e.dups().get(0).node() == e.treeNid()));
        assertNull(sim.checkInvariants());
    }

    @Test
    void migratedKsmPagesAreRefiledInTheirNewNodesTree() {
        KsmSimulation sim = KsmSimulation.create(twoNodes(0,
                List.of(new TimelineEvent.MigratePages(Duration.ofSeconds(30), 11, 1, 0))));
        sim.runFor(Duration.ofSeconds(29));
        assertEquals(4, sim.snapshot().counters().pagesShared());
        sim.runFor(Duration.ofSeconds(2));
        sim.markPhaseStart();
        sim.runUntilConverged(Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertTrue(sim.stableTree(10).entries().stream().allMatch(e -> e.treeNid() == 0),
                "every KSM page now sits on node 0");
        assertEquals(200, k.pagesShared() + k.pagesSharing());
        assertTrue(k.pagesShared() <= 4);
        assertNull(sim.checkInvariants());
    }

    @Test
    void seriesHoldsEverySampleWithKsmdCpuTime() {
        KsmSimulation sim = KsmSimulation.create(twoNodes(1, List.of()));
        sim.runFor(Duration.ofSeconds(2));
        CounterSeries.View series = sim.series();
        assertEquals(21, series.size(), "samples at 0, 0.1, ..., 2.0 s");
        assertEquals(2_000_000_000L, series.timeNanos(20));
        assertEquals(sim.snapshot().counters().pagesSharing(), series.value("pages_sharing", 20));
        assertTrue(series.ksmdBusyNanos(20) > 0, "ksmd used CPU time");
        assertTrue(series.ksmdCpuShare(20) > 0 && series.ksmdCpuShare(20) <= 1);
        assertEquals(series.value("full_scans", 20), series.sample(20).counters().fullScans());
    }
}
