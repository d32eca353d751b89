package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The stable nodes (struct ksm_stable_node), one record of {@link #STRIDE} ints per node id: regular nodes,
 * chains (stable_node_chain: rmap_hlist_len = STABLE_NODE_CHAIN) and their dups
 * (stable_node_dup), and the nodes on the migrate_nodes list; their red-black tree links live in
 * {@link RbForest}. The one place that counts ksm_stable_node_chains and ksm_stable_node_dups: a
 * node's kind changes only through this table, and the counts move with it.
 */
final class StableNodes {
    static final int NIL = -1;
    /** rmap_hlist_len of a chain (STABLE_NODE_CHAIN) */
    static final int CHAIN_LEN = -1024;

    static final byte FREE = 0;
    static final byte REGULAR = 1;
    static final byte CHAIN = 2;
    static final byte DUP = 3;
    static final byte MIGRATING = 4;

    /**
     * ints per node record: 64 bytes, one cache line (the records start {@link #PAD} ints into the
     * array, past its 16-byte header, so that a large array, which the garbage collector places at
     * the start of a region, has them on line boundaries); a tree walk reads one line per node
     * instead of one per column
     */
    static final int STRIDE = 16;
    /** ints before the first record: 16 bytes of array header + 48 = 64 */
    static final int PAD = 12;
    /** most node ids the records can index */
    static final int MAX_NODES = (Integer.MAX_VALUE - 16 - PAD) / STRIDE;
    // CONTENT (and CONTENT + 1: the long content id); 2, 3, 12, 13 RbForest's links and colour
    private static final int CONTENT = 0;
    /** the kind in the low {@link #KIND_BITS} bits; a dup's chain above them */
    private static final int KIND = 4;
    private static final int KIND_BITS = 3;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;
    /** first rmap item (slot) of a node's hlist, or first dup of a chain */
    private static final int FIRST = 5;
    /** rmap items of a regular node or dup; of a chain, the dups its last walk visited (0: none remembered) */
    private static final int LEN = 6;
    /** dup list of a chain, or the migrate_nodes list; of a chain, the dup its last walk found */
    private static final int NEXT = 7;
    private static final int KPFN = 8;
    private static final int PREV = 9;
    private static final int NID = 10;
    private static final int PRUNE_JIFFIES = 14; // and 15

    /** one record per node id, at {@link #at} */
    private int[] r;
    private int capacity;
    /** the red-black trees, one per NUMA node */
    final RbForest tree;
    private int migrateHead = NIL;
    private final long[] kindCount = new long[5];

    private int top;
    private int[] freeIds = new int[16];
    private int freeCount;

    StableNodes(int capacity, int trees) {
        this.capacity = Math.max(capacity, 16);
        r = new int[at(this.capacity)];
        tree = new RbForest(r, trees);
    }

    private int alloc(byte k) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (top == capacity) {
                grow();
            }
            id = top++;
        }
        setKind(id, k);
        int b = at(id);
        setContent(id, 0);
        r[b + KPFN] = -1;
        r[b + LEN] = 0;
        r[b + FIRST] = NIL;
        r[b + NEXT] = NIL;
        r[b + PREV] = NIL;
        r[b + NID] = 0;
        setPruneJiffies(id, 0);
        tree.clear(id);
        return id;
    }

    /** The index of node {@code id}'s record in the array. */
    static int at(int id) {
        return PAD + id * STRIDE;
    }

    private void setKind(int id, byte k) {
        kindCount[kind(id)]--;
        kindCount[k]++;
        r[at(id) + KIND] = k;
    }

    private void setContent(int id, long c) {
        int b = at(id) + CONTENT;
        r[b] = (int) c;
        r[b + 1] = (int) (c >>> 32);
    }

    /**
     * alloc_stable_node for KSM page {@code kf} of content {@code c} in tree {@code t}; the caller
     * links it into the tree or a chain.
     */
    int allocNode(int kf, long c, int t) {
        int id = alloc(REGULAR);
        r[at(id) + KPFN] = kf;
        setContent(id, c);
        setNid(id, t);
        return id;
    }

    /**
     * alloc_stable_node_chain: a chain takes the place of regular node {@code dup} in tree
     * {@code t}, and {@code dup} becomes its first dup.
     */
    int allocChain(int dup, int t, long jiffies) {
        int chain = alloc(CHAIN);
        setPruneJiffies(chain, jiffies);
        setNid(chain, t);
        setContent(chain, content(dup));
        tree.replace(t, dup, chain);
        chainAddDupHead(chain, dup);
        return chain;
    }

    /** free_stable_node (a chain's: free_stable_node_chain). */
    void free(int id) {
        setKind(id, FREE);
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = id;
    }

    int highWater() {
        return top;
    }

    private void grow() {
        if (capacity == MAX_NODES) {
            throw new IllegalStateException("more than " + MAX_NODES + " stable nodes");
        }
        capacity = (int) Math.min(2L * capacity, MAX_NODES);
        r = Arrays.copyOf(r, at(capacity));
        tree.records(r);
    }

    long heapBytes() {
        return (long) r.length * 4;
    }

    // ---- columns ----

    byte kind(int id) {
        return (byte) (r[at(id) + KIND] & KIND_MASK);
    }

    long content(int id) {
        int b = at(id) + CONTENT;
        return (r[b] & 0xFFFF_FFFFL) | (long) r[b + 1] << 32;
    }

    /** The KSM page frame of a regular node or dup. */
    int kpfn(int id) {
        return r[at(id) + KPFN];
    }

    /** rmap_hlist_len ({@link #CHAIN_LEN} for a chain) */
    int len(int id) {
        return kind(id) == CHAIN ? CHAIN_LEN : r[at(id) + LEN];
    }

    /** First rmap item of a node's hlist, or first dup of a chain. */
    int first(int id) {
        return r[at(id) + FIRST];
    }

    /** Next dup of the same chain, or next node of the migrate_nodes list. */
    int next(int id) {
        return r[at(id) + NEXT];
    }

    /** The tree a node is in (stable_node->nid). */
    int nid(int id) {
        return r[at(id) + NID];
    }

    void setNid(int id, int t) {
        r[at(id) + NID] = t;
    }

    long pruneJiffies(int id) {
        int b = at(id) + PRUNE_JIFFIES;
        return (r[b] & 0xFFFF_FFFFL) | (long) r[b + 1] << 32;
    }

    void setPruneJiffies(int id, long j) {
        int b = at(id) + PRUNE_JIFFIES;
        r[b] = (int) j;
        r[b + 1] = (int) (j >>> 32);
    }

    /** The node's hlist now starts with item {@code firstItem} and has {@code delta} more items (RmapItems). */
    void setHlist(int id, int firstItem, int delta) {
        int b = at(id);
        r[b + FIRST] = firstItem;
        r[b + LEN] += delta;
        if ((r[b + KIND] & KIND_MASK) == DUP) {
            forgetWalk(r[b + KIND] >>> KIND_BITS);
        }
    }

    // ---- the walk of a chain's dups, remembered while nothing it read changes ----

    /**
     * Dups the last remembered walk of chain {@code chain} visited (see {@link #rememberWalk}), 0 when
     * none is remembered.
     */
    int walkVisits(int chain) {
        return r[at(chain) + LEN];
    }

    /** The dup the remembered walk of {@code chain} found. */
    int walkDup(int chain) {
        return r[at(chain) + NEXT];
    }

    /**
     * Remembers that a walk of chain {@code chain} that stops at the first sharing candidate visited
     * {@code visits} dups and found {@code dup}: true again until a dup joins or leaves the chain or
     * an rmap item joins or leaves one of its dups (the only state that walk reads besides
     * max_page_sharing and staleness, which {@link StableTree} checks).
     */
    void rememberWalk(int chain, int visits, int dup) {
        r[at(chain) + LEN] = visits;
        r[at(chain) + NEXT] = dup;
    }

    private void forgetWalk(int chain) {
        r[at(chain) + LEN] = 0;
    }

    /** Forgets the remembered walk of every chain (max_page_sharing changed). */
    void forgetWalks() {
        for (int id = 0; id < top; id++) {
            if (kind(id) == CHAIN) {
                forgetWalk(id);
            }
        }
    }

    /** ksm_stable_node_chains */
    long chains() {
        return kindCount[CHAIN];
    }

    /** ksm_stable_node_dups */
    long dups() {
        return kindCount[DUP];
    }

    // ---- dup list of a chain (hlist: add at head) ----

    private void setNext(int id, int v) {
        r[at(id) + NEXT] = v;
    }

    private void setPrev(int id, int v) {
        r[at(id) + PREV] = v;
    }

    private int prev(int id) {
        return r[at(id) + PREV];
    }

    /** stable_node_chain_add_dup: {@code dup} becomes the chain's first dup. */
    void chainAddDupHead(int chain, int dup) {
        setKind(dup, DUP);
        r[at(dup) + KIND] |= chain << KIND_BITS;
        forgetWalk(chain);
        int head = first(chain);
        setPrev(dup, NIL);
        setNext(dup, head);
        if (head != NIL) {
            setPrev(head, dup);
        }
        r[at(chain) + FIRST] = dup;
    }

    /** __stable_node_dup_del: {@code dup} leaves its chain (a regular node, in no tree, after). */
    void chainUnlinkDup(int dup) {
        int c = r[at(dup) + KIND] >>> KIND_BITS;
        forgetWalk(c);
        int p = prev(dup);
        int n = next(dup);
        if (p != NIL) {
            setNext(p, n);
        } else {
            r[at(c) + FIRST] = n;
        }
        if (n != NIL) {
            setPrev(n, p);
        }
        setNext(dup, NIL);
        setPrev(dup, NIL);
        setKind(dup, REGULAR);
    }

    // ---- migrate_nodes list ----

    int migrateHead() {
        return migrateHead;
    }

    /** list_add(&stable_node->list, &migrate_nodes) */
    void migrateAdd(int id) {
        setKind(id, MIGRATING);
        setPrev(id, NIL);
        setNext(id, migrateHead);
        if (migrateHead != NIL) {
            setPrev(migrateHead, id);
        }
        migrateHead = id;
    }

    /** list_del(&stable_node->list): the node is a regular node in no tree after. */
    void migrateUnlink(int id) {
        int p = prev(id);
        int n = next(id);
        if (p != NIL) {
            setNext(p, n);
        } else {
            migrateHead = n;
        }
        if (n != NIL) {
            setPrev(n, p);
        }
        setNext(id, NIL);
        setPrev(id, NIL);
        setKind(id, REGULAR);
    }
}
