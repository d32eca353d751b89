package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RmapItems}: rmap_items, pages_shared, pages_sharing, pages_unshared and per-mm rmap items
 * and merging pages stay equal to a recount, and the hlists to a model, under its operations.
 */
class RmapItemsTest {
    private static final int NODES = 6;

    private final PageSlots slots = new PageSlots(new Frames(16, new StableNodes(16, 1)), new PinsAndHugePages(), 16);
    private final StableNodes sn = new StableNodes(16, 1);
    private final RmapItems items = new RmapItems(slots, sn, 16, 0);
    private final int[] node = new int[NODES];
    private final List<Deque<Integer>> hlists = new ArrayList<>();

    RmapItemsTest() {
        for (int m = 0; m < 3; m++) {
            slots.allocRange(30 + 7 * m);
        }
        items.fitSlots();
        for (int n = 0; n < NODES; n++) {
            node[n] = sn.allocNode(n, 100 + n, 0);
            hlists.add(new ArrayDeque<>());
        }
    }

    @Test
    void theFirstItemOfANodeIsAPageSharedEveryOtherAPageSharing() {
        items.alloc(0);
        items.alloc(40);
        items.alloc(41);
        items.stableAppend(0, node[0]);
        assertEquals(1, items.pagesShared());
        assertEquals(0, items.pagesSharing());
        items.stableAppend(40, node[0]);
        items.stableAppend(41, node[0]);
        assertEquals(1, items.pagesShared());
        assertEquals(2, items.pagesSharing());
        assertEquals(1, items.mergingPages(0));
        assertEquals(2, items.mergingPages(1));
        assertEquals(3, sn.len(node[0]));
        items.stableUnlink(41); // the head of the hlist
        items.stableUnlink(0); // the tail
        assertEquals(1, items.pagesShared());
        assertEquals(0, items.pagesSharing());
        items.stableUnlink(40);
        assertEquals(0, items.pagesShared());
        assertEquals(StableNodes.NIL, sn.first(node[0]));
        assertEquals(0, sn.len(node[0]));
    }

    @Test
    void anItemInATreeCannotBeFreed() {
        items.alloc(5);
        items.unstableInsert(5, 0);
        assertThrows(IllegalStateException.class, () -> items.free(5));
        items.unstableUnlink(5);
        items.free(5);
        assertFalse(items.hasItem(5));
        assertEquals(0, items.rmapItems());
    }

    @Test
    void theLruFlagSurvivesTheItem() {
        assertTrue(items.holdInLru(3));
        assertFalse(items.holdInLru(3));
        items.alloc(3);
        items.free(3);
        assertTrue(items.isLruHeld(3));
        items.releaseFromLru(3);
        assertFalse(items.isLruHeld(3));
    }

    @Test
    void randomOperationsKeepEveryCountEqualToARecount() {
        SplittableRandom r = new SplittableRandom(11);
        for (int op = 0; op < 50_000; op++) {
            int s = r.nextInt(slots.count());
            boolean inTree = items.isStable(s) || items.isUnstable(s);
            switch (r.nextInt(6)) {
                case 0 -> {
                    if (!items.hasItem(s)) {
                        items.alloc(s);
                    }
                }
                case 1 -> {
                    if (items.hasItem(s) && !inTree) {
                        items.free(s);
                    }
                }
                case 2, 3 -> {
                    if (items.hasItem(s) && !inTree) {
                        int n = r.nextInt(NODES);
                        items.stableAppend(s, node[n]);
                        hlists.get(n).addFirst(s);
                    }
                }
                case 4 -> {
                    if (items.isStable(s)) {
                        hlists.get(indexOf(items.head(s))).remove(s);
                        items.stableUnlink(s);
                    }
                }
                default -> {
                    if (items.isUnstable(s)) {
                        items.unstableUnlink(s);
                    } else if (items.hasItem(s) && !inTree) {
                        items.unstableInsert(s, r.nextInt(4));
                    }
                }
            }
            if (op % 101 == 0) {
                assertConsistent();
            }
        }
        assertConsistent();
    }

    private int indexOf(int id) {
        for (int n = 0; n < NODES; n++) {
            if (node[n] == id) {
                return n;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private void assertConsistent() {
        long all = 0;
        long unshared = 0;
        long[] mmItems = new long[slots.mmCount()];
        long[] mmMerging = new long[slots.mmCount()];
        for (int s = 0; s < slots.count(); s++) {
            if (items.hasItem(s)) {
                all++;
                mmItems[slots.owner(s)]++;
                unshared += items.isUnstable(s) ? 1 : 0;
                mmMerging[slots.owner(s)] += items.isStable(s) ? 1 : 0;
            }
        }
        long shared = 0;
        long sharing = 0;
        for (int n = 0; n < NODES; n++) {
            List<Integer> walked = new ArrayList<>();
            for (int s = sn.first(node[n]); s != StableNodes.NIL; s = items.next(s)) {
                assertEquals(node[n], items.head(s));
                walked.add(s);
            }
            assertEquals(List.copyOf(hlists.get(n)), walked, "hlist of node " + n);
            assertEquals(walked.size(), sn.len(node[n]));
            shared += walked.isEmpty() ? 0 : 1;
            sharing += Math.max(0, walked.size() - 1);
        }
        assertEquals(all, items.rmapItems(), "rmap_items");
        assertEquals(unshared, items.pagesUnshared(), "pages_unshared");
        assertEquals(shared, items.pagesShared(), "pages_shared");
        assertEquals(sharing, items.pagesSharing(), "pages_sharing");
        for (int m = 0; m < mmItems.length; m++) {
            assertEquals(mmItems[m], items.rmapItems(m), "rmap_items of mm " + m);
            assertEquals(mmMerging[m], items.mergingPages(m), "ksm_merging_pages of mm " + m);
        }
    }
}
