package org.ksmstudio.engine.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * The stable tree(s) of an engine (mm/ksm.c): stable_tree_search and stable_tree_insert, chains
 * and their dups with max_page_sharing and the sharing policy, chain_prune every
 * stable_node_chains_prune_millisecs, chain collapse, stale nodes found lazily, migrate_nodes, and
 * remove_all_stable_nodes. Nodes live in {@link StableNodes}, the rmap items on them in
 * {@link RmapItems}. Charges its tree walks to ksmd's current batch ({@link KsmdClock#charge}).
 */
final class StableTree {
    private static final int NIL = StableNodes.NIL;

    private final KsmEngine e;
    private final StableNodes sn;
    private final Frames frames;
    private final RmapItems items;
    private final SharingPolicy policy;
    private final long treeSearchNanos;
    /**
     * a dup visited in a chain walk (stable_node_dup: cond_resched, ksm_get_folio's folio_try_get and folio_put,
     * rmap_hlist_len, no page compare) costs an eighth of a tree node, 14 ns on THIS_MACHINE: ksmd's CPU time
     * (schedstat) over the merge scan of chains of 1,000 to 8,000 full dups at max_page_sharing 2 on the quiet machine
     * was 12.7 to 13.3 ns per dup visited beyond the same workload without a chain (docs/cost-model.md; 41 to 44 ns
     * on the loaded machine); longer walks: {@link #dupMissNanos}
     */
    private final long dupVisitNanos;
    /**
     * the extra cost of each dup a chain walk visits beyond its first {@link #CACHED_DUPS}: about four cache lines
     * per dup (stable node, folio, hlist), so 8,000 dups fill this machine's 2 MiB L2 and the rest come from L3.
     * Fitted to the kernel's 16,000-dup chains (17.9 and 18.3 ns per dup visited on average where 8,000 gave 13.3):
     * a walk's extra is this times (visited - 8,000), a sixth of a tree node, 18 ns on THIS_MACHINE
     */
    private final long dupMissNanos;
    /** dups of one chain walk that stay in the cache (see {@link #dupMissNanos}) */
    static final int CACHED_DUPS = 8_000;
    /** second result of {@link #stableNodeChain}: the tree node (chain or regular) */
    private int outNode;
    /** second result of {@link #stableNodeChain}: the dup chosen */
    private int outDup;
    /** whether {@link #searchJiffies} and {@link #pruneBefore} are those of the search in progress */
    private boolean pruneDeadlineSet;
    /** jiffies of the search in progress (the clock does not move during one), once it met a chain */
    private long searchJiffies;
    /** in the search in progress, a chain last pruned at or before these jiffies is pruned again */
    private long pruneBefore;

    StableTree(KsmEngine engine, StableNodes sn, Frames frames, RmapItems items) {
        this.e = engine;
        this.sn = sn;
        this.frames = frames;
        this.items = items;
        this.policy = engine.policy;
        this.treeSearchNanos = engine.cost.treeSearchNanos();
        this.dupVisitNanos = treeSearchNanos / 8;
        this.dupMissNanos = treeSearchNanos / 6;
    }

    private boolean isCandidate(int node, int offset) {
        return policy.isSharingCandidate(sn.len(node), offset, e.maxPageSharing);
    }

    /** The tree a KSM page frame belongs in: its node with merge_across_nodes=0, else tree 0. */
    int kpfnNid(int frame) {
        return e.mergeAcrossNodes != 0 ? 0 : frames.node(frame);
    }

    /** Whether a stable node's KSM page is gone (the node is collected lazily, as in the kernel). */
    boolean isStale(int node) {
        if (frames.staleNodes() == 0) {
            return false;
        }
        int k = sn.kpfn(node);
        return k < 0 || frames.stableNode(k) != node;
    }

    /** stable_node_dup_del: unlinks a dup from its chain, or a regular node from its tree. */
    void stableNodeDupDel(int node) {
        if (sn.kind(node) == StableNodes.DUP) {
            sn.chainUnlinkDup(node);
        } else {
            sn.tree.erase(sn.nid(node), node);
        }
    }

    /**
     * remove_rmap_item_from_tree: the item leaves its stable node (with every other item of the
     * node when that is stale) or the unstable tree.
     */
    void removeRmapItemFromTree(int s) {
        if (items.isStable(s)) {
            removeStableItem(s);
        } else if (items.isUnstable(s)) {
            items.unstableUnlink(s);
        }
    }

    /** The stable half of remove_rmap_item_from_tree (out of the hot path's way). */
    private void removeStableItem(int s) {
        int node = items.head(s);
        if (isStale(node)) {
            removeNodeFromStableTree(node);
        } else {
            items.stableUnlink(s);
        }
    }

    /** remove_node_from_stable_tree: drops every rmap item of a stale node, then the node. */
    void removeNodeFromStableTree(int node) {
        frames.staleNodeRemoved();
        for (int item = sn.first(node); item != NIL; item = sn.first(node)) {
            items.stableUnlink(item);
        }
        if (sn.kind(node) == StableNodes.MIGRATING) {
            sn.migrateUnlink(node);
        } else {
            stableNodeDupDel(node);
        }
        sn.free(node);
    }

    /**
     * chain()/chain_prune(): the usable dup of a tree node; sets outNode/outDup; false when the node
     * went away.
     */
    private boolean stableNodeChain(int node, boolean prune) {
        if (sn.kind(node) != StableNodes.CHAIN) {
            return regularNode(node);
        }
        return stableNodeDup(node, prune);
    }

    /** chain() of a regular node: itself, unless it is stale (removed: false). */
    private boolean regularNode(int node) {
        outNode = node;
        outDup = node;
        if (isStale(node)) {
            removeNodeFromStableTree(node);
            return false;
        }
        return true;
    }

    /**
     * stable_node_dup: walks the dups of a chain (all of them when it prunes), drops the stale ones,
     * picks the dup to share and moves it to the head, collapses a chain of one dup. A walk that
     * stops at the first candidate with no stale node anywhere and changes nothing is remembered by
     * the chain ({@link StableNodes#rememberWalk}) and replayed (its visits charged) while nothing
     * it read has changed.
     */
    private boolean stableNodeDup(int chain, boolean prune) {
        if (prune) {
            prune = pruneDue(chain);
        }
        boolean noStale = frames.staleNodes() == 0;
        if (!prune && noStale) {
            int visits = sn.walkVisits(chain);
            if (visits > 0) {
                chargeCacheMisses(visits);
                e.clock.charge(dupVisitNanos * visits);
                outNode = chain;
                outDup = sn.walkDup(chain);
                return true;
            }
        }
        return walkDups(chain, prune, noStale);
    }

    /**
     * chain_prune's test: whether the chain is due to be pruned (its prune time is then now);
     * time_before(jiffies, stable_node->chain_prune_time + msecs_to_jiffies(...)) is computed for
     * the first chain a search meets (most searches meet none).
     */
    private boolean pruneDue(int chain) {
        if (!pruneDeadlineSet) {
            searchJiffies = e.clock.jiffies();
            pruneBefore = searchJiffies - e.clock.msecsToJiffies(e.pruneMillisecs);
            pruneDeadlineSet = true;
        }
        if (sn.pruneJiffies(chain) > pruneBefore) {
            return false;
        }
        sn.setPruneJiffies(chain, searchJiffies);
        return true;
    }

    /**
     * The walk of stable_node_dup when it is not remembered (see {@link #stableNodeDup}). When no dup is
     * stale and none is a sharing candidate ({@link StableNodes#candidates}), the walk visits every dup and
     * finds the first: it is not taken dup by dup (a chain of d full dups gets a new one every
     * max_page_sharing merges, so taking them would make the merges of the chain's pages cost d squared).
     */
    private boolean walkDups(int chain, boolean prune, boolean noStale) {
        if (noStale && sn.candidates(chain) == 0) {
            int visits = sn.dupCount(chain);
            e.clock.charge(dupVisitNanos * visits);
            return walked(chain, prune, noStale, sn.first(chain), visits);
        }
        int found = NIL;
        int foundLen = 0;
        int visits = 0;
        int dup = sn.first(chain);
        while (dup != NIL) {
            int nx = sn.next(dup);
            e.clock.charge(dupVisitNanos);
            visits++;
            if (isStale(dup)) {
                removeNodeFromStableTree(dup);
                dup = nx;
                continue;
            }
            if (found == NIL || (isCandidate(dup, 0)
                    && (!isCandidate(found, 0) || policy.prefer(sn.len(dup), foundLen)))) {
                found = dup;
                foundLen = sn.len(dup);
                if (!prune && isCandidate(found, 0)) {
                    break;
                }
            }
            dup = nx;
        }
        return walked(chain, prune, noStale, found, visits);
    }

    /** The end of stable_node_dup's walk that visited {@code visits} dups and found {@code found} (or NIL). */
    private boolean walked(int chain, boolean prune, boolean noStale, int found, int visits) {
        chargeCacheMisses(visits);
        if (found != NIL) {
            if (sn.first(chain) == found && sn.next(found) == NIL) {
                sn.chainUnlinkDup(found);
                sn.tree.replace(sn.nid(chain), chain, found);
                sn.free(chain);
                outNode = found;
            } else {
                if (sn.first(chain) != found && isCandidate(found, 1)) {
                    sn.chainUnlinkDup(found);
                    sn.chainAddDupHead(chain, found);
                } else if (!prune && noStale) {
                    sn.rememberWalk(chain, visits, found);
                }
                outNode = chain;
            }
            outDup = found;
            return true;
        }
        sn.tree.erase(sn.nid(chain), chain);
        sn.free(chain);
        outNode = NIL;
        outDup = NIL;
        return false;
    }

    /**
     * Takes the walk of every chain that remembers one, without changing anything, and compares (for
     * {@link InvariantCheck}): a remembered walk must be the one stable_node_dup would take now.
     */
    @Nullable
    String checkRememberedWalks() {
        if (frames.staleNodes() != 0 || !sn.countsUnder(policy, e.maxPageSharing)) {
            return null; // not replayed now: the next search walks (and forgets) them
        }
        for (int chain = 0; chain < sn.highWater(); chain++) {
            int remembered = sn.walkVisits(chain);
            if (sn.kind(chain) != StableNodes.CHAIN || remembered == 0) {
                continue;
            }
            int visits = 0;
            int found = NIL;
            for (int dup = sn.first(chain); dup != NIL; dup = sn.next(dup)) {
                visits++;
                if (found == NIL || isCandidate(dup, 0)) {
                    found = dup;
                    if (isCandidate(dup, 0)) {
                        break;
                    }
                }
            }
            boolean moves = sn.first(chain) != found && isCandidate(found, 1);
            if (visits != remembered || found != sn.walkDup(chain) || moves) {
                return "chain " + chain + " remembers a walk of " + remembered + " dups to " + sn.walkDup(chain)
                        + " but stable_node_dup visits " + visits + " to " + found + (moves ? " and moves it" : "");
            }
        }
        return null;
    }

    /** The dups of a walk of {@code visits} beyond the first {@link #CACHED_DUPS} come from L3 ({@link #dupMissNanos}). */
    private void chargeCacheMisses(int visits) {
        if (visits > CACHED_DUPS) {
            e.clock.charge((visits - CACHED_DUPS) * dupMissNanos);
        }
    }

    /** stable_tree_search: the KSM page frame to merge page f with, or -1. */
    int stableTreeSearch(int f) {
        int pageNode = Math.max(frames.stableNode(f), NIL);
        if (pageNode != NIL && sn.kind(pageNode) != StableNodes.MIGRATING) {
            return f;
        }
        long c = frames.content(f);
        int t = kpfnNid(f);
        pruneDeadlineSet = false;
        sn.countCandidates(policy, e.maxPageSharing); // a new limit: recounted, remembered walks forgotten
        return search(f, pageNode, c, t);
    }

    /** tree nodes the search in progress visited, charged when it ends */
    private long searchSteps;

    private int search(int f, int pageNode, long c, int t) {
        searchSteps = 0;
        try {
            return walk(f, pageNode, c, t);
        } finally {
            e.clock.charge(searchSteps * treeSearchNanos);
        }
    }

    private int walk(int f, int pageNode, long c, int t) {
        again:
        while (true) {
            int node = sn.tree.root(t);
            int parent = NIL;
            boolean asLeft = false;
            while (node != NIL) {
                searchSteps++;
                int dup;
                if (sn.kind(node) != StableNodes.CHAIN && frames.staleNodes() == 0) {
                    dup = node; // what chain_prune() returns for a live regular node
                } else {
                    if (!stableNodeChain(node, true)) {
                        continue again;
                    }
                    node = outNode;
                    dup = outDup;
                }
                long nodeContent = sn.content(node);
                parent = node;
                if (c == nodeContent) {
                    if (pageNode != NIL && frames.mapcount(f) > 1) {
                        return chainAppend(t, node, dup, pageNode, f);
                    }
                    if (!isCandidate(dup, 0)) {
                        return -1;
                    }
                    if (kpfnNid(sn.kpfn(dup)) != sn.nid(dup)) {
                        return replaceMigrated(t, node, dup, pageNode, f);
                    }
                    return sn.kpfn(dup);
                }
                // memcmp_pages < 0: rb_left, else rb_right (one indexed load, no branch to mispredict)
                int right = Long.compareUnsigned(c, nodeContent) > 0 ? 1 : 0;
                asLeft = right == 0;
                node = sn.tree.child(node, right);
            }
            if (pageNode == NIL) {
                return -1;
            }
            sn.migrateUnlink(pageNode);
            sn.setNid(pageNode, t);
            sn.tree.link(t, pageNode, parent, asLeft);
            return isCandidate(pageNode, 0) ? f : -1;
        }
    }

    private int chainAppend(int t, int node, int dup, int pageNode, int f) {
        if (dup == node) {
            node = sn.allocChain(dup, t, e.clock.jiffies());
        }
        sn.migrateUnlink(pageNode);
        sn.setNid(pageNode, t);
        sn.chainAddDupHead(node, pageNode);
        return isCandidate(pageNode, 0) ? f : -1;
    }

    private int replaceMigrated(int t, int node, int dup, int pageNode, int f) {
        int result;
        if (dup == node) {
            if (pageNode != NIL) {
                sn.migrateUnlink(pageNode);
                sn.setNid(pageNode, t);
                sn.tree.replace(t, dup, pageNode);
                result = isCandidate(pageNode, 0) ? f : -1;
            } else {
                sn.tree.erase(t, dup);
                result = -1;
            }
        } else {
            sn.chainUnlinkDup(dup);
            if (pageNode != NIL) {
                sn.migrateUnlink(pageNode);
                sn.setNid(pageNode, t);
                sn.chainAddDupHead(node, pageNode);
                result = isCandidate(pageNode, 0) ? f : -1;
            } else {
                result = -1;
            }
        }
        sn.migrateAdd(dup);
        return result;
    }

    /** stable_tree_insert: a new stable node for KSM page kf (a new dup when its content is there already). */
    int stableTreeInsert(int kf) {
        long c = frames.content(kf);
        int t = kpfnNid(kf);
        sn.countCandidates(policy, e.maxPageSharing); // a new limit: recounted, remembered walks forgotten
        int node;
        int parent;
        boolean asLeft;
        boolean needChain;
        again:
        while (true) {
            node = sn.tree.root(t);
            parent = NIL;
            asLeft = false;
            needChain = false;
            while (node != NIL) {
                e.clock.charge(treeSearchNanos);
                if (!stableNodeChain(node, false)) {
                    continue again;
                }
                node = outNode;
                int cmp = Long.compareUnsigned(c, sn.content(node));
                parent = node;
                if (cmp < 0) {
                    asLeft = true;
                    node = sn.tree.left(node);
                } else if (cmp > 0) {
                    asLeft = false;
                    node = sn.tree.right(node);
                } else {
                    needChain = true;
                    break;
                }
            }
            break;
        }
        int dup = sn.allocNode(kf, c, t);
        if (!needChain) {
            sn.tree.link(t, dup, parent, asLeft);
        } else {
            if (sn.kind(node) != StableNodes.CHAIN) {
                node = sn.allocChain(node, t, e.clock.jiffies());
            }
            sn.chainAddDupHead(node, dup);
        }
        frames.setStableNode(kf, dup);
        return dup;
    }

    /** Collects the stale nodes of the migrate_nodes list (merge_across_nodes=0, start of a full scan). */
    void pruneMigrateNodes() {
        int node = sn.migrateHead();
        while (node != NIL) {
            int nx = sn.next(node);
            if (isStale(node)) {
                removeNodeFromStableTree(node);
            }
            node = nx;
        }
    }

    /** remove_all_stable_nodes: true (EBUSY) when a KSM page is still mapped. */
    boolean removeAllStableNodes() {
        boolean busy = false;
        for (int t = 0; t < sn.tree.trees(); t++) {
            while (sn.tree.root(t) != NIL) {
                int node = sn.tree.root(t);
                if (removeStableNodeChain(node)) {
                    busy = true;
                    break;
                }
            }
        }
        int node = sn.migrateHead();
        while (node != NIL) {
            int nx = sn.next(node);
            if (removeStableNode(node)) {
                busy = true;
            }
            node = nx;
        }
        return busy;
    }

    private boolean removeStableNodeChain(int node) {
        if (sn.kind(node) != StableNodes.CHAIN) {
            return removeStableNode(node);
        }
        int dup = sn.first(node);
        while (dup != NIL) {
            int nx = sn.next(dup);
            if (removeStableNode(dup)) {
                return true;
            }
            dup = nx;
        }
        sn.tree.erase(sn.nid(node), node);
        sn.free(node);
        return false;
    }

    private boolean removeStableNode(int node) {
        if (isStale(node)) {
            removeNodeFromStableTree(node);
            return false;
        }
        return true;
    }
}
