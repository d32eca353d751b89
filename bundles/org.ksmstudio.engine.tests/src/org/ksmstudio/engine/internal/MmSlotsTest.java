package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link MmSlots}: ksm_mm_head order around the scan cursor, and registration equal to list membership. */
class MmSlotsTest {
    private final PageSlots slots = new PageSlots(new Frames(16, new StableNodes(16, 1)), new PinsAndHugePages(), 16);
    private final MmSlots mms = new MmSlots(slots);

    private Mm mm(int pages) {
        int first = slots.allocRange(pages);
        int index = mms.all().size();
        Mm mm = new Mm(index, 100 + index, "p" + index, 0, List.of(0), true, false, 0,
                new Vma[] { new Vma("heap", 0, first, pages, true) }, first, pages);
        mms.add(mm);
        return mm;
    }

    @Test
    void anMmEntersBehindTheCursorAndTheFirstOneWakesKsmd() {
        Mm a = mm(4);
        Mm b = mm(4);
        assertTrue(mms.enter(a, false), "the first mm wakes ksmd");
        assertFalse(mms.enter(b, false));
        assertFalse(mms.enter(b, false), "entering twice changes nothing");
        mms.startScan();
        assertEquals(a, mms.cursorMm());
        Mm c = mm(2);
        mms.enter(c, false); // behind the cursor: scanned at the end of the next round
        assertEquals(List.of(c, a, b), mms.registered());
        assertEquals(a, mms.cursorMm());
        mms.advance();
        assertEquals(b, mms.cursorMm());
        mms.advance();
        assertTrue(mms.atHead());
        assertEquals(c, mms.ofSlot(c.firstSlot + 1));
    }

    @Test
    void anExitingMmWithRmapItemsMovesBehindTheCursorOneWithoutLeaves() {
        Mm a = mm(1);
        Mm b = mm(1);
        Mm c = mm(1);
        for (Mm m : List.of(a, b, c)) {
            mms.enter(m, false);
        }
        mms.startScan();
        mms.exit(c, true);
        assertEquals(List.of(a, c, b), mms.registered());
        mms.exit(b, false);
        assertEquals(List.of(a, c), mms.registered());
        assertFalse(b.registered);
        mms.exit(a, true); // at the cursor: ksmd frees it itself
        assertEquals(a, mms.cursorMm());
        mms.removeAtCursor();
        assertFalse(a.registered);
        assertEquals(c, mms.cursorMm());
        for (Mm m : mms.all()) {
            assertEquals(m.registered, mms.registered().contains(m), "registered iff on the list: " + m.pid);
        }
    }

    @Test
    void anMmMustOwnTheLastRangeOfSlots() {
        mm(3);
        Mm stray = new Mm(1, 7, "stray", 0, List.of(), false, false, 0, new Vma[0], 3, 0);
        assertThrows(IllegalStateException.class, () -> mms.add(stray));
    }
}
