package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.HugePageCounters;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Volatility;

/**
 * Transparent huge pages (try_to_merge_one_page splits the folio before merging a subpage) and pinned
 * pages (write_protect_page refuses them): the accounting the kernel shows.
 */
class HugeAndPinnedPagesTest {
    private static final KsmTunables TUNABLES = KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000)
            .withSmartScan(false);

    private static MergeableRegion region(ContentGroup g, RegionBacking backing) {
        return new MergeableRegion(Scenarios.REGION, MergeMode.MADV_MERGEABLE, List.of(g), Volatility.NONE, backing);
    }

    private static KsmSimulation converged(KsmTunables tunables, ProcessSpec... procs) {
        Scenario.Builder b = Scenario.builder().name("thp").tunables(tunables)
                .run(new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofMillis(100)));
        for (ProcessSpec p : procs) {
            b.process(p);
        }
        KsmSimulation sim = KsmSimulation.create(b.build());
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        assertNull(sim.checkInvariants());
        return sim;
    }

    @Test
    void eachHugePageIsSplitOnceAndTheCountersAreThoseOfBasePages() {
        ContentGroup same = ContentGroup.duplicates(1024, 1, Layout.BLOCK);
        KsmSimulation huge = converged(TUNABLES, ProcessSpec.of(100, "a", region(same, new RegionBacking(2, 0))),
                ProcessSpec.of(101, "b", region(same, new RegionBacking(2, 0))));
        KsmSimulation base = converged(TUNABLES, ProcessSpec.of(100, "a", region(same, RegionBacking.BASE_PAGES)),
                ProcessSpec.of(101, "b", region(same, RegionBacking.BASE_PAGES)));
        KsmCounters k = huge.snapshot().counters();
        assertEquals(1024, k.pagesShared());
        assertEquals(1024, k.pagesSharing());
        assertEquals(base.snapshot().counters().pagesShared(), k.pagesShared());
        assertEquals(base.snapshot().processes(), huge.snapshot().processes());
        assertEquals(new HugePageCounters(0, 0, 4, 0), huge.hugePageCounters(),
                "two huge pages in each process, each split once, by its first merge");
        assertEquals(new HugePageCounters(0, 0, 0, 0), base.hugePageCounters());
    }

    @Test
    void twoEqualSubpagesOfOneHugePageSplitItWithoutMergingThenMergeAtTheNextScan() {
        // pages i and i+256 are equal: page 256 finds page 0 in the unstable tree, in the same folio
        KsmSimulation sim = KsmSimulation.create(Scenario.builder().name("one").tunables(TUNABLES)
                .run(new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofMillis(100)))
                .process(ProcessSpec.of(100, "a",
                        region(ContentGroup.duplicates(256, 2, Layout.INTERLEAVE), new RegionBacking(1, 0))))
                .build());
        sim.runToFullScans(1, Duration.ofHours(1));
        assertEquals(new HugePageCounters(512, 0, 0, 0), sim.hugePageCounters(), "first scan: checksums only");
        sim.runToFullScans(2, Duration.ofHours(1));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(new HugePageCounters(0, 0, 1, 1), sim.hugePageCounters(),
                "the pair (0, 256) fails the split with its own reference, then splits without merging");
        assertEquals(255, k.pagesShared(), "the 255 later pairs merge in the same scan");
        assertEquals(255, k.pagesSharing());
        assertEquals(1, k.pagesUnshared(), "page 0 stays in the unstable tree");
        sim.runToFullScans(3, Duration.ofHours(1));
        assertEquals(256, sim.snapshot().counters().pagesShared());
        assertEquals(256, sim.snapshot().counters().pagesSharing());
        assertNull(sim.checkInvariants());
    }

    /**
     * remap_page of split_huge_page (RMP_USE_SHARED_ZEROPAGE): the zero-filled subpages of a split
     * huge page become the shared zero page, which ksmd does not scan, so they are neither merged nor
     * counted, with or without use_zero_pages (the kernel's x_thp_zero_pages case).
     */
    @Test
    void theZeroFilledSubpagesOfASplitHugePageBecomeTheSharedZeroPage() {
        for (boolean useZeroPages : new boolean[] { false, true }) {
            MergeableRegion r = new MergeableRegion(Scenarios.REGION, MergeMode.MADV_MERGEABLE,
                    List.of(ContentGroup.duplicates(2, 256, Layout.BLOCK), ContentGroup.zero(512)), Volatility.NONE,
                    new RegionBacking(2, 0));
            KsmSimulation sim = converged(TUNABLES.withUseZeroPages(useZeroPages), ProcessSpec.of(100, "a", r),
                    ProcessSpec.of(101, "b", region(ContentGroup.zero(100), RegionBacking.BASE_PAGES)));
            KsmCounters k = sim.snapshot().counters();
            assertEquals(2 + (useZeroPages ? 0 : 1), k.pagesShared(), "use_zero_pages " + useZeroPages);
            assertEquals(510 + (useZeroPages ? 0 : 99), k.pagesSharing(), "use_zero_pages " + useZeroPages);
            assertEquals(useZeroPages ? 100 : 0, k.ksmZeroPages(), "only the base zero pages of b");
            assertEquals(512, sim.snapshot().processes().get(0).ksmRmapItems(), "no rmap item on the zero subpages");
            assertEquals(0, sim.snapshot().processes().get(0).ksmZeroPages());
            assertEquals(2, sim.hugePageCounters().thpSplitPage());
            assertEquals(useZeroPages ? 1 : 2, sim.hugePageCounters().thpSplitPageFailed(),
                    "a pair of equal subpages in one folio fails its first split");
        }
    }

    @Test
    void pinnedPagesAreNeverMergedAndTheirPartnersStayVolatile() {
        ContentGroup same = ContentGroup.duplicates(100, 1, Layout.BLOCK);
        KsmSimulation sim = converged(TUNABLES, ProcessSpec.of(100, "pinned", region(same, new RegionBacking(0, 10))),
                ProcessSpec.of(101, "b", region(same, RegionBacking.BASE_PAGES)));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(90, k.pagesShared());
        assertEquals(90, k.pagesSharing());
        assertEquals(10, k.pagesUnshared(), "the pinned pages, scanned first, wait in the unstable tree");
        assertEquals(10, k.pagesVolatile(), "their partners fail the merge and are in no tree");
        assertEquals(200, sim.snapshot().processes().get(0).ksmRmapItems() + sim.snapshot().processes().get(1).ksmRmapItems());
        assertEquals(new HugePageCounters(0, 10, 0, 0), sim.hugePageCounters());
    }

    @Test
    void aHugePageWithAPinnedSubpageIsNeverSplitNorMerged() {
        ContentGroup same = ContentGroup.duplicates(512, 1, Layout.BLOCK);
        KsmSimulation sim = converged(TUNABLES, ProcessSpec.of(100, "a", region(same, new RegionBacking(1, 1))),
                ProcessSpec.of(101, "b", region(same, RegionBacking.BASE_PAGES)));
        KsmCounters k = sim.snapshot().counters();
        assertEquals(0, k.pagesShared() + k.pagesSharing());
        HugePageCounters h = sim.hugePageCounters();
        assertEquals(512, h.hugeSubpages());
        assertEquals(0, h.thpSplitPage());
        assertTrue(h.thpSplitPageFailed() >= 512, "each merge attempt fails its split: " + h.thpSplitPageFailed());
    }

    @Test
    void aForkSharesHugePagesAndCopiesPinnedOnesAndWritesLeaveTheTablesConsistent() {
        ContentGroup same = ContentGroup.duplicates(1024, 1, Layout.BLOCK);
        List<ProcessSpec> procs = new ArrayList<>();
        procs.add(ProcessSpec.of(100, "a", region(same, new RegionBacking(2, 3))));
        procs.add(new ProcessSpec(101, "child", 0, List.of(), true, false, 100, ForkPoint.AFTER_FILL, List.of()));
        KsmSimulation sim = converged(TUNABLES, procs.toArray(ProcessSpec[]::new));
        HugePageCounters h = sim.hugePageCounters();
        assertEquals(3, h.pinnedPages(), "the child's copies of the pinned pages are not pinned");
        // the child shares the unpinned huge page and has base-page copies of the pinned one's subpages
        assertEquals(2 * 512 + 512, h.hugeSubpages(), "parent: two huge pages; child: the unpinned one");
        assertEquals(0, h.thpSplitPage(), "pages shared with the fork are never merged, the copies' partners are pinned");
        assertTrue(h.thpSplitPageFailed() > 0);
        sim.writePages(100, Scenarios.REGION, 0, 1024, 7, NewContent.UNIQUE);
        sim.writePages(101, Scenarios.REGION, 1, 1024, 5, NewContent.SAME);
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        assertNull(sim.checkInvariants());
    }

    @Test
    void moreHugePagesThanTheRegionHoldsIsOneClearError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> region(ContentGroup.unique(1000), new RegionBacking(2, 0)));
        assertEquals("region[heap].hugePages = 2: more 2 MiB huge pages than the 1000 faulted-in pages hold",
                e.getMessage());
        assertThrows(ScenarioException.class, () -> region(ContentGroup.unique(10), new RegionBacking(0, 11)));
        assertThrows(ScenarioException.class, () -> new RegionBacking(-1, 0));
    }
}
