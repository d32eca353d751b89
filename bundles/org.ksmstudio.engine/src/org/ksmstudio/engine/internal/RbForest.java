package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The red-black trees of the stable tree(s) (struct rb_root root_stable_tree[], and the struct
 * rb_node of every stable node in parallel columns indexed by stable node id). The algorithms are
 * the textbook ones lib/rbtree.c implements (the successor replaces an erased node with two
 * children), so tree shapes and search paths match the kernel's. Owned by {@link StableNodes}.
 */
final class RbForest {
    private static final int NIL = StableNodes.NIL;

    private int[] left;
    private int[] right;
    private int[] parent;
    private boolean[] red;
    private final int[] roots;

    RbForest(int capacity, int trees) {
        left = new int[capacity];
        right = new int[capacity];
        parent = new int[capacity];
        red = new boolean[capacity];
        roots = new int[Math.max(trees, 1)];
        Arrays.fill(roots, NIL);
    }

    void grow(int n) {
        left = Arrays.copyOf(left, n);
        right = Arrays.copyOf(right, n);
        parent = Arrays.copyOf(parent, n);
        red = Arrays.copyOf(red, n);
    }

    /** RB_CLEAR_NODE: node {@code id} is in no tree. */
    void clear(int id) {
        left[id] = NIL;
        right[id] = NIL;
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
        return left[n];
    }

    int right(int n) {
        return right[n];
    }

    long heapBytes() {
        return (long) left.length * (4 + 4 + 4 + 1);
    }

    // ---- red-black tree ----

    /**
     * rb_link_node + rb_insert_color: links {@code n} as a child of {@code p} (left when
     * {@code asLeft}) in tree {@code t} and rebalances.
     */
    void link(int t, int n, int p, boolean asLeft) {
        parent[n] = p;
        left[n] = NIL;
        right[n] = NIL;
        red[n] = true;
        if (p == NIL) {
            roots[t] = n;
        } else if (asLeft) {
            left[p] = n;
        } else {
            right[p] = n;
        }
        insertFixup(t, n);
    }

    /** rb_replace_node: {@code repl} takes {@code victim}'s place, links and colour. */
    void replace(int t, int victim, int repl) {
        int p = parent[victim];
        parent[repl] = p;
        left[repl] = left[victim];
        right[repl] = right[victim];
        red[repl] = red[victim];
        if (left[repl] != NIL) {
            parent[left[repl]] = repl;
        }
        if (right[repl] != NIL) {
            parent[right[repl]] = repl;
        }
        if (p == NIL) {
            roots[t] = repl;
        } else if (left[p] == victim) {
            left[p] = repl;
        } else {
            right[p] = repl;
        }
        left[victim] = NIL;
        right[victim] = NIL;
        parent[victim] = NIL;
    }

    private boolean isRed(int n) {
        return n != NIL && red[n];
    }

    private void rotateLeft(int t, int x) {
        int y = right[x];
        right[x] = left[y];
        if (left[y] != NIL) {
            parent[left[y]] = x;
        }
        parent[y] = parent[x];
        if (parent[x] == NIL) {
            roots[t] = y;
        } else if (x == left[parent[x]]) {
            left[parent[x]] = y;
        } else {
            right[parent[x]] = y;
        }
        left[y] = x;
        parent[x] = y;
    }

    private void rotateRight(int t, int x) {
        int y = left[x];
        left[x] = right[y];
        if (right[y] != NIL) {
            parent[right[y]] = x;
        }
        parent[y] = parent[x];
        if (parent[x] == NIL) {
            roots[t] = y;
        } else if (x == right[parent[x]]) {
            right[parent[x]] = y;
        } else {
            left[parent[x]] = y;
        }
        right[y] = x;
        parent[x] = y;
    }

    private void insertFixup(int t, int z) {
        while (isRed(parent[z])) {
            int p = parent[z];
            int g = parent[p];
            if (p == left[g]) {
                int u = right[g];
                if (isRed(u)) {
                    red[p] = false;
                    red[u] = false;
                    red[g] = true;
                    z = g;
                } else {
                    if (z == right[p]) {
                        z = p;
                        rotateLeft(t, z);
                        p = parent[z];
                        g = parent[p];
                    }
                    red[p] = false;
                    red[g] = true;
                    rotateRight(t, g);
                }
            } else {
                int u = left[g];
                if (isRed(u)) {
                    red[p] = false;
                    red[u] = false;
                    red[g] = true;
                    z = g;
                } else {
                    if (z == left[p]) {
                        z = p;
                        rotateRight(t, z);
                        p = parent[z];
                        g = parent[p];
                    }
                    red[p] = false;
                    red[g] = true;
                    rotateLeft(t, g);
                }
            }
        }
        red[roots[t]] = false;
    }

    private void transplant(int t, int u, int v) {
        int p = parent[u];
        if (p == NIL) {
            roots[t] = v;
        } else if (u == left[p]) {
            left[p] = v;
        } else {
            right[p] = v;
        }
        if (v != NIL) {
            parent[v] = p;
        }
    }

    /** rb_erase of {@code z} from tree {@code t}. */
    void erase(int t, int z) {
        int y = z;
        boolean yWasRed = red[y];
        int x;
        int xParent;
        if (left[z] == NIL) {
            x = right[z];
            xParent = parent[z];
            transplant(t, z, right[z]);
        } else if (right[z] == NIL) {
            x = left[z];
            xParent = parent[z];
            transplant(t, z, left[z]);
        } else {
            y = right[z];
            while (left[y] != NIL) {
                y = left[y];
            }
            yWasRed = red[y];
            x = right[y];
            if (parent[y] == z) {
                xParent = y;
            } else {
                xParent = parent[y];
                transplant(t, y, right[y]);
                right[y] = right[z];
                parent[right[y]] = y;
            }
            transplant(t, z, y);
            left[y] = left[z];
            parent[left[y]] = y;
            red[y] = red[z];
        }
        left[z] = NIL;
        right[z] = NIL;
        parent[z] = NIL;
        if (!yWasRed) {
            eraseFixup(t, x, xParent);
        }
    }

    private void eraseFixup(int t, int x, int xParent) {
        while (x != roots[t] && !isRed(x)) {
            if (x == left[xParent]) {
                int w = right[xParent];
                if (isRed(w)) {
                    red[w] = false;
                    red[xParent] = true;
                    rotateLeft(t, xParent);
                    w = right[xParent];
                }
                if (!isRed(left[w]) && !isRed(right[w])) {
                    red[w] = true;
                    x = xParent;
                    xParent = parent[x];
                } else {
                    if (!isRed(right[w])) {
                        red[left[w]] = false;
                        red[w] = true;
                        rotateRight(t, w);
                        w = right[xParent];
                    }
                    red[w] = red[xParent];
                    red[xParent] = false;
                    red[right[w]] = false;
                    rotateLeft(t, xParent);
                    x = roots[t];
                    xParent = NIL;
                }
            } else {
                int w = left[xParent];
                if (isRed(w)) {
                    red[w] = false;
                    red[xParent] = true;
                    rotateRight(t, xParent);
                    w = left[xParent];
                }
                if (!isRed(right[w]) && !isRed(left[w])) {
                    red[w] = true;
                    x = xParent;
                    xParent = parent[x];
                } else {
                    if (!isRed(left[w])) {
                        red[right[w]] = false;
                        red[w] = true;
                        rotateLeft(t, w);
                        w = left[xParent];
                    }
                    red[w] = red[xParent];
                    red[xParent] = false;
                    red[left[w]] = false;
                    rotateRight(t, xParent);
                    x = roots[t];
                    xParent = NIL;
                }
            }
        }
        if (x != NIL) {
            red[x] = false;
        }
    }

    /** rb_first: in-order first node of tree t, or NIL. */
    int firstInTree(int t) {
        int n = roots[t];
        if (n == NIL) {
            return NIL;
        }
        while (left[n] != NIL) {
            n = left[n];
        }
        return n;
    }

    /** rb_next: in-order successor, or NIL. */
    int nextInTree(int n) {
        if (right[n] != NIL) {
            n = right[n];
            while (left[n] != NIL) {
                n = left[n];
            }
            return n;
        }
        int p = parent[n];
        while (p != NIL && n == right[p]) {
            n = p;
            p = parent[p];
        }
        return p;
    }
}
