package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The physical page frames (struct page / struct folio of an anonymous page), one array slot per
 * frame: content id, map count (folio_mapcount), NUMA node (page_to_nid) and the stable node of a
 * KSM page (folio_stable_node, the "keyhole"). Frames are mapped and unmapped only through
 * {@link PageSlots}, so a frame's map count is the number of page slots mapping it. A frame whose
 * map count drops to zero is freed and its keyhole cleared, which is how a stale stable node is
 * detected; {@link #staleNodes()} counts those not collected yet. Free frames are chained through
 * their content column (no free list of its own), reused last-freed first.
 */
final class Frames {
    /** frame is a plain anonymous page */
    static final int NOT_KSM = -1;
    /** frame is a KSM page whose stable node is not set yet (folio_set_stable_node(NULL)) */
    static final int KSM_NO_NODE = -2;
    private static final int NONE = -1;

    private long[] content;
    private int[] mapcount;
    private byte[] node;
    private int[] stable;
    private int top;
    /** first free frame, its content column holding the next one */
    private int freeHead = NONE;
    private long inUse;
    private long staleNodes;

    Frames(int capacity) {
        capacity = Math.max(capacity, 16);
        content = new long[capacity];
        mapcount = new int[capacity];
        node = new byte[capacity];
        stable = new int[capacity];
    }

    /** alloc_page on node {@code nid} holding content {@code c}, not mapped yet (map count 0). */
    int alloc(long c, int nid) {
        int f;
        if (freeHead != NONE) {
            f = freeHead;
            freeHead = (int) content[f];
        } else {
            if (top == content.length) {
                grow();
            }
            f = top++;
        }
        content[f] = c;
        mapcount[f] = 0;
        node[f] = (byte) nid;
        stable[f] = NOT_KSM;
        inUse++;
        return f;
    }

    /** One more mapping of frame f (folio_add_anon_rmap / folio_dup_rmap); called by PageSlots. */
    void get(int f) {
        mapcount[f]++;
    }

    /** folio_remove_rmap + folio_put: drops one mapping; frees the frame when none is left. */
    void put(int f) {
        if (--mapcount[f] == 0) {
            if (stable[f] >= 0) {
                staleNodes++;
            }
            stable[f] = NOT_KSM;
            content[f] = freeHead;
            freeHead = f;
            inUse--;
        }
    }

    long content(int f) {
        return content[f];
    }

    int mapcount(int f) {
        return mapcount[f];
    }

    int node(int f) {
        return node[f];
    }

    /** folio_stable_node: the stable node of a KSM page, {@link #KSM_NO_NODE}, or {@link #NOT_KSM}. */
    int stableNode(int f) {
        return stable[f];
    }

    boolean isKsm(int f) {
        return stable[f] != NOT_KSM;
    }

    /** A write into the private page f (its only mapping): the page holds {@code c} now. */
    void write(int f, long c) {
        content[f] = c;
    }

    /** migrate_pages / compaction moved the page to node {@code nid} (its frame id stays). */
    void migrate(int f, int nid) {
        node[f] = (byte) nid;
    }

    /** folio_set_stable_node(folio, NULL) in try_to_merge_one_page: f becomes a KSM page without node yet. */
    void markKsm(int f) {
        stable[f] = KSM_NO_NODE;
    }

    /** folio_set_stable_node: the KSM page f belongs to stable node {@code id}. */
    void setStableNode(int f, int id) {
        stable[f] = id;
    }

    /** The merge of KSM page f failed (cmp_and_merge_page: folio_set_stable_node(kpage, NULL) undone). */
    void clearKsm(int f) {
        stable[f] = NOT_KSM;
    }

    /** Stable nodes whose KSM page was freed and that are not removed from the tree yet. */
    long staleNodes() {
        return staleNodes;
    }

    /** A stale stable node was removed (remove_node_from_stable_tree). */
    void staleNodeRemoved() {
        staleNodes--;
    }

    /** Frames in use (mapped at least once, or allocated and not mapped yet). */
    long inUse() {
        return inUse;
    }

    /** Frame ids below this have been allocated at some point. */
    int highWater() {
        return top;
    }

    private void grow() {
        int n = content.length + (content.length >> 1) + 16;
        content = Arrays.copyOf(content, n);
        mapcount = Arrays.copyOf(mapcount, n);
        node = Arrays.copyOf(node, n);
        stable = Arrays.copyOf(stable, n);
    }

    long heapBytes() {
        return (long) content.length * (8 + 4 + 1 + 4);
    }
}
