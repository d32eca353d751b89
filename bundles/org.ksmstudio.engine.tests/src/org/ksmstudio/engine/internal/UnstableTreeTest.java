package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/** {@link UnstableTree}: what the kernel erased from the tree does not stay in the table. */
class UnstableTreeTest {
    private static final int PAGES = 40_000;

    /**
     * One content merged into dup after dup (max_page_sharing 2: every second page of the full scan passes the
     * unstable tree, and its twin leaves it at once): the table holds a handful of entries, not one per dup.
     */
    @Test
    void pagesOfOneContentMergedAgainAndAgainDoNotFillTheTable() {
        Scenario sc = Scenario.builder().name("one content")
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(PAGES).withSleepMillisecs(0)
                        .withMaxPageSharing(2))
                .process(new ProcessSpec(1000, "one", 0, List.of(), true, true, 0, null,
                        List.of(new MergeableRegion("heap", MergeMode.MADV_MERGEABLE,
                                List.of(ContentGroup.duplicates(1, PAGES, Layout.BLOCK)), Volatility.NONE))))
                .build();
        KsmEngine e = ScenarioLoader.load(sc);
        while (e.fullScans() < 2) {
            e.runWakeup();
        }
        assertEquals(PAGES / 2, e.items.pagesShared(), "pages_shared");
        assertEquals(PAGES / 2, e.items.pagesSharing(), "pages_sharing");
        assertEquals(1024 * 8, e.unstable.heapBytes(), "unstable table bytes");
        assertNull(InvariantCheck.firstViolation(e));
    }
}
