package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The stable tree(s): stable nodes (regular nodes, chains and dups) in parallel arrays indexed by
 * node id, and one red-black tree per NUMA node (one when merging across nodes), ordered by content
 * as memcmp orders pages. The red-black algorithms are the textbook ones Linux implements
 * (successor replaces an erased node with two children), so tree shapes and search paths match.
 */
final class StableNodes {
    static final int NIL = -1;
    /** rmap_hlist_len of a chain */
    static final int CHAIN_LEN = -1024;

    static final byte FREE = 0;
    static final byte REGULAR = 1;
    static final byte CHAIN = 2;
    static final byte DUP = 3;
    static final byte MIGRATING = 4;

    byte[] kind;
    long[] content;
    int[] kpfn;
    /** rmap items (regular node or dup) or {@link #CHAIN_LEN} */
    int[] len;
    /** first rmap item (slot) of a node's hlist, or first dup of a chain */
    int[] first;
    /** dup list of a chain, or the migrate_nodes list */
    int[] next;
    int[] prev;
    int[] chainOf;
    byte[] nid;
    long[] pruneJiffies;
    int[] left;
    int[] right;
    int[] parent;
    boolean[] red;

    final int[] roots;
    int migrateHead = NIL;

    private int top;
    private int[] freeIds = new int[16];
    private int freeCount;

    StableNodes(int capacity, int trees) {
        capacity = Math.max(capacity, 16);
        kind = new byte[capacity];
        content = new long[capacity];
        kpfn = new int[capacity];
        len = new int[capacity];
        first = new int[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        chainOf = new int[capacity];
        nid = new byte[capacity];
        pruneJiffies = new long[capacity];
        left = new int[capacity];
        right = new int[capacity];
        parent = new int[capacity];
        red = new boolean[capacity];
        roots = new int[Math.max(trees, 1)];
        Arrays.fill(roots, NIL);
    }

    int alloc(byte k) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (top == kind.length) {
                grow();
            }
            id = top++;
        }
        kind[id] = k;
        content[id] = 0;
        kpfn[id] = -1;
        len[id] = 0;
        first[id] = NIL;
        next[id] = NIL;
        prev[id] = NIL;
        chainOf[id] = NIL;
        nid[id] = 0;
        pruneJiffies[id] = 0;
        left[id] = NIL;
        right[id] = NIL;
        parent[id] = NIL;
        red[id] = false;
        return id;
    }

    void free(int id) {
        kind[id] = FREE;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = id;
    }

    int highWater() {
        return top;
    }

    private void grow() {
        int n = kind.length * 2;
        kind = Arrays.copyOf(kind, n);
        content = Arrays.copyOf(content, n);
        kpfn = Arrays.copyOf(kpfn, n);
        len = Arrays.copyOf(len, n);
        first = Arrays.copyOf(first, n);
        next = Arrays.copyOf(next, n);
        prev = Arrays.copyOf(prev, n);
        chainOf = Arrays.copyOf(chainOf, n);
        nid = Arrays.copyOf(nid, n);
        pruneJiffies = Arrays.copyOf(pruneJiffies, n);
        left = Arrays.copyOf(left, n);
        right = Arrays.copyOf(right, n);
        parent = Arrays.copyOf(parent, n);
        red = Arrays.copyOf(red, n);
    }

    long heapBytes() {
        return (long) kind.length * (1 + 8 + 4 + 4 + 4 + 4 + 4 + 4 + 1 + 8 + 4 + 4 + 4 + 1);
    }

    // ---- dup list of a chain (hlist: add at head) ----

    void chainAddDupHead(int chain, int dup) {
        kind[dup] = DUP;
        chainOf[dup] = chain;
        prev[dup] = NIL;
        next[dup] = first[chain];
        if (first[chain] != NIL) {
            prev[first[chain]] = dup;
        }
        first[chain] = dup;
    }

    void chainUnlinkDup(int dup) {
        int c = chainOf[dup];
        if (prev[dup] != NIL) {
            next[prev[dup]] = next[dup];
        } else {
            first[c] = next[dup];
        }
        if (next[dup] != NIL) {
            prev[next[dup]] = prev[dup];
        }
        next[dup] = NIL;
        prev[dup] = NIL;
        chainOf[dup] = NIL;
    }

    // ---- migrate_nodes list ----

    void migrateAdd(int id) {
        kind[id] = MIGRATING;
        prev[id] = NIL;
        next[id] = migrateHead;
        if (migrateHead != NIL) {
            prev[migrateHead] = id;
        }
        migrateHead = id;
    }

    void migrateUnlink(int id) {
        if (prev[id] != NIL) {
            next[prev[id]] = next[id];
        } else {
            migrateHead = next[id];
        }
        if (next[id] != NIL) {
            prev[next[id]] = prev[id];
        }
        next[id] = NIL;
        prev[id] = NIL;
    }

    // ---- red-black tree ----

    /** Links {@code n} as a child of {@code p} (left when {@code asLeft}) in tree {@code t} and rebalances. */
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

    /** In-order first node of tree t, or NIL. */
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

    /** In-order successor, or NIL. */
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
