package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The stable nodes (struct ksm_stable_node) in parallel columns indexed by node id: regular nodes,
 * chains (stable_node_chain: rmap_hlist_len = STABLE_NODE_CHAIN) and their dups
 * (stable_node_dup), and the nodes on the migrate_nodes list; their red-black tree links live in
 * {@link RbForest}. The one place that counts ksm_stable_node_chains and ksm_stable_node_dups: a
 * node's kind changes only through this table, and the counts move with it. A chain also
 * remembers its last walk of the dups ({@link #rememberWalk}).
 * <p>
 * Columns, not one record per node: a tree step of stable_tree_search reads the kind, the content
 * and one link, each a dense column that stays in the cache for trees of thousands of nodes (a
 * 64-byte record per node measured 15 % slower at 1 M pages and no faster at 16 M,
 * docs/performance.md).
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

    private byte[] kind;
    private long[] content;
    private int[] kpfn;
    /** rmap items (regular node or dup) or {@link #CHAIN_LEN} */
    private int[] len;
    /** first rmap item (slot) of a node's hlist, or first dup of a chain */
    private int[] first;
    /** dup list of a chain, or the migrate_nodes list */
    private int[] next;
    private int[] prev;
    /** the chain of a dup */
    private int[] chainOf;
    private byte[] nid;
    private long[] pruneJiffies;
    /** of a chain: the dups its remembered walk visited (0: none remembered) */
    private int[] walkVisits;
    /** of a chain: the dup its remembered walk found */
    private int[] walkDup;
    /** the red-black trees, one per NUMA node */
    final RbForest tree;
    private int migrateHead = NIL;
    private final long[] kindCount = new long[5];
    /** see {@link #counterWrites()} */
    private long counterWrites;

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
        walkVisits = new int[capacity];
        walkDup = new int[capacity];
        tree = new RbForest(capacity, trees);
    }

    private int alloc(byte k) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (top == kind.length) {
                grow();
            }
            id = top++;
        }
        setKind(id, k);
        content[id] = 0;
        kpfn[id] = -1;
        len[id] = 0;
        first[id] = NIL;
        next[id] = NIL;
        prev[id] = NIL;
        chainOf[id] = NIL;
        nid[id] = 0;
        pruneJiffies[id] = 0;
        walkVisits[id] = 0;
        walkDup[id] = NIL;
        tree.clear(id);
        return id;
    }

    private void setKind(int id, byte k) {
        kindCount[kind[id]]--;
        kindCount[k]++;
        counterWrites++;
        kind[id] = k;
    }

    /**
     * alloc_stable_node for KSM page {@code kf} of content {@code c} in tree {@code t}; the caller
     * links it into the tree or a chain.
     */
    int allocNode(int kf, long c, int t) {
        int id = alloc(REGULAR);
        kpfn[id] = kf;
        content[id] = c;
        nid[id] = (byte) t;
        return id;
    }

    /**
     * alloc_stable_node_chain: a chain takes the place of regular node {@code dup} in tree
     * {@code t}, and {@code dup} becomes its first dup.
     */
    int allocChain(int dup, int t, long jiffies) {
        int chain = alloc(CHAIN);
        len[chain] = CHAIN_LEN;
        pruneJiffies[chain] = jiffies;
        nid[chain] = (byte) t;
        content[chain] = content[dup];
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
        walkVisits = Arrays.copyOf(walkVisits, n);
        walkDup = Arrays.copyOf(walkDup, n);
        tree.grow(n);
    }

    long heapBytes() {
        return (long) kind.length * (1 + 8 + 4 + 4 + 4 + 4 + 4 + 4 + 1 + 8 + 4 + 4) + tree.heapBytes();
    }

    // ---- columns ----

    byte kind(int id) {
        return kind[id];
    }

    long content(int id) {
        return content[id];
    }

    /** The KSM page frame of a regular node or dup. */
    int kpfn(int id) {
        return kpfn[id];
    }

    /** rmap_hlist_len ({@link #CHAIN_LEN} for a chain) */
    int len(int id) {
        return len[id];
    }

    /** First rmap item of a node's hlist, or first dup of a chain. */
    int first(int id) {
        return first[id];
    }

    /** Next dup of the same chain, or next node of the migrate_nodes list. */
    int next(int id) {
        return next[id];
    }

    /** The tree a node is in (stable_node->nid). */
    int nid(int id) {
        return nid[id];
    }

    void setNid(int id, int t) {
        nid[id] = (byte) t;
    }

    long pruneJiffies(int id) {
        return pruneJiffies[id];
    }

    void setPruneJiffies(int id, long j) {
        pruneJiffies[id] = j;
    }

    /** The node's hlist now starts with item {@code firstItem} and has {@code delta} more items (RmapItems). */
    void setHlist(int id, int firstItem, int delta) {
        first[id] = firstItem;
        len[id] += delta;
        if (kind[id] == DUP) {
            forgetWalk(chainOf[id]);
        }
    }

    // ---- the walk of a chain's dups, remembered while nothing it read changes ----

    /**
     * Dups the last remembered walk of chain {@code chain} visited (see {@link #rememberWalk}), 0 when
     * none is remembered.
     */
    int walkVisits(int chain) {
        return walkVisits[chain];
    }

    /** The dup the remembered walk of {@code chain} found. */
    int walkDup(int chain) {
        return walkDup[chain];
    }

    /**
     * Remembers that a walk of chain {@code chain} that stops at the first sharing candidate visited
     * {@code visits} dups and found {@code dup}: true again until a dup joins or leaves the chain or
     * an rmap item joins or leaves one of its dups (the only state that walk reads besides
     * max_page_sharing and staleness, which {@link StableTree} checks).
     */
    void rememberWalk(int chain, int visits, int dup) {
        walkVisits[chain] = visits;
        walkDup[chain] = dup;
    }

    private void forgetWalk(int chain) {
        walkVisits[chain] = 0;
    }

    /** Forgets the remembered walk of every chain (max_page_sharing changed). */
    void forgetWalks() {
        for (int id = 0; id < top; id++) {
            if (kind[id] == CHAIN) {
                forgetWalk(id);
            }
        }
    }

    /**
     * Changes of this table's counters so far, only ever growing: the convergence check compares the
     * counters only after this moved ({@link CounterReadout#counterWrites}).
     */
    long counterWrites() {
        return counterWrites;
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

    /** stable_node_chain_add_dup: {@code dup} becomes the chain's first dup. */
    void chainAddDupHead(int chain, int dup) {
        setKind(dup, DUP);
        chainOf[dup] = chain;
        forgetWalk(chain);
        prev[dup] = NIL;
        next[dup] = first[chain];
        if (first[chain] != NIL) {
            prev[first[chain]] = dup;
        }
        first[chain] = dup;
    }

    /** __stable_node_dup_del: {@code dup} leaves its chain (a regular node, in no tree, after). */
    void chainUnlinkDup(int dup) {
        int c = chainOf[dup];
        forgetWalk(c);
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
        setKind(dup, REGULAR);
    }

    // ---- migrate_nodes list ----

    int migrateHead() {
        return migrateHead;
    }

    /** list_add(&stable_node->list, &migrate_nodes) */
    void migrateAdd(int id) {
        setKind(id, MIGRATING);
        prev[id] = NIL;
        next[id] = migrateHead;
        if (migrateHead != NIL) {
            prev[migrateHead] = id;
        }
        migrateHead = id;
    }

    /** list_del(&stable_node->list): the node is a regular node in no tree after. */
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
        setKind(id, REGULAR);
    }
}
