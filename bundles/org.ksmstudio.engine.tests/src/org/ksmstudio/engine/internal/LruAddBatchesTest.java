package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LruAddBatches}: the held count equals the slots flagged held, under hold and drain. */
class LruAddBatchesTest {
    @Test
    void theLastWrittenModThirtyOneStayHeldUntilTheDrain() {
        PageSlots slots = new PageSlots(new Frames(16, new StableNodes(16, 1)), new PinsAndHugePages(), 100);
        slots.allocRange(100);
        RmapItems items = new RmapItems(slots, new StableNodes(16, 1), slots.capacity(), 0);
        LruAddBatches lru = new LruAddBatches(items);
        int[] ring = new int[LruAddBatches.LRU_ADD_BATCH];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = i * 3;
        }
        lru.hold(ring, 2 * 31 + 5);
        assertEquals(5, lru.held());
        lru.hold(ring, 7); // the first five again and two more
        assertEquals(7, lru.held());
        int flagged = 0;
        for (int s = 0; s < slots.count(); s++) {
            flagged += items.isLruHeld(s) ? 1 : 0;
        }
        assertEquals(7, flagged);
        assertTrue(items.isLruHeld(18));
        lru.drainAll();
        assertEquals(0, lru.held());
        for (int s = 0; s < slots.count(); s++) {
            assertFalse(items.isLruHeld(s));
        }
        lru.hold(ring, 31);
        assertEquals(0, lru.held(), "a full batch was flushed");
    }
}
