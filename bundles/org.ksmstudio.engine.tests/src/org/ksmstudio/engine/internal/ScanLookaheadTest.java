package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/**
 * A host large enough for the scan's {@link ScanLookahead} merges to the counters that follow from its contents,
 * with every table consistent: the lookahead's reads change nothing the scan does.
 */
class ScanLookaheadTest {
    private static final int GUESTS = 16;
    private static final int PAGES_PER_GUEST = ScanLookahead.MIN_PAGES / GUESTS;
    private static final int DISTINCT = 4096;
    private static final int COPIES = 200;
    private static final int UNIQUE = 150_000;

    @Test
    void aHostOfMinPagesConvergesToItsContents() {
        int zero = PAGES_PER_GUEST - DISTINCT * COPIES - UNIQUE;
        List<ContentGroup> groups = List.of(ContentGroup.duplicates(DISTINCT, COPIES, Layout.INTERLEAVE),
                ContentGroup.unique(UNIQUE), ContentGroup.zero(zero));
        Scenario.Builder b = Scenario.builder().name("large host")
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(65_536).withSleepMillisecs(0));
        for (int g = 0; g < GUESTS; g++) {
            b.process(new ProcessSpec(1000 + g, "qemu-" + g, 0, List.of(), true, true, 0, null,
                    List.of(new MergeableRegion("guest-ram", MergeMode.MADV_MERGEABLE, groups, Volatility.NONE))));
        }
        KsmSimulation sim = KsmSimulation.create(b.build());
        for (int scan = 0; scan < 3; scan++) {
            sim.stepFullScan();
        }
        KsmCounters k = sim.snapshot().counters();
        int sharing = KsmTunables.DEFAULTS.maxPageSharing();
        long contentDups = (long) DISTINCT * Math.ceilDiv(GUESTS * COPIES, sharing);
        long zeroDups = Math.ceilDiv(GUESTS * zero, sharing);
        assertEquals(contentDups + zeroDups, k.pagesShared(), "pages_shared");
        assertEquals((long) GUESTS * (DISTINCT * COPIES + zero) - contentDups - zeroDups, k.pagesSharing(),
                "pages_sharing");
        assertEquals((long) GUESTS * UNIQUE, k.pagesUnshared(), "pages_unshared");
        assertEquals(DISTINCT + 1, k.stableNodeChains(), "stable_node_chains");
        assertNull(sim.checkInvariants());
    }
}
