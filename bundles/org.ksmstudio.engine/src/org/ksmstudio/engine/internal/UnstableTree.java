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
 * An entry is one long: the high half of its key's hash beside the slot (plus one; 0 is empty), so that a
 * probe past an entry of another key costs one look at the table instead of four cache misses in the
 * rmap item, PTE and frame columns, and a probe is one random access, not one in each of two columns.
 * The table grows at three quarters full: linear probing stays within a cache line or two there. An insert
 * takes the place of an entry of the same key whose item has left the tree, which a probe passes anyway: the
 * pages of one content merged into dup after dup would otherwise leave a run of such entries that every later
 * probe for that content walks (a quadratic cost in the dups made in one full scan).
 */
final class UnstableTree {
    private static final long EMPTY = 0L;
    private static final long LOW = 0xffff_ffffL;

    private final KsmEngine e;
    private final PageSlots slots;
    private final Frames frames;
    private final RmapItems items;
    private final MmSlots mms;
    private final long treeSearchNanos;
    /** (hash >>> 32) << 32 | slot + 1 per entry, or {@link #EMPTY} */
    private long[] table = new long[1024];
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

    private static long entry(long hash, int s) {
        return hash & ~LOW | s + 1;
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
        if ((used + 1L) * 4 > table.length * 3L) {
            grow();
        }
        e.clock.charge(treeSearchNanos * (64 - Long.numberOfLeadingZeros(inserts)));
        long h = hash(c, nid);
        long key = h & ~LOW;
        int i = home(h);
        int reuse = -1;
        while (true) {
            long en = table[i];
            if (en == EMPTY) {
                break;
            }
            int t = (int) en - 1;
            if ((en & ~LOW) == key) {
                if (!items.isUnstable(t)) {
                    // an item the kernel erased from the tree (merged, or removed): its entry takes the new one, so
                    // that the entries of one content merged again and again do not lengthen every later probe
                    if (reuse < 0) {
                        reuse = i;
                    }
                } else if (live(t) && items.unstableNid(t) == nid) {
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
            }
            i = (i + 1) & mask;
        }
        items.unstableInsert(s, nid);
        if (reuse >= 0) {
            table[reuse] = entry(h, s);
        } else {
            table[i] = entry(h, s);
            used++;
        }
        inserts++;
        return -1;
    }

    /** Reads the table entry a probe for content c in tree nid starts at ({@link ScanLookahead}); changes nothing. */
    long touch(long c, int nid) {
        return table[home(hash(c, nid))];
    }

    /** Rebuilds the table at twice the size with the live entries. */
    private void grow() {
        long[] old = table;
        table = new long[Math.max(1024, old.length * 2)];
        mask = table.length - 1;
        used = 0;
        for (long en : old) {
            if (en != EMPTY && live((int) en - 1)) {
                int i = home(en);
                while (table[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[i] = en;
                used++;
            }
        }
    }

    long heapBytes() {
        return (long) table.length * 8;
    }
}
