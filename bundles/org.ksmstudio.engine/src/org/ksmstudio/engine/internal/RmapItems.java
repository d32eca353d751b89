package org.ksmstudio.engine.internal;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The rmap items (struct ksm_rmap_item), at most one per page slot, in columns indexed by slot:
 * flags, oldchecksum, the unstable tree's nid, the stable node (head) and the links of its hlist,
 * and smart_scan's age and skips ({@link SmartScan}): 19 bytes a slot, 18 while every unstable
 * tree item is in tree 0 (the nid column is made on the first insertion into another tree), plus
 * 4 bytes for each int column of state the run's patch asked for (zeroed by alloc_rmap_item).
 * The one place that counts them: ksm_rmap_items, ksm_pages_shared, ksm_pages_sharing,
 * ksm_pages_unshared, ksm_pages_skipped, and per mm mm_slot->rmap_items and mm->ksm_merging_pages;
 * each count moves only with the state it counts, in the methods below.
 * The head and length of a stable node's hlist live in {@link StableNodes}, written from here.
 */
final class RmapItems {
    private static final int NIL = StableNodes.NIL;
    /** flag: the slot has an rmap item */
    private static final byte HAS_ITEM = 1;
    /** flag: STABLE_FLAG, the item is on a stable node's hlist */
    private static final byte STABLE = 2;
    /** flag: UNSTABLE_FLAG, the item is in the unstable tree */
    private static final byte UNSTABLE = 4;
    /**
     * flag: the page mapped at the slot sits in a per-CPU LRU add batch (extra reference:
     * write_protect_page refuses it) until lru_add_drain_all(); kept across rmap item alloc/free
     */
    private static final byte LRU_HELD = 8;

    private final PageSlots slots;
    private final StableNodes sn;
    private final SmartScan smart;
    private byte[] flags;
    private int[] oldChecksum;
    /** null while every item was inserted in unstable tree 0 */
    private byte @Nullable [] nid;
    private int[] head;
    private int[] hnext;
    private int[] hprev;
    /** the patch's int columns per rmap item ({@link org.ksmstudio.engine.patch.KsmPatch#itemColumns()}) */
    private final int[][] patchState;

    private long rmapItems;
    private long pagesSkipped;
    private long pagesShared;
    private long pagesSharing;
    private long pagesUnshared;
    /** see {@link #counterWrites()} */
    private long counterWrites;
    private long[] mmItems = new long[16];
    private long[] mmMerging = new long[16];

    RmapItems(PageSlots slots, StableNodes sn, int capacity, int patchColumns) {
        this.slots = slots;
        this.sn = sn;
        this.smart = new SmartScan(capacity);
        flags = new byte[capacity];
        oldChecksum = new int[capacity];
        head = new int[capacity];
        hnext = new int[capacity];
        hprev = new int[capacity];
        patchState = new int[patchColumns][capacity];
    }

    /** Grows the columns to the page slots' capacity and the per-mm counts to their mms. */
    void fitSlots() {
        int cap = slots.capacity();
        if (cap > flags.length) {
            flags = Arrays.copyOf(flags, cap);
            oldChecksum = Arrays.copyOf(oldChecksum, cap);
            if (nid != null) {
                nid = Arrays.copyOf(nid, cap);
            }
            head = Arrays.copyOf(head, cap);
            hnext = Arrays.copyOf(hnext, cap);
            hprev = Arrays.copyOf(hprev, cap);
            smart.grow(cap);
            for (int c = 0; c < patchState.length; c++) {
                patchState[c] = Arrays.copyOf(patchState[c], cap);
            }
        }
        if (slots.mmCount() > mmItems.length) {
            mmItems = Arrays.copyOf(mmItems, slots.mmCount() * 2);
            mmMerging = Arrays.copyOf(mmMerging, slots.mmCount() * 2);
        }
    }

    // ---- item life ----

    boolean hasItem(int s) {
        return (flags[s] & HAS_ITEM) != 0;
    }

    /** alloc_rmap_item for slot s: no checksum yet, young, in no tree. */
    void alloc(int s) {
        flags[s] = (byte) (HAS_ITEM | (flags[s] & LRU_HELD));
        oldChecksum[s] = 0;
        smart.reset(s);
        for (int[] column : patchState) {
            column[s] = 0;
        }
        head[s] = NIL;
        rmapItems++;
        counterWrites++;
        mmItems[slots.owner(s)]++;
    }

    /** free_rmap_item; the item must be out of both trees (remove_rmap_item_from_tree first). */
    void free(int s) {
        if ((flags[s] & (STABLE | UNSTABLE)) != 0) {
            throw inTree(s);
        }
        flags[s] = (byte) (flags[s] & LRU_HELD);
        rmapItems--;
        counterWrites++;
        mmItems[slots.owner(s)]--;
    }

    private static IllegalStateException inTree(int s) {
        return new IllegalStateException("rmap item " + s + " freed while in a tree");
    }

    int oldChecksum(int s) {
        return oldChecksum[s];
    }

    void setOldChecksum(int s, int checksum) {
        oldChecksum[s] = checksum;
    }

    /** should_skip_rmap_item's aging of an unmerged page; true when this scan skips it. */
    boolean smartScanSkips(int s) {
        return smart.skip(s);
    }

    /** should_skip_rmap_item decided to skip the item (out of both trees): ksm_pages_skipped++. */
    void skipped(int s) {
        if ((flags[s] & (STABLE | UNSTABLE)) != 0) {
            throw inTree(s);
        }
        pagesSkipped++;
    }

    /** Column {@code c} of the patch's state of rmap item s. */
    int patchState(int c, int s) {
        return patchState[c][s];
    }

    void setPatchState(int c, int s, int value) {
        patchState[c][s] = value;
    }

    // ---- stable tree: the hlist of a stable node ----

    boolean isStable(int s) {
        return (flags[s] & STABLE) != 0;
    }

    /** The stable node (dup) an item is on (rmap_item->head), NIL when it is on none. */
    int head(int s) {
        return head[s];
    }

    /** Next item on the same stable node's hlist, or NIL. */
    int next(int s) {
        return hnext[s];
    }

    /** Reads the hlist link that {@link #stableAppend} before item s writes ({@link ScanLookahead}). */
    int hprevTouch(int s) {
        return hprev[s];
    }

    /**
     * stable_tree_append: puts the item at the head of the node's hlist; the node's first item is a
     * page shared, every further one a page sharing (and a merging page of the item's mm).
     */
    void stableAppend(int s, int node) {
        int first = sn.first(node);
        head[s] = node;
        flags[s] |= STABLE;
        hprev[s] = NIL;
        hnext[s] = first;
        if (first != NIL) {
            hprev[first] = s;
            pagesSharing++;
        } else {
            pagesShared++;
        }
        counterWrites++;
        sn.setHlist(node, s, +1);
        mmMerging[slots.owner(s)]++;
    }

    /** The stable half of remove_rmap_item_from_tree: hlist_del and the counts it undoes. */
    void stableUnlink(int s) {
        int node = head[s];
        int p = hprev[s];
        int n = hnext[s];
        int first = sn.first(node);
        if (p != NIL) {
            hnext[p] = n;
        } else {
            first = n;
        }
        if (n != NIL) {
            hprev[n] = p;
        }
        if (first != NIL) {
            pagesSharing--;
        } else {
            pagesShared--;
        }
        counterWrites++;
        sn.setHlist(node, first, -1);
        mmMerging[slots.owner(s)]--;
        hnext[s] = NIL;
        hprev[s] = NIL;
        head[s] = NIL;
        flags[s] = (byte) (flags[s] & ~STABLE);
    }

    // ---- unstable tree ----

    boolean isUnstable(int s) {
        return (flags[s] & UNSTABLE) != 0;
    }

    /** The unstable tree (node id) the item was inserted in. */
    int unstableNid(int s) {
        return nid == null ? 0 : nid[s];
    }

    /** unstable_tree_search_insert's insertion: the item is in unstable tree {@code treeNid}. */
    void unstableInsert(int s, int treeNid) {
        flags[s] |= UNSTABLE;
        if (nid == null && treeNid != 0) {
            nid = new byte[flags.length];
        }
        if (nid != null) {
            nid[s] = (byte) treeNid;
        }
        pagesUnshared++;
        counterWrites++;
    }

    /** The unstable half of remove_rmap_item_from_tree. */
    void unstableUnlink(int s) {
        flags[s] = (byte) (flags[s] & ~UNSTABLE);
        pagesUnshared--;
        counterWrites++;
    }

    // ---- per-CPU LRU add batch ----

    boolean isLruHeld(int s) {
        return (flags[s] & LRU_HELD) != 0;
    }

    /** The page at slot s waits in an LRU add batch; false when it did already. */
    boolean holdInLru(int s) {
        if ((flags[s] & LRU_HELD) != 0) {
            return false;
        }
        flags[s] |= LRU_HELD;
        return true;
    }

    void releaseFromLru(int s) {
        flags[s] = (byte) (flags[s] & ~LRU_HELD);
    }

    // ---- counts ----

    /**
     * Changes of this table's counters so far, only ever growing: the convergence check compares the
     * counters only after this moved ({@link CounterReadout#counterWrites}).
     */
    long counterWrites() {
        return counterWrites;
    }

    /** ksm_rmap_items */
    long rmapItems() {
        return rmapItems;
    }

    /** ksm_pages_shared: stable nodes with at least one item */
    long pagesShared() {
        return pagesShared;
    }

    /** ksm_pages_sharing: items beyond the first of each stable node */
    long pagesSharing() {
        return pagesSharing;
    }

    /** ksm_pages_unshared: items in the unstable tree */
    long pagesUnshared() {
        return pagesUnshared;
    }

    /** ksm_pages_skipped */
    long pagesSkipped() {
        return pagesSkipped;
    }

    /** mm_slot->rmap_items of mm {@code mmIndex} */
    long rmapItems(int mmIndex) {
        return mmItems[mmIndex];
    }

    /** mm->ksm_merging_pages of mm {@code mmIndex} */
    long mergingPages(int mmIndex) {
        return mmMerging[mmIndex];
    }

    long heapBytes() {
        byte @Nullable [] nodes = nid;
        return (long) flags.length * (1 + 4 + 4 + 4 + 4 + 4L * patchState.length) + (nodes == null ? 0 : nodes.length)
                + smart.heapBytes();
    }
}
