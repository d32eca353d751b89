package org.ksmstudio.engine.internal;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.policy.RmapPolicy.RefileSettings;
import org.ksmstudio.engine.rmap.WalkCostModel;

/**
 * The refile policy's background pass (named in the 2016 thread, never built in the kernel): at a
 * fixed interval, moves rmap items from sparse dups of a chain into fuller ones on the same node,
 * never above max_page_sharing and at most a bounded number of items per pass, charging each move
 * (unmap with its flush and IPIs, map) to ksmd.
 */
final class RefilePass {
    private static final int NIL = StableNodes.NIL;

    private final KsmEngine engine;
    private final RmapWalk walks;
    /** null when the policy does not refile */
    private final @Nullable RefileSettings settings;
    private final int nodes;
    private final WalkCostModel cost;
    private final boolean x86;
    private long nextRefile;
    private long totalMoves;

    RefilePass(KsmEngine engine, RmapWalk walks, @Nullable RefileSettings settings, int nodes, WalkCostModel cost,
            boolean x86) {
        this.engine = engine;
        this.walks = walks;
        this.settings = settings;
        this.nodes = nodes;
        this.cost = cost;
        this.x86 = x86;
        this.nextRefile = settings == null ? Long.MAX_VALUE : settings.intervalMillis() * 1_000_000L;
    }

    /** rmap items moved so far. */
    long totalMoves() {
        return totalMoves;
    }

    /** Runs the refile pass when one is due (call after each ksmd wake-up); returns the items moved. */
    int afterWakeup() {
        long now = engine.now();
        RefileSettings s = settings;
        if (s == null || now < nextRefile || engine.run() != 1) {
            return 0;
        }
        nextRefile = now + s.intervalMillis() * 1_000_000L;
        return refilePass(s.maxMovesPerPass());
    }

    /**
     * One refile pass: in each chain, empties the sparsest dups into the fullest ones that have room
     * (never above max_page_sharing), only when the dup can be emptied entirely, at most
     * {@code maxMoves} items in all. Each move is charged to ksmd: unmap the old PTE (flush, IPIs,
     * MMU notifier), map the new one.
     */
    int refilePass(int maxMoves) {
        walks.beginOperation(0);
        StableNodes sn = engine.sn;
        int mps = engine.maxPageSharing;
        int moves = 0;
        long ksmdNanos = 0;
        int top = sn.highWater();
        for (int chain = 0; chain < top && moves < maxMoves; chain++) {
            if (sn.kind(chain) != StableNodes.CHAIN) {
                continue;
            }
            int[] all = liveDups(chain);
            for (int nid = 0; nid < nodes && moves < maxMoves; nid++) {
                int[] dups = onNode(all, nid); // never move a mapping to a page on another node
                long[] done = refileDups(dups, mps, maxMoves - moves);
                moves += (int) done[0];
                ksmdNanos += done[1];
            }
        }
        engine.chargeKsmd(ksmdNanos);
        totalMoves += moves;
        return moves;
    }

    private int[] onNode(int[] dups, int nid) {
        int n = 0;
        int[] out = new int[dups.length];
        for (int d : dups) {
            if (engine.frames.node(engine.sn.kpfn(d)) == nid) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Refiles among dups of one chain on one node, fullest first; returns {moves, ksmd nanoseconds}. */
    private long[] refileDups(int[] dups, int mps, int maxMoves) {
        StableNodes sn = engine.sn;
        int moves = 0;
        long ksmdNanos = 0;
        if (dups.length >= 2) {
            int i = 0;
            int j = dups.length - 1;
            while (i < j && moves < maxMoves) {
                int donor = dups[j];
                long room = 0;
                for (int r = i; r < j; r++) {
                    room += Math.max(0, mps - sn.len(dups[r]));
                }
                if (room < sn.len(donor)) {
                    break;
                }
                int s = sn.first(donor);
                while (s != NIL && moves < maxMoves) {
                    int next = engine.items.next(s);
                    while (i < j && sn.len(dups[i]) >= mps) {
                        i++;
                    }
                    if (i >= j) {
                        break;
                    }
                    Mm mm = engine.mms.ofSlot(s);
                    if (refileItem(s, dups[i])) {
                        moves++;
                        int t = walks.ipiTargets(mm.index);
                        ksmdNanos += cost.anonVmaLockNanos() + cost.vmaVisitNanos() + 2 * cost.pteNanos()
                                + cost.localFlushNanos() + (x86 ? t * cost.ipiNanos() : 0)
                                + (mm.kvm ? cost.mmuNotifierNanos() + (x86 ? t * cost.ipiNanos() : 0) : 0);
                    }
                    s = next;
                }
                j--;
            }
        }
        return new long[] { moves, ksmdNanos };
    }

    /**
     * Moves the rmap item of slot s from its dup into dup {@code to} of the same content,
     * remapping the PTE to {@code to}'s KSM page (what replace_page does for a merge). The old page
     * is freed with its last mapping (its dup then goes stale and is collected lazily, as in the
     * kernel).
     *
     * @return whether the item moved
     */
    private boolean refileItem(int s, int to) {
        RmapItems items = engine.items;
        StableNodes sn = engine.sn;
        if (!items.isStable(s)) {
            return false;
        }
        int from = items.head(s);
        int f = engine.slots.pte(s);
        if (from == to || engine.stable.isStale(from) || engine.stable.isStale(to) || f != sn.kpfn(from)
                || sn.content(to) != sn.content(from)) {
            return false;
        }
        engine.stable.removeRmapItemFromTree(s);
        engine.slots.map(s, sn.kpfn(to));
        items.stableAppend(s, to);
        return true;
    }

    /** Live dups of a chain with at least one rmap item, fullest first (ties by id). */
    private int[] liveDups(int chain) {
        StableNodes sn = engine.sn;
        int n = 0;
        for (int d = sn.first(chain); d != NIL; d = sn.next(d)) {
            n++;
        }
        Integer[] all = new Integer[n];
        int m = 0;
        for (int d = sn.first(chain); d != NIL; d = sn.next(d)) {
            if (!engine.stable.isStale(d) && sn.len(d) > 0) {
                all[m++] = d;
            }
        }
        Integer[] live = Arrays.copyOf(all, m);
        Arrays.sort(live, (a, b) -> sn.len(a) != sn.len(b) ? Integer.compare(sn.len(b), sn.len(a))
                : Integer.compare(a, b));
        int[] out = new int[m];
        for (int x = 0; x < m; x++) {
            out[x] = live[x];
        }
        return out;
    }
}
