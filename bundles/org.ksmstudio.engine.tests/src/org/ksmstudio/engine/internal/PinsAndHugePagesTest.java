package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link PinsAndHugePages}: its counts equal a recount of its bits under random operations. */
class PinsAndHugePagesTest {
    private static final int N = PinsAndHugePages.HPAGE_PMD_NR;

    @Test
    void countsEqualARecountUnderRandomOperations() {
        Random rnd = new Random(7);
        for (int round = 0; round < 20; round++) {
            PinsAndHugePages t = new PinsAndHugePages();
            int slots = 16 * N;
            t.fitSlots(slots);
            for (int h = 0; h < 4; h++) {
                t.mapHuge(h * N * 2);
            }
            t.fork(0, 8 * N, 8 * N);
            long splits = 0;
            for (int op = 0; op < 400; op++) {
                int s = rnd.nextInt(slots);
                switch (rnd.nextInt(4)) {
                    case 0 -> t.pin(s);
                    case 1 -> t.pteChanged(s);
                    case 2 -> {
                        if (t.isLarge(s) && t.split(s, slot -> { })) {
                            splits++;
                            assertFalse(t.isLarge(s));
                        }
                    }
                    default -> assertEquals(t.isLarge(s) && t.isLarge(s ^ 1) && (s >>> 9) == ((s ^ 1) >>> 9),
                            t.sameFolio(s, s ^ 1));
                }
                long huge = 0;
                long pinned = 0;
                for (int i = 0; i < slots; i++) {
                    huge += t.isLarge(i) ? 1 : 0;
                    pinned += t.isPinned(i) ? 1 : 0;
                }
                assertEquals(huge, t.hugeSubpages());
                assertEquals(pinned, t.pinnedPages());
                assertEquals(splits, t.splits());
            }
        }
    }

    @Test
    void aSplitReachesTheForkedChildsMappingAndAPinRefusesIt() {
        PinsAndHugePages t = new PinsAndHugePages();
        t.fitSlots(4 * N);
        t.mapHuge(0);
        t.mapHuge(N);
        t.pin(N + 5);
        t.fork(0, 2 * N, 2 * N);
        assertEquals(3 * N, t.hugeSubpages(), "the pinned folio is not shared with the child");
        assertTrue(t.sameFolio(3, 2 * N + 3), "parent and child map one folio");
        assertTrue(t.copiedAtFork(N + 100));
        assertFalse(t.copiedAtFork(100));
        java.util.BitSet remapped = new java.util.BitSet();
        assertTrue(t.split(2 * N + 7, remapped::set));
        assertEquals(2 * N, remapped.cardinality(), "every subpage of both mappings is remapped (remap_page)");
        assertTrue(remapped.get(0) && remapped.get(N - 1) && remapped.get(2 * N) && remapped.get(3 * N - 1));
        assertFalse(t.isLarge(0), "the split of the child's mapping split the parent's too");
        assertEquals(N, t.hugeSubpages());
        assertFalse(t.split(N, slot -> { }), "a pinned subpage refuses the split");
        assertEquals(1, t.splits());
        assertEquals(1, t.splitsFailed());
    }
}
