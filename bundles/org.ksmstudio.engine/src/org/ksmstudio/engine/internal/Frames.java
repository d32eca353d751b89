package org.ksmstudio.engine.internal;

import java.util.Arrays;

import org.ksmstudio.engine.scenario.Topology;

/**
 * The physical page frames (struct page / struct folio of an anonymous page), one array slot per
 * frame: content id, map count (folio_mapcount), NUMA node (page_to_nid) and the stable node of a
 * KSM page (folio_stable_node, the "keyhole"), 13 bytes a frame. Frames are mapped and unmapped
 * only through {@link PageSlots}, so a frame's map count is the number of page slots mapping it. A
 * frame whose map count drops to zero is freed and its keyhole cleared, which is how a stale
 * stable node is detected; {@link #staleNodes()} counts those not collected yet.
 * <p>
 * Compact layout: the node column carries two flags besides the node id (at most
 * {@link #MAX_NODES}): "KSM page" and "has a stable node". The content column holds the content
 * id, except for a KSM page with a stable node, where it holds the node id and the content is the
 * stable node's (a KSM page is never written, so both agree), and except for a free frame, where
 * it links the free frames (reused last-freed first).
 */
final class Frames {
    /** frame is a plain anonymous page */
    static final int NOT_KSM = -1;
    /** frame is a KSM page whose stable node is not set yet (folio_set_stable_node(NULL)) */
    static final int KSM_NO_NODE = -2;
    /** NUMA nodes a frame can be on */
    static final int MAX_NODES = Topology.MAX_NODES;
    private static final int NONE = -1;
    private static final int NID_MASK = MAX_NODES - 1;
    /** node column flag: the frame is a KSM page (the sign bit of the byte) */
    private static final int KSM = 0x80;
    /** node column flag: the KSM page has a stable node, whose id is in the content column */
    private static final int HAS_NODE = 0x40;

    private final StableNodes sn;
    /** content id, stable node id, or next free frame */
    private long[] content;
    private int[] mapcount;
    /** NUMA node and flags */
    private byte[] node;
    private int top;
    /** first free frame, its content column holding the next one */
    private int freeHead = NONE;
    private long inUse;
    private long staleNodes;

    Frames(int capacity, StableNodes sn) {
        this.sn = sn;
        capacity = Math.max(capacity, 16);
        content = new long[capacity];
        mapcount = new int[capacity];
        node = new byte[capacity];
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
            if ((node[f] & HAS_NODE) != 0) {
                staleNodes++;
            }
            node[f] = 0;
            content[f] = freeHead;
            freeHead = f;
            inUse--;
        }
    }

    long content(int f) {
        long c = content[f];
        return (node[f] & HAS_NODE) == 0 ? c : sn.content((int) c);
    }

    int mapcount(int f) {
        return mapcount[f];
    }

    int node(int f) {
        return node[f] & NID_MASK;
    }

    /** folio_stable_node: the stable node of a KSM page, {@link #KSM_NO_NODE}, or {@link #NOT_KSM}. */
    int stableNode(int f) {
        int n = node[f];
        if (n >= 0) {
            return NOT_KSM;
        }
        return (n & HAS_NODE) != 0 ? (int) content[f] : KSM_NO_NODE;
    }

    boolean isKsm(int f) {
        return node[f] < 0;
    }

    /** A write into the private page f (its only mapping, not a KSM page): the page holds {@code c} now. */
    void write(int f, long c) {
        if (isKsm(f)) {
            throw new IllegalStateException("frame " + f + ": a KSM page is never written");
        }
        content[f] = c;
    }

    /** migrate_pages / compaction moved the page to node {@code nid} (its frame id stays). */
    void migrate(int f, int nid) {
        node[f] = (byte) ((node[f] & ~NID_MASK) | nid);
    }

    /** folio_set_stable_node(folio, NULL) in try_to_merge_one_page: f becomes a KSM page without node yet. */
    void markKsm(int f) {
        node[f] = (byte) ((node[f] & NID_MASK) | KSM);
    }

    /**
     * folio_set_stable_node: the KSM page f belongs to stable node {@code id}, which holds its
     * content from now on.
     */
    void setStableNode(int f, int id) {
        if (sn.content(id) != content(f)) {
            throw new IllegalStateException("frame " + f + ": stable node " + id + " has another content");
        }
        content[f] = id;
        node[f] = (byte) ((node[f] & NID_MASK) | KSM | HAS_NODE);
    }

    /** The merge of KSM page f failed (cmp_and_merge_page: folio_set_stable_node(kpage, NULL) undone). */
    void clearKsm(int f) {
        if ((node[f] & HAS_NODE) != 0) {
            throw new IllegalStateException("frame " + f + " has a stable node");
        }
        node[f] = (byte) (node[f] & NID_MASK);
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
    }

    long heapBytes() {
        return (long) content.length * (8 + 4 + 1);
    }
}
