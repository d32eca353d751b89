package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link PageSlots}: owners from ranges, map counts equal to PTEs, ksm_zero_pages under its operations. */
class PageSlotsTest {
    @Test
    void theOwnerOfASlotIsTheMmWhoseRangeHoldsIt() {
        PageSlots slots = new PageSlots(new Frames(4, new StableNodes(16, 1)), new PinsAndHugePages(), 4);
        int[] sizes = { 3, 1, 0, 40, 2 };
        int[] first = new int[sizes.length];
        for (int m = 0; m < sizes.length; m++) {
            first[m] = slots.allocRange(sizes[m]);
        }
        assertEquals(46, slots.count());
        assertEquals(sizes.length, slots.mmCount());
        for (int m = 0; m < sizes.length; m++) {
            for (int s = first[m]; s < first[m] + sizes[m]; s++) {
                assertEquals(m, slots.owner(s), "slot " + s);
                assertEquals(PageSlots.NO_PAGE, slots.pte(s));
            }
        }
    }

    @Test
    void randomMappingKeepsMapCountsAndZeroPageCountsEqualToARecount() {
        Frames frames = new Frames(8, new StableNodes(16, 1));
        PageSlots slots = new PageSlots(frames, new PinsAndHugePages(), 8);
        for (int m = 0; m < 5; m++) {
            slots.allocRange(20 + m);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int op = 0; op < 20_000; op++) {
            int s = r.nextInt(slots.count());
            switch (r.nextInt(4)) {
                case 0 -> slots.mapNew(s, r.nextLong(), r.nextInt(2));
                case 1 -> {
                    int other = slots.pte(r.nextInt(slots.count()));
                    if (other >= 0) {
                        slots.map(s, other);
                    }
                }
                case 2 -> slots.mapKsmZero(s);
                default -> slots.unmap(s);
            }
            if (op % 97 == 0) {
                assertConsistent(frames, slots);
            }
        }
        assertConsistent(frames, slots);
    }

    @Test
    void remappingASlotToTheFrameItMapsKeepsTheFrame() {
        Frames frames = new Frames(8, new StableNodes(16, 1));
        PageSlots slots = new PageSlots(frames, new PinsAndHugePages(), 8);
        slots.allocRange(2);
        int f = slots.mapNew(0, 42, 0);
        slots.map(0, f);
        assertEquals(f, slots.pte(0));
        assertEquals(1, frames.mapcount(f));
        assertEquals(42, frames.content(f));
    }

    private static void assertConsistent(Frames frames, PageSlots slots) {
        long[] ptes = new long[frames.highWater()];
        long zero = 0;
        long[] mmZero = new long[slots.mmCount()];
        long mappedFrames = 0;
        for (int s = 0; s < slots.count(); s++) {
            int f = slots.pte(s);
            if (f >= 0) {
                mappedFrames += ptes[f]++ == 0 ? 1 : 0;
            } else if (f == PageSlots.KSM_ZERO) {
                zero++;
                mmZero[slots.owner(s)]++;
            }
        }
        for (int f = 0; f < ptes.length; f++) {
            assertEquals(ptes[f], frames.mapcount(f), "map count of frame " + f);
        }
        assertEquals(mappedFrames, frames.inUse(), "frames in use");
        assertEquals(zero, slots.ksmZeroPages(), "ksm_zero_pages");
        for (int m = 0; m < mmZero.length; m++) {
            assertEquals(mmZero[m], slots.ksmZeroPages(m), "ksm_zero_pages of mm " + m);
        }
    }
}
