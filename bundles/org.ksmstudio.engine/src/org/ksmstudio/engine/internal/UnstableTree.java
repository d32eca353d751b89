package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The unstable tree(s), as an open-addressing table of rmap item slots keyed by the content the
 * page had when inserted and the unstable tree's node id. Entries are never deleted one by one:
 * an entry counts only while its rmap item is still flagged unstable in the current scan (the
 * kernel erases such items from the tree), and the whole table is emptied at the start of each
 * full scan, as the kernel resets the tree roots.
 */
final class UnstableTree {
    private static final int EMPTY = -1;
    private int[] table = new int[1024];
    private int mask = 1023;
    private int used;

    /** Index where the probe for (content, nid) starts. */
    int home(long content, int nid) {
        return (int) (Mix.mix64(content + 0x9E3779B97F4A7C15L * (nid + 1)) >>> 33) & mask;
    }

    int mask() {
        return mask;
    }

    int entry(int index) {
        return table[index];
    }

    void insertAt(int index, int slot) {
        table[index] = slot;
        used++;
    }

    boolean needsGrow() {
        return (used + 1) * 2 > table.length;
    }

    /** Rebuilds the table at twice the size with the entries {@code live} accepts, re-keyed by {@code key}. */
    void grow(java.util.function.IntPredicate live, java.util.function.IntToLongFunction key,
            java.util.function.IntUnaryOperator nidOf) {
        int[] old = table;
        int n = old.length * 2;
        while (n < 1024) {
            n *= 2;
        }
        table = new int[n];
        Arrays.fill(table, EMPTY);
        mask = n - 1;
        used = 0;
        for (int s : old) {
            if (s != EMPTY && live.test(s)) {
                int i = home(key.applyAsLong(s), nidOf.applyAsInt(s));
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
                used++;
            }
        }
    }

    void reset() {
        if (used > 0) {
            Arrays.fill(table, EMPTY);
            used = 0;
        }
    }

    UnstableTree() {
        Arrays.fill(table, EMPTY);
    }

    long heapBytes() {
        return (long) table.length * 4;
    }

    static boolean isEmpty(int entry) {
        return entry == EMPTY;
    }
}
