package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.rmap.LatencyBuckets;
import org.ksmstudio.engine.rmap.LatencyHistogram;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.rmap.WalkCost;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.rmap.WalkKind;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;

/**
 * The latency histograms of the report (exact bucket counts for hand-made operations) and the exact cost
 * of walking one dup ({@link KsmSimulation#walkCost}), which must equal what the operation itself costs.
 * Same small cases as {@link WalkCostTest}.
 */
class HistogramAndWalkCostTest {
    private final WalkCostModel c = WalkCostModel.of(WalkCostTest.COST);

    private static long countAt(LatencyBuckets b, long value) {
        long[] lo = b.lowerNanos();
        long[] hi = b.upperNanos();
        long[] n = b.counts();
        for (int i = 0; i < n.length; i++) {
            if (lo[i] <= value && value <= hi[i]) {
                return n[i];
            }
        }
        return 0;
    }

    @Test
    void bucketsOfAHistogramAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v : new long[] { 5, 5, 16, 17, 100, 1000, 1023 }) {
            h.record(v);
        }
        LatencyBuckets b = h.buckets();
        assertArrayEquals(new long[] { 5, 16, 17, 100, 992 }, b.lowerNanos());
        assertArrayEquals(new long[] { 5, 16, 17, 103, 1023 }, b.upperNanos());
        assertArrayEquals(new long[] { 2, 1, 1, 1, 2 }, b.counts());
        assertEquals(7, b.total());
        assertEquals(LatencyBuckets.EMPTY, new LatencyHistogram().buckets());
    }

    @Test
    void reportHistogramsCountEveryPageOfEachNodeAndOperation() {
        // two processes, each one page of the shared content and one unique page; both idle
        MergeableRegion mixed = new MergeableRegion(WalkCostTest.R, MergeMode.MADV_MERGEABLE, List.of(
                ContentGroup.duplicates(1, 1, Layout.BLOCK), ContentGroup.unique(1)), null);
        KsmSimulation sim = WalkCostTest.merged("x86_64", "stock",
                RmapScenarios.process(1, 0, List.of(), false, false, mixed),
                RmapScenarios.process(2, 0, List.of(), false, false, mixed));
        assertEquals(LatencyBuckets.EMPTY, sim.rmapReport().histogram(0, RmapOperation.COMPACTION));
        OperationResult compaction = sim.compactNode(0);
        assertEquals(WalkCostTest.onlyDup(sim).kpfn(), compaction.walkedKsmPage(), "the compaction walked the KSM page");
        // a plain idle page: fixed work, unmap (lock, VMA, PTE, local flush), local copy, restore
        long plain = c.migrationFixedNanos() + 2 * (c.anonVmaLockNanos() + c.vmaVisitNanos() + c.pteNanos())
                + c.localFlushNanos() + c.copyNanos(10);
        long ksm = compaction.latencyNanos() - 2 * plain;
        assertTrue(ksm > plain, "the KSM page has two mappings: " + ksm + " vs " + plain);
        OperationResult migration = sim.migratePages(1, -1, 1); // the KSM page and 1's unique page
        OperationResult back = sim.migratePages(1, -1, 0);

        RmapReport report = sim.rmapReport();
        LatencyBuckets compacted = report.histogram(0, RmapOperation.COMPACTION);
        assertEquals(3, compacted.total());
        assertEquals(2, countAt(compacted, plain), "both unique pages cost the same");
        assertEquals(1, countAt(compacted, ksm));
        LatencyBuckets migrated = report.histogram(0, RmapOperation.MIGRATE_PAGES);
        assertEquals(2, migrated.total());
        assertEquals(2, report.histogram(1, RmapOperation.MIGRATE_PAGES).total(), "back from node 1");
        assertEquals(migration.latencyNanos(), back.latencyNanos(), "distance 20 both ways, same walks");
        for (OperationStats s : report.operations()) {
            assertEquals(s.count(), report.histogram(s.node(), s.operation()).total(), s.toString());
        }
        assertEquals(LatencyBuckets.EMPTY, report.histogram(1, RmapOperation.RECLAIM));
    }

    @Test
    void walkCostOfADupIsWhatMigratingItCosts() {
        // caller 1 on CPU 0 (the first CPU of the page's node); 2 is a KVM guest on CPUs 1 and 2; 3 sleeps
        KsmSimulation sim = WalkCostTest.merged("x86_64", "stock", WalkCostTest.proc(1, List.of(0), true, false),
                WalkCostTest.proc(2, List.of(1, 2), true, true), WalkCostTest.proc(3, List.of(3), false, false));
        DupView dup = WalkCostTest.onlyDup(sim);
        WalkCost w = sim.walkCost(dup.dupId(), 1);
        assertEquals(0, WalkCostTest.onlyDup(sim).node(), "computing the cost moves nothing");
        assertTrue(sim.rmapReport().operations().isEmpty(), "and records nothing");
        OperationResult r = sim.migratePages(1, -1, 1);
        assertEquals(dup.kpfn(), r.walkedKsmPage(), "the migration says which KSM page it walked");
        assertEquals(3, r.walkedKsmMappings(), "and its mappings");
        assertEquals(r.latencyNanos(), w.totalNanos());
        assertEquals(r.longestWalkNanos(), w.longestWalkNanos());
        assertEquals(r.longestStretchNanos(), w.longestStretchNanos());
        assertEquals(r.ipis(), w.ipis());
        assertEquals(4, w.ipis(), "host TLB flush and KVM remote flush, each to CPUs 1 and 2");
        assertEquals(2, w.walks());
        assertEquals(3 + 6, w.items(), "unmap stops after the last mapping; restore makes both passes");
        assertEquals(6, w.ptes());
        assertEquals(1, w.mmuNotifiers());
        assertEquals(c.copyNanos(20), w.copyNanos());
        assertEquals(c.migrationFixedNanos(), w.fixedNanos());
        assertEquals(0, w.node());
        assertFalse(w.skipped());
    }

    @Test
    void walkCostCountsForkedChildrenLikeTheMigration() {
        KsmSimulation sim = WalkCostTest.merged("x86_64", "stock", WalkCostTest.proc(1, List.of(1), true, false),
                WalkCostTest.proc(2, List.of(0), true, false));
        sim.fork(1, 3, "child");
        WalkCost w = sim.walkCost(WalkCostTest.onlyDup(sim).dupId(), 1);
        OperationResult r = sim.migratePages(2, -1, 1);
        assertEquals(r.latencyNanos(), w.totalNanos());
        assertEquals(3 * 2, w.ptes(), "three mappings (the child's too), unmapped then restored");
        assertEquals(2, w.ipis());
    }

    @Test
    void singleWalkCostIsWhatReclaimPays() {
        KsmSimulation sim = WalkCostTest.merged("x86_64", "stock", WalkCostTest.proc(1, List.of(1), true, true),
                WalkCostTest.proc(2, List.of(), false, false));
        int dup = WalkCostTest.onlyDup(sim).dupId();
        WalkCost referenced = sim.walkCost(dup, WalkKind.REFERENCED);
        OperationResult r = sim.reclaim(0, 10, Duration.ofSeconds(1));
        assertEquals(r.latencyNanos(), referenced.totalNanos(), "the page is referenced: one walk only");
        assertEquals(1, referenced.walks());
        assertEquals(0, referenced.copyNanos());
        assertThrows(IllegalArgumentException.class, () -> sim.walkCost(dup + 1000, WalkKind.REFERENCED));
    }

    @Test
    void onlyAPolicyWithASharingLimitIsLimited() {
        KsmSimulation stock = WalkCostTest.merged("x86_64", "stock", WalkCostTest.proc(1, List.of(), false, false),
                WalkCostTest.proc(2, List.of(), false, false));
        KsmSimulation noLimit = WalkCostTest.merged("x86_64", "no-limit", WalkCostTest.proc(1, List.of(), false,
                false), WalkCostTest.proc(2, List.of(), false, false));
        assertTrue(stock.sharingLimited());
        assertFalse(noLimit.sharingLimited());
    }
}
