package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The unstable tree(s) (struct rb_root root_unstable_tree[]), as an open-addressing table of rmap
 * item slots keyed by the content the page had when inserted and the unstable tree's node id.
 * Entries are never deleted one by one: an entry counts only while its rmap item is still flagged
 * unstable (the kernel erases such items from the tree), and the whole table is emptied at the
 * start of each full scan, as the kernel resets the tree roots. The search is charged to ksmd as
 * the walk of a red-black tree of the entries inserted in this full scan.
 * <p>
 * Each entry has an 8-bit tag of its key's hash beside it, so that a probe past an entry of
 * another key costs one look at the table instead of four cache misses in the rmap item, PTE and
 * frame columns.
 */
final class UnstableTree {
    private static final int EMPTY = -1;

    private final KsmEngine e;
    private final PageSlots slots;
    private final Frames frames;
    private final RmapItems items;
    private final MmSlots mms;
    private final long treeSearchNanos;
    private int[] table = new int[1024];
    private byte[] tag = new byte[1024];
    private int mask = 1023;
    private int used;
    /** nodes inserted since the start of the full scan (the size of the tree) */
    private long inserts;

    UnstableTree(KsmEngine engine, PageSlots slots, Frames frames, RmapItems items, MmSlots mms) {
        this.e = engine;
        this.slots = slots;
        this.frames = frames;
        this.items = items;
        this.mms = mms;
        this.treeSearchNanos = engine.cost.treeSearchNanos();
        Arrays.fill(table, EMPTY);
    }

    /** The start of a full scan: root_unstable_tree[] = RB_ROOT. */
    void reset() {
        if (used > 0) {
            Arrays.fill(table, EMPTY);
            used = 0;
        }
        inserts = 0;
    }

    private static long hash(long content, int nid) {
        return Mix.mix64(content + 0x9E3779B97F4A7C15L * (nid + 1));
    }

    private int home(long hash) {
        return (int) (hash >>> 33) & mask;
    }

    private boolean live(int s) {
        return items.isUnstable(s) && slots.pte(s) >= 0;
    }

    /**
     * unstable_tree_search_insert for the page (frame f) of slot s: the slot of the twin to merge
     * with, or -1 (the item was inserted, or the search gave up).
     */
    int searchInsert(int s, int f) {
        long c = frames.content(f);
        boolean acrossNodes = e.mergeAcrossNodes != 0;
        int nid = acrossNodes ? 0 : frames.node(f);
        if ((used + 1) * 2 > table.length) {
            grow();
        }
        e.clock.charge(treeSearchNanos * (64 - Long.numberOfLeadingZeros(inserts)));
        long h = hash(c, nid);
        byte tg = (byte) h;
        int i = home(h);
        while (true) {
            int t = table[i];
            if (t == EMPTY) {
                break;
            }
            if (tag[i] == tg && live(t) && items.unstableNid(t) == nid) {
                int tf = slots.pte(t);
                if (frames.content(tf) == c) {
                    if (!mms.vmaMergeableAt(t) || tf == f) {
                        return -1;
                    }
                    if (!acrossNodes && frames.node(tf) != nid) {
                        return -1;
                    }
                    return t;
                }
            }
            i = (i + 1) & mask;
        }
        items.unstableInsert(s, nid);
        table[i] = s;
        tag[i] = tg;
        used++;
        inserts++;
        return -1;
    }

    /** Rebuilds the table at twice the size with the live entries. */
    private void grow() {
        int[] old = table;
        table = new int[Math.max(1024, old.length * 2)];
        tag = new byte[table.length];
        Arrays.fill(table, EMPTY);
        mask = table.length - 1;
        used = 0;
        for (int s : old) {
            if (s != EMPTY && live(s)) {
                long h = hash(frames.content(slots.pte(s)), items.unstableNid(s));
                int i = home(h);
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
                tag[i] = (byte) h;
                used++;
            }
        }
    }

    long heapBytes() {
        return (long) table.length * 5;
    }
}
