package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The red-black trees of the stable tree(s) (struct rb_root root_stable_tree[], and the struct
 * rb_node of every stable node indexed by stable node id). The algorithms are the textbook ones
 * lib/rbtree.c implements (the successor replaces an erased node with two children), so tree
 * shapes and search paths match the kernel's. Owned by {@link StableNodes}.
 * <p>
 * As struct ksm_stable_node embeds its rb_node, a node's two child links share a 32-byte record
 * with three words of its owner ({@link #word}: the key a search compares and what a search step
 * reads of a chain), so that a step of stable_tree_search reads one cache line, not one line of
 * each column: a tree of chains whose ids lie among those of their dups stays in the L2 cache.
 * The links are one word (rb_left in the high half, rb_right in the low one), so that a step picks
 * the next node by a shift chosen by the comparison's outcome instead of a branch that the random
 * keys mispredict half the time. The parent and the colour, which only updates read, are columns.
 */
final class RbForest {
    private static final int NIL = StableNodes.NIL;
    /** longs per node record */
    private static final int STRIDE = 4;
    /** the record word of the child links */
    private static final int LINKS = 1;
    private static final long LOW = 0xffff_ffffL;

    /** node n's record at STRIDE n: words 0, 2, 3 its owner's ({@link #word}), word 1 its links */
    private long[] rec;
    private int[] parent;
    private boolean[] red;
    private final int[] roots;

    RbForest(int capacity, int trees) {
        rec = new long[STRIDE * capacity];
        parent = new int[capacity];
        red = new boolean[capacity];
        roots = new int[Math.max(trees, 1)];
        Arrays.fill(roots, NIL);
    }

    /** Number of node ids the columns hold. */
    int capacity() {
        return parent.length;
    }

    void grow(int n) {
        rec = Arrays.copyOf(rec, STRIDE * n);
        parent = Arrays.copyOf(parent, n);
        red = Arrays.copyOf(red, n);
    }

    long heapBytes() {
        return (long) parent.length * (8 * STRIDE + 4 + 1);
    }

    /** Word {@code k} (0, 2 or 3) of node n's record, its owner's to use. */
    long word(int n, int k) {
        return rec[STRIDE * n + k];
    }

    void setWord(int n, int k, long v) {
        assert k != LINKS;
        rec[STRIDE * n + k] = v;
    }

    /**
     * Reads the records a search for each of {@code lanes} keys would step through from {@code node[j]} (word 0
     * is the key it compares), one step of every lane at a time, so that the lanes' cache misses overlap
     * ({@link ScanLookahead}). Leaves in {@code node[j]} the node whose key is {@code key[j]}, or NIL; returns a sum
     * of what it read. Changes nothing in the tree.
     */
    long touchPaths(int[] node, long[] key, int lanes) {
        long sum = 0;
        int active = (1 << lanes) - 1;
        for (int step = 0; active != 0 && step < 64; step++) {
            for (int j = 0; j < lanes; j++) {
                int n = node[j];
                if ((active & 1 << j) == 0) {
                    continue;
                }
                if (n < 0) {
                    active &= ~(1 << j);
                    continue;
                }
                long w = rec[STRIDE * n];
                sum += w;
                if (w == key[j]) {
                    active &= ~(1 << j);
                } else {
                    node[j] = child(n, Long.compareUnsigned(key[j], w) > 0 ? 1 : 0);
                }
            }
        }
        return sum;
    }

    /** RB_CLEAR_NODE: node {@code id} is in no tree. */
    void clear(int id) {
        rec[STRIDE * id + LINKS] = -1L; // NIL, NIL
        parent[id] = NIL;
        red[id] = false;
    }

    /** Number of trees (one per NUMA node; with merge_across_nodes=1 only the first is used). */
    int trees() {
        return roots.length;
    }

    int root(int t) {
        return roots[t];
    }

    int left(int n) {
        return (int) (rec[STRIDE * n + LINKS] >>> 32);
    }

    int right(int n) {
        return (int) rec[STRIDE * n + LINKS];
    }

    /** The left child of n when {@code right} is 0, the right one when it is 1. */
    int child(int n, int right) {
        return (int) (rec[STRIDE * n + LINKS] >>> ((right ^ 1) << 5));
    }

    private int parent(int n) {
        return parent[n];
    }

    private void setLeft(int n, int v) {
        int i = STRIDE * n + LINKS;
        rec[i] = (long) v << 32 | rec[i] & LOW;
    }

    private void setRight(int n, int v) {
        int i = STRIDE * n + LINKS;
        rec[i] = rec[i] & ~LOW | v & LOW;
    }

    private void setParent(int n, int v) {
        parent[n] = v;
    }

    private boolean red(int n) {
        return red[n];
    }

    private void setRed(int n, boolean isRed) {
        red[n] = isRed;
    }

    // ---- red-black tree ----

    /**
     * rb_link_node + rb_insert_color: links {@code n} as a child of {@code p} (left when
     * {@code asLeft}) in tree {@code t} and rebalances.
     */
    void link(int t, int n, int p, boolean asLeft) {
        setParent(n, p);
        setLeft(n, NIL);
        setRight(n, NIL);
        setRed(n, true);
        if (p == NIL) {
            roots[t] = n;
        } else if (asLeft) {
            setLeft(p, n);
        } else {
            setRight(p, n);
        }
        insertFixup(t, n);
    }

    /** rb_replace_node: {@code repl} takes {@code victim}'s place, links and colour. */
    void replace(int t, int victim, int repl) {
        int p = parent(victim);
        setParent(repl, p);
        setLeft(repl, left(victim));
        setRight(repl, right(victim));
        setRed(repl, red(victim));
        if (left(repl) != NIL) {
            setParent(left(repl), repl);
        }
        if (right(repl) != NIL) {
            setParent(right(repl), repl);
        }
        if (p == NIL) {
            roots[t] = repl;
        } else if (left(p) == victim) {
            setLeft(p, repl);
        } else {
            setRight(p, repl);
        }
        setLeft(victim, NIL);
        setRight(victim, NIL);
        setParent(victim, NIL);
    }

    private boolean isRed(int n) {
        return n != NIL && red(n);
    }

    private void rotateLeft(int t, int x) {
        int y = right(x);
        setRight(x, left(y));
        if (left(y) != NIL) {
            setParent(left(y), x);
        }
        setParent(y, parent(x));
        if (parent(x) == NIL) {
            roots[t] = y;
        } else if (x == left(parent(x))) {
            setLeft(parent(x), y);
        } else {
            setRight(parent(x), y);
        }
        setLeft(y, x);
        setParent(x, y);
    }

    private void rotateRight(int t, int x) {
        int y = left(x);
        setLeft(x, right(y));
        if (right(y) != NIL) {
            setParent(right(y), x);
        }
        setParent(y, parent(x));
        if (parent(x) == NIL) {
            roots[t] = y;
        } else if (x == right(parent(x))) {
            setRight(parent(x), y);
        } else {
            setLeft(parent(x), y);
        }
        setRight(y, x);
        setParent(x, y);
    }

    private void insertFixup(int t, int z) {
        while (isRed(parent(z))) {
            int p = parent(z);
            int g = parent(p);
            if (p == left(g)) {
                int u = right(g);
                if (isRed(u)) {
                    setRed(p, false);
                    setRed(u, false);
                    setRed(g, true);
                    z = g;
                } else {
                    if (z == right(p)) {
                        z = p;
                        rotateLeft(t, z);
                        p = parent(z);
                        g = parent(p);
                    }
                    setRed(p, false);
                    setRed(g, true);
                    rotateRight(t, g);
                }
            } else {
                int u = left(g);
                if (isRed(u)) {
                    setRed(p, false);
                    setRed(u, false);
                    setRed(g, true);
                    z = g;
                } else {
                    if (z == left(p)) {
                        z = p;
                        rotateRight(t, z);
                        p = parent(z);
                        g = parent(p);
                    }
                    setRed(p, false);
                    setRed(g, true);
                    rotateLeft(t, g);
                }
            }
        }
        setRed(roots[t], false);
    }

    private void transplant(int t, int u, int v) {
        int p = parent(u);
        if (p == NIL) {
            roots[t] = v;
        } else if (u == left(p)) {
            setLeft(p, v);
        } else {
            setRight(p, v);
        }
        if (v != NIL) {
            setParent(v, p);
        }
    }

    /** rb_erase of {@code z} from tree {@code t}. */
    void erase(int t, int z) {
        int y = z;
        boolean yWasRed = red(y);
        int x;
        int xParent;
        if (left(z) == NIL) {
            x = right(z);
            xParent = parent(z);
            transplant(t, z, right(z));
        } else if (right(z) == NIL) {
            x = left(z);
            xParent = parent(z);
            transplant(t, z, left(z));
        } else {
            y = right(z);
            while (left(y) != NIL) {
                y = left(y);
            }
            yWasRed = red(y);
            x = right(y);
            if (parent(y) == z) {
                xParent = y;
            } else {
                xParent = parent(y);
                transplant(t, y, right(y));
                setRight(y, right(z));
                setParent(right(y), y);
            }
            transplant(t, z, y);
            setLeft(y, left(z));
            setParent(left(y), y);
            setRed(y, red(z));
        }
        setLeft(z, NIL);
        setRight(z, NIL);
        setParent(z, NIL);
        if (!yWasRed) {
            eraseFixup(t, x, xParent);
        }
    }

    private void eraseFixup(int t, int x, int xParent) {
        while (x != roots[t] && !isRed(x)) {
            if (x == left(xParent)) {
                int w = right(xParent);
                if (isRed(w)) {
                    setRed(w, false);
                    setRed(xParent, true);
                    rotateLeft(t, xParent);
                    w = right(xParent);
                }
                if (!isRed(left(w)) && !isRed(right(w))) {
                    setRed(w, true);
                    x = xParent;
                    xParent = parent(x);
                } else {
                    if (!isRed(right(w))) {
                        setRed(left(w), false);
                        setRed(w, true);
                        rotateRight(t, w);
                        w = right(xParent);
                    }
                    setRed(w, red(xParent));
                    setRed(xParent, false);
                    setRed(right(w), false);
                    rotateLeft(t, xParent);
                    x = roots[t];
                    xParent = NIL;
                }
            } else {
                int w = left(xParent);
                if (isRed(w)) {
                    setRed(w, false);
                    setRed(xParent, true);
                    rotateRight(t, xParent);
                    w = left(xParent);
                }
                if (!isRed(right(w)) && !isRed(left(w))) {
                    setRed(w, true);
                    x = xParent;
                    xParent = parent(x);
                } else {
                    if (!isRed(left(w))) {
                        setRed(right(w), false);
                        setRed(w, true);
                        rotateLeft(t, w);
                        w = left(xParent);
                    }
                    setRed(w, red(xParent));
                    setRed(xParent, false);
                    setRed(left(w), false);
                    rotateRight(t, xParent);
                    x = roots[t];
                    xParent = NIL;
                }
            }
        }
        if (x != NIL) {
            setRed(x, false);
        }
    }

    /** rb_first: in-order first node of tree t, or NIL. */
    int firstInTree(int t) {
        int n = roots[t];
        if (n == NIL) {
            return NIL;
        }
        while (left(n) != NIL) {
            n = left(n);
        }
        return n;
    }

    /** rb_next: in-order successor, or NIL. */
    int nextInTree(int n) {
        if (right(n) != NIL) {
            n = right(n);
            while (left(n) != NIL) {
                n = left(n);
            }
            return n;
        }
        int p = parent(n);
        while (p != NIL && n == right(p)) {
            n = p;
            p = parent(p);
        }
        return p;
    }
}
