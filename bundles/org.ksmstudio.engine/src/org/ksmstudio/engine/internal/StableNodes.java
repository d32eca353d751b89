package org.ksmstudio.engine.internal;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * The stable nodes (struct ksm_stable_node) in parallel columns indexed by node id: regular nodes,
 * chains (stable_node_chain: rmap_hlist_len = STABLE_NODE_CHAIN) and their dups
 * (stable_node_dup), and the nodes on the migrate_nodes list; their red-black tree links live in
 * {@link RbForest}. The one place that counts ksm_stable_node_chains and ksm_stable_node_dups: a
 * node's kind changes only through this table, and the counts move with it. A chain also
 * remembers its last walk of the dups ({@link #rememberWalk}).
 * <p>
 * Columns, except for what a step of stable_tree_search reads: the content, the kind, and of a
 * chain its prune time and remembered walk share the node's 32-byte record with its child links
 * ({@link RbForest#word}), so that a step reads one cache line (docs/performance.md).
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

    /** record word of the content */
    private static final int CONTENT = 0;
    /** record word of a chain's remembered walk: dups visited (high half, 0: none remembered), dup found (low) */
    private static final int WALK = 2;
    /** record word of the prune time (chain_prune_time, jiffies, the high 56 bits) and the kind (low 8 bits) */
    private static final int PRUNE_KIND = 3;
    private static final long LOW = 0xffff_ffffL;

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
    /** of a chain: its dups */
    private int[] dupCount;
    /** of a chain: its dups that are sharing candidates under {@link #rule} and {@link #ruleSharing} */
    private int[] candidates;
    /** the sharing policy {@link #candidates} are counted with, or null before {@link #countCandidates} */
    private @Nullable SharingPolicy rule;
    /** the max_page_sharing {@link #candidates} are counted with */
    private int ruleSharing;
    private byte[] nid;
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
        kpfn = new int[capacity];
        len = new int[capacity];
        first = new int[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        chainOf = new int[capacity];
        dupCount = new int[capacity];
        candidates = new int[capacity];
        nid = new byte[capacity];
        tree = new RbForest(capacity, trees);
    }

    private int alloc(byte k) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (top == kpfn.length) {
                grow();
            }
            id = top++;
        }
        setKind(id, k);
        setPruneJiffies(id, 0);
        tree.setWord(id, CONTENT, 0);
        tree.setWord(id, WALK, NIL & LOW);
        kpfn[id] = -1;
        len[id] = 0;
        first[id] = NIL;
        next[id] = NIL;
        prev[id] = NIL;
        chainOf[id] = NIL;
        dupCount[id] = 0;
        candidates[id] = 0;
        nid[id] = 0;
        tree.clear(id);
        return id;
    }

    private void setKind(int id, byte k) {
        long w = tree.word(id, PRUNE_KIND);
        kindCount[(byte) w]--;
        kindCount[k]++;
        counterWrites++;
        tree.setWord(id, PRUNE_KIND, w & ~0xffL | k);
    }

    /**
     * alloc_stable_node for KSM page {@code kf} of content {@code c} in tree {@code t}; the caller
     * links it into the tree or a chain.
     */
    int allocNode(int kf, long c, int t) {
        int id = alloc(REGULAR);
        kpfn[id] = kf;
        tree.setWord(id, CONTENT, c);
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
        setPruneJiffies(chain, jiffies);
        nid[chain] = (byte) t;
        tree.setWord(chain, CONTENT, content(dup));
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
        int n = kpfn.length * 2;
        kpfn = Arrays.copyOf(kpfn, n);
        len = Arrays.copyOf(len, n);
        first = Arrays.copyOf(first, n);
        next = Arrays.copyOf(next, n);
        prev = Arrays.copyOf(prev, n);
        chainOf = Arrays.copyOf(chainOf, n);
        dupCount = Arrays.copyOf(dupCount, n);
        candidates = Arrays.copyOf(candidates, n);
        nid = Arrays.copyOf(nid, n);
        tree.grow(n);
    }

    long heapBytes() {
        return (long) kpfn.length * (4 + 4 + 4 + 4 + 4 + 4 + 4 + 4 + 1) + tree.heapBytes();
    }

    // ---- columns ----

    byte kind(int id) {
        return (byte) tree.word(id, PRUNE_KIND);
    }

    long content(int id) {
        return tree.word(id, CONTENT);
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
        return tree.word(id, PRUNE_KIND) >> 8;
    }

    void setPruneJiffies(int id, long j) {
        tree.setWord(id, PRUNE_KIND, j << 8 | tree.word(id, PRUNE_KIND) & 0xffL);
    }

    /** The node's hlist now starts with item {@code firstItem} and has {@code delta} more items (RmapItems). */
    void setHlist(int id, int firstItem, int delta) {
        first[id] = firstItem;
        int was = len[id];
        int now = was + delta;
        len[id] = now;
        if (kind(id) == DUP) {
            int c = chainOf[id];
            int wasCandidate = candidate(was);
            int isCandidate = candidate(now);
            if (rule == null || isCandidate != wasCandidate || candidate(now, 1) != candidate(was, 1)) {
                forgetWalk(c);
            }
            candidates[c] += isCandidate - wasCandidate;
        }
    }

    // ---- the walk of a chain's dups, remembered while nothing it read changes ----

    /**
     * Dups the last remembered walk of chain {@code chain} visited (see {@link #rememberWalk}), 0 when
     * none is remembered.
     */
    int walkVisits(int chain) {
        return (int) (tree.word(chain, WALK) >>> 32);
    }

    /** The dup the remembered walk of {@code chain} found. */
    int walkDup(int chain) {
        return (int) tree.word(chain, WALK);
    }

    /**
     * Remembers that a walk of chain {@code chain} that stops at the first sharing candidate visited
     * {@code visits} dups and found {@code dup}: true again until a dup joins or leaves the chain or
     * one of its dups becomes or stops being a sharing candidate at offset 0 or 1 (what that walk reads
     * of a dup, under the policy and limit of {@link #countCandidates}; before any, every change of an
     * hlist forgets the walk) or the policy or limit change ({@link #countCandidates}), besides staleness,
     * which {@link StableTree} checks.
     */
    void rememberWalk(int chain, int visits, int dup) {
        tree.setWord(chain, WALK, (long) visits << 32 | dup & LOW);
    }

    private void forgetWalk(int chain) {
        tree.setWord(chain, WALK, tree.word(chain, WALK) & LOW);
    }

    // ---- the sharing candidates of each chain ----

    /**
     * Counts each chain's sharing candidates (dups with {@link SharingPolicy#isSharingCandidate} at offset 0)
     * under {@code policy} and {@code maxPageSharing} from now on; when either changed, recounts every chain
     * and forgets its remembered walk (which found the first candidate under the old ones).
     */
    void countCandidates(SharingPolicy policy, int maxPageSharing) {
        if (countsUnder(policy, maxPageSharing)) {
            return;
        }
        rule = policy;
        ruleSharing = maxPageSharing;
        for (int id = 0; id < top; id++) {
            if (kind(id) == CHAIN) {
                candidates[id] = recountCandidates(id);
                forgetWalk(id);
            }
        }
    }

    /** Whether the candidates and remembered walks are those of {@code policy} and {@code maxPageSharing}. */
    boolean countsUnder(SharingPolicy policy, int maxPageSharing) {
        return policy == rule && maxPageSharing == ruleSharing;
    }

    private int candidate(int items) {
        return candidate(items, 0);
    }

    /** 1 when a dup of {@code items} rmap items can take {@code offset} + 1 more under {@link #rule}, else 0. */
    private int candidate(int items, int offset) {
        SharingPolicy r = rule;
        return r != null && r.isSharingCandidate(items, offset, ruleSharing) ? 1 : 0;
    }

    /** The sharing candidates among the dups of chain {@code chain} counted again (for {@link InvariantCheck}). */
    int recountCandidates(int chain) {
        int n = 0;
        for (int d = first[chain]; d != NIL; d = next[d]) {
            n += candidate(len[d]);
        }
        return n;
    }

    /** Number of dups of chain {@code chain}. */
    int dupCount(int chain) {
        return dupCount[chain];
    }

    /**
     * Number of dups of chain {@code chain} that are sharing candidates under the policy and limit of the
     * last {@link #countCandidates}, -1 before any.
     */
    int candidates(int chain) {
        return rule == null ? -1 : candidates[chain];
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
        dupCount[chain]++;
        candidates[chain] += candidate(len[dup]);
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
        dupCount[c]--;
        candidates[c] -= candidate(len[dup]);
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
