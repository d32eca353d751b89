package org.ksmstudio.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.policy.StockPolicy;

/**
 * {@link StableNodes} and {@link RbForest}: stable_node_chains and stable_node_dups stay equal to a
 * recount of the node kinds, and the trees stay ordered red-black trees, under their operations.
 */
class StableNodesTest {
    private static final int NIL = StableNodes.NIL;

    private final StableNodes sn = new StableNodes(16, 2);
    /** max_page_sharing the random operations count sharing candidates with */
    private int sharing = 3;

    @Test
    void chainsAndDupsFollowTheKindsOfTheNodes() {
        int a = insert(0, 10);
        int b = sn.allocNode(2, 10, 0);
        int chain = sn.allocChain(a, 0, 5);
        sn.chainAddDupHead(chain, b);
        assertEquals(1, sn.chains());
        assertEquals(2, sn.dups());
        assertEquals(chain, sn.tree.root(0));
        assertEquals(b, sn.first(chain));
        assertEquals(StableNodes.CHAIN_LEN, sn.len(chain));
        assertEquals(5, sn.pruneJiffies(chain));
        sn.chainUnlinkDup(b); // a dup moved to the head: unlink and add again
        sn.chainAddDupHead(chain, b);
        assertEquals(2, sn.dups());
        sn.chainUnlinkDup(a);
        sn.migrateAdd(a);
        assertEquals(1, sn.dups());
        assertEquals(a, sn.migrateHead());
        sn.migrateUnlink(a);
        assertEquals(StableNodes.REGULAR, sn.kind(a));
        sn.free(a);
        sn.chainUnlinkDup(b); // collapse: the last dup takes the chain's place
        sn.tree.replace(0, chain, b);
        sn.free(chain);
        assertEquals(0, sn.chains());
        assertEquals(0, sn.dups());
        assertEquals(b, sn.tree.root(0));
    }

    @Test
    void randomOperationsKeepTheCountsAndTheTreesConsistent() {
        SplittableRandom r = new SplittableRandom(3);
        List<Integer> live = new ArrayList<>();
        sn.countCandidates(new StockPolicy(), sharing);
        for (int op = 0; op < 20_000; op++) {
            if (op == 10_000) {
                sharing = 2; // max_page_sharing written: every chain is recounted
                sn.countCandidates(new StockPolicy(), sharing);
            }
            int choice = r.nextInt(8);
            int t = r.nextInt(2);
            if (choice <= 1 || live.isEmpty()) {
                long c = r.nextLong(500);
                int found = find(t, c);
                if (found == NIL) {
                    live.add(insert(t, c));
                } else {
                    int dup = sn.allocNode(op, c, t);
                    int chain = sn.kind(found) == StableNodes.CHAIN ? found : sn.allocChain(found, t, op);
                    sn.chainAddDupHead(chain, dup);
                    live.add(dup);
                }
                continue;
            }
            int n = live.get(r.nextInt(live.size()));
            if (choice >= 6) {
                // an rmap item joins or leaves the node's hlist
                sn.setHlist(n, 0, choice == 6 || sn.len(n) == 0 ? +1 : -1);
                continue;
            }
            switch (sn.kind(n)) {
                case StableNodes.DUP -> {
                    if (choice == 2) {
                        sn.chainUnlinkDup(n);
                        sn.migrateAdd(n);
                    } else {
                        removeDup(n);
                        live.remove(Integer.valueOf(n));
                    }
                }
                case StableNodes.MIGRATING -> {
                    sn.migrateUnlink(n);
                    sn.free(n);
                    live.remove(Integer.valueOf(n));
                }
                default -> {
                    sn.tree.erase(sn.nid(n), n);
                    sn.free(n);
                    live.remove(Integer.valueOf(n));
                }
            }
            if (op % 53 == 0) {
                assertConsistent();
            }
        }
        assertConsistent();
    }

    /** The scan's lookahead descends as a search does: eight keys side by side, present and absent, in two trees. */
    @Test
    void touchPathsEndsWhereASearchEnds() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            long c = r.nextLong() | 1; // odd contents are in the trees, even ones are not
            int t = r.nextInt(2);
            if (find(t, c) == NIL) {
                insert(t, c);
            }
        }
        int[] node = new int[8];
        long[] key = new long[8];
        int[] tree = new int[8];
        for (int round = 0; round < 200; round++) {
            int lanes = 1 + r.nextInt(8);
            for (int j = 0; j < lanes; j++) {
                tree[j] = r.nextInt(2);
                key[j] = r.nextBoolean() ? r.nextLong() & ~1L : anyContent(tree[j], r);
                node[j] = sn.tree.root(tree[j]);
            }
            sn.tree.touchPaths(node, key, lanes);
            for (int j = 0; j < lanes; j++) {
                assertEquals(find(tree[j], key[j]), node[j], "lane " + j + " of round " + round);
            }
        }
        assertConsistent();
    }

    private long anyContent(int t, SplittableRandom r) {
        int n = sn.tree.firstInTree(t);
        for (int skip = r.nextInt(100); skip > 0 && sn.tree.nextInTree(n) != NIL; skip--) {
            n = sn.tree.nextInTree(n);
        }
        return sn.content(n);
    }

    /** A dup leaves its chain; the chain goes when empty, collapses into its last dup when one is left. */
    private void removeDup(int dup) {
        int chain = chainOf(dup);
        sn.chainUnlinkDup(dup);
        sn.free(dup);
        int first = sn.first(chain);
        if (first == NIL) {
            sn.tree.erase(sn.nid(chain), chain);
            sn.free(chain);
        } else if (sn.next(first) == NIL) {
            sn.chainUnlinkDup(first);
            sn.tree.replace(sn.nid(chain), chain, first);
            sn.free(chain);
        }
    }

    private int chainOf(int dup) {
        for (int n = 0; n < sn.highWater(); n++) {
            if (sn.kind(n) == StableNodes.CHAIN) {
                for (int d = sn.first(n); d != NIL; d = sn.next(d)) {
                    if (d == dup) {
                        return n;
                    }
                }
            }
        }
        throw new AssertionError("dup " + dup + " in no chain");
    }

    private int insert(int t, long c) {
        int parent = NIL;
        boolean left = false;
        for (int n = sn.tree.root(t); n != NIL;) {
            parent = n;
            left = Long.compareUnsigned(c, sn.content(n)) < 0;
            n = left ? sn.tree.left(n) : sn.tree.right(n);
        }
        int id = sn.allocNode(0, c, t);
        sn.tree.link(t, id, parent, left);
        return id;
    }

    private int find(int t, long c) {
        int n = sn.tree.root(t);
        while (n != NIL && sn.content(n) != c) {
            n = Long.compareUnsigned(c, sn.content(n)) < 0 ? sn.tree.left(n) : sn.tree.right(n);
        }
        return n;
    }

    private void assertConsistent() {
        long chains = 0;
        long dups = 0;
        for (int n = 0; n < sn.highWater(); n++) {
            chains += sn.kind(n) == StableNodes.CHAIN ? 1 : 0;
            dups += sn.kind(n) == StableNodes.DUP ? 1 : 0;
        }
        assertEquals(chains, sn.chains(), "stable_node_chains");
        assertEquals(dups, sn.dups(), "stable_node_dups");
        long linked = 0;
        for (int n = 0; n < sn.highWater(); n++) {
            if (sn.kind(n) == StableNodes.CHAIN) {
                for (int d = sn.first(n); d != NIL; d = sn.next(d)) {
                    assertEquals(StableNodes.DUP, sn.kind(d));
                    linked++;
                }
            }
        }
        assertEquals(dups, linked, "every dup is on a chain");
        for (int n = 0; n < sn.highWater(); n++) {
            if (sn.kind(n) == StableNodes.CHAIN) {
                int onList = 0;
                int candidates = 0;
                for (int d = sn.first(n); d != NIL; d = sn.next(d)) {
                    onList++;
                    candidates += sn.len(d) > 0 && sn.len(d) < sharing ? 1 : 0;
                }
                assertEquals(onList, sn.dupCount(n), "dups of chain " + n);
                assertEquals(candidates, sn.candidates(n), "sharing candidates of chain " + n);
            }
        }
        for (int t = 0; t < sn.tree.trees(); t++) {
            TreeSet<Long> seen = new TreeSet<>(Long::compareUnsigned);
            long prev = -1;
            boolean firstNode = true;
            for (int n = sn.tree.firstInTree(t); n != NIL; n = sn.tree.nextInTree(n)) {
                assertTrue(firstNode || Long.compareUnsigned(prev, sn.content(n)) < 0, "tree " + t + " in order");
                assertTrue(seen.add(sn.content(n)));
                prev = sn.content(n);
                firstNode = false;
                assertEquals(t, sn.nid(n));
            }
        }
    }
}
