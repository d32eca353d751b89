package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.scenario.NewContent;

/**
 * Per-CPU LRU add batches (folio_batch of 31): the last (new pages of a write action mod 31) pages
 * hold an extra reference, so KSM cannot merge them until lru_add_drain_all() at the start of the
 * next full scan.
 */
class LruAddBatchTest {

    /** Converged, then ksmd is one wake-up (100 pages) into a new full scan. */
    private static KsmSimulation convergedAndOneWakeupIntoAScan(int procs, int pages) {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(procs, pages, 256, 100, 20));
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        sim.stepFullScan();
        sim.stepWakeup();
        return sim;
    }

    private static long merged(KsmSimulation sim) {
        KsmCounters k = sim.snapshot().counters();
        return k.pagesShared() + k.pagesSharing();
    }

    @ParameterizedTest
    @CsvSource({ "100, 2, 3000", "102, 3, 3000", "100, 2, 2580", "101, 7, 3000" })
    void sameContentWritesLeaveNMod31PagesUnmergedForExactlyOneFullScan(long from, long step, long to) {
        KsmSimulation sim = convergedAndOneWakeupIntoAScan(1, 3000);
        assertEquals(3000, merged(sim));
        long n = (to - from + step - 1) / step;
        long held = n % 31;
        sim.writePages(100, Scenarios.REGION, from, to, step, NewContent.SAME);
        // the rest of this full scan: every written page ahead of the cursor merges back but the held ones
        sim.stepFullScan();
        assertEquals(3000 - held, merged(sim), n + " pages written");
        ProcessKsmStat p = sim.snapshot().processes().get(0);
        assertEquals(3000 - held, p.ksmMergingPages());
        assertEquals(0, sim.snapshot().counters().pagesUnshared(), "a held page that failed a stable-tree hit is in no tree");
        assertNull(sim.checkInvariants());
        // lru_add_drain_all() at the start of the next full scan: they merge in it
        sim.stepFullScan();
        assertEquals(3000, merged(sim));
        assertNull(sim.checkInvariants());
    }

    @Test
    void aWriteInEveryProcessIsOneSequenceOnOneCpu() {
        // 2 x 50 pages: one action holds 100 mod 31 = 7 pages; two actions would hold 2 x (50 mod 31) = 38
        KsmSimulation one = convergedAndOneWakeupIntoAScan(2, 1000);
        one.writePages(0, Scenarios.REGION, 500, 600, 2, NewContent.SAME); // every process: one write action
        one.stepFullScan();
        assertEquals(2000 - 7, merged(one));
        one.stepFullScan();
        assertEquals(2000, merged(one));

        KsmSimulation two = convergedAndOneWakeupIntoAScan(2, 1000);
        two.writePages(100, Scenarios.REGION, 500, 600, 2, NewContent.SAME);
        two.writePages(101, Scenarios.REGION, 500, 600, 2, NewContent.SAME);
        two.stepFullScan();
        assertEquals(2000 - 38, merged(two));
        two.stepFullScan();
        assertEquals(2000, merged(two));
        assertNull(two.checkInvariants());
    }

    @Test
    void pagesWrittenWhileKsmdIsAtTheStartOfAFullScanAreDrainedFirst() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 3000, 256, 100, 20));
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        sim.stepFullScan();
        sim.writePages(100, Scenarios.REGION, 0, 3000, 2, NewContent.SAME);
        sim.stepFullScan();
        assertEquals(3000, merged(sim), "lru_add_drain_all() runs before the scan reaches them");
    }
}
