package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Frames}: map counts, frees, reuse and the stale-node count under its operations. */
class FramesTest {
    @Test
    void aFrameIsFreedWithItsLastMappingAndReusedLastFreedFirst() {
        Frames frames = new Frames(2, new StableNodes(16, 1));
        int a = frames.alloc(11, 0);
        int b = frames.alloc(22, 1);
        frames.get(a);
        frames.get(a);
        frames.get(b);
        assertEquals(2, frames.inUse());
        frames.put(a);
        assertEquals(1, frames.mapcount(a));
        assertEquals(2, frames.inUse());
        frames.put(a);
        frames.put(b);
        assertEquals(0, frames.inUse());
        assertEquals(b, frames.alloc(33, 0), "the frame freed last is reused first");
        assertEquals(a, frames.alloc(44, 1));
        assertEquals(44, frames.content(a));
        assertEquals(1, frames.node(a));
        assertEquals(Frames.NOT_KSM, frames.stableNode(a));
        assertEquals(0, frames.mapcount(a));
        assertEquals(2, frames.highWater());
    }

    @Test
    void freeingAKsmPageWithAStableNodeCountsOneStaleNodeUntilItIsRemoved() {
        StableNodes sn = new StableNodes(16, 1);
        Frames frames = new Frames(16, sn);
        int k = frames.alloc(5, 0);
        int plain = frames.alloc(6, 0);
        int half = frames.alloc(7, 0);
        for (int f : new int[] { k, plain, half }) {
            frames.get(f);
        }
        frames.markKsm(k);
        frames.setStableNode(k, sn.allocNode(k, 5, 0));
        frames.markKsm(half); // a KSM page whose node is not set yet leaves no stale node
        assertTrue(frames.isKsm(k));
        frames.put(plain);
        frames.put(half);
        assertEquals(0, frames.staleNodes());
        frames.put(k);
        assertEquals(1, frames.staleNodes());
        assertFalse(frames.isKsm(k), "the keyhole is cleared with the frame");
        frames.staleNodeRemoved();
        assertEquals(0, frames.staleNodes());
    }

    @Test
    void aKsmPageKeepsItsContentNodeAndKeyholeThroughMigrationInTheCompactLayout() {
        StableNodes sn = new StableNodes(16, 1);
        Frames frames = new Frames(16, sn);
        int f = frames.alloc(0xfeed_0000_0000_0001L, 2);
        frames.get(f);
        frames.markKsm(f);
        assertEquals(Frames.KSM_NO_NODE, frames.stableNode(f));
        assertEquals(2, frames.node(f));
        int id = sn.allocNode(f, 0xfeed_0000_0000_0001L, 0);
        frames.setStableNode(f, id);
        frames.migrate(f, 63);
        assertEquals(id, frames.stableNode(f));
        assertEquals(63, frames.node(f));
        assertEquals(0xfeed_0000_0000_0001L, frames.content(f));
        assertThrows(IllegalStateException.class, () -> frames.write(f, 1), "a KSM page is never written");
        assertThrows(IllegalStateException.class, () -> frames.clearKsm(f));
        int g = frames.alloc(9, 1);
        assertThrows(IllegalStateException.class, () -> frames.setStableNode(g, id), "another content");
        frames.markKsm(g);
        frames.clearKsm(g);
        assertEquals(Frames.NOT_KSM, frames.stableNode(g));
        assertEquals(1, frames.node(g));
        assertEquals(9, frames.content(g));
    }

    @Test
    void growsPastItsCapacityKeepingEveryColumn() {
        Frames frames = new Frames(16, new StableNodes(16, 1));
        for (int i = 0; i < 1000; i++) {
            int f = frames.alloc(i * 3L, i % 4);
            frames.get(f);
        }
        for (int f = 0; f < 1000; f++) {
            assertEquals(f * 3L, frames.content(f));
            assertEquals(f % 4, frames.node(f));
            assertEquals(1, frames.mapcount(f));
        }
        assertEquals(1000, frames.inUse());
    }
}
