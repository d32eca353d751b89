package org.ksmstudio.engine.internal;

/**
 * Touches, a few pages ahead of ksmd's scan, the memory that those pages' merges will read, several pages side
 * by side, so that their cache misses overlap instead of coming one after another (no kernel function: the
 * simulator's memory-level parallelism). For a page whose content is in the stable tree: the tree path, the dup
 * it will share, that KSM page's frame and the rmap item it will be linked before; for one whose content is not:
 * the tree path and the unstable table entry its probe starts at. It only reads: what the scan then does, and
 * what it costs ksmd, are the same without it. At hundreds of millions of pages these reads miss the cache; one
 * page's depend on each other, but those of neighbouring pages do not. Below {@link #MIN_PAGES} page slots the
 * tables are mostly cached and the extra reads only cost, so the scan does not call it there.
 */
final class ScanLookahead {
    /** pages touched side by side */
    static final int LANES = 8;
    /**
     * the page slots from which on the lookahead pays (measured: 10 to 20 % slower at 1 M pages, the same at 16 M,
     * faster at 64 M and 268 M; docs/performance.md)
     */
    static final int MIN_PAGES = 1 << 24;

    private final KsmEngine e;
    private final PageSlots slots;
    private final Frames frames;
    private final RmapItems items;
    private final StableNodes sn;
    private final int[] node = new int[LANES];
    private final long[] key = new long[LANES];
    private final int[] nid = new int[LANES];
    /** per lane: the KSM page frame its merge will map, or -1 */
    private final int[] kpfn = new int[LANES];
    /** per lane: the rmap item its own will be linked before, or -1 */
    private final int[] hlistHead = new int[LANES];
    /** the first slot after the pages touched last */
    private int touchedEnd;
    /** the loads' sum, kept so that the compiler keeps the loads */
    private long sink;

    ScanLookahead(KsmEngine engine) {
        this.e = engine;
        this.slots = engine.slots;
        this.frames = engine.frames;
        this.items = engine.items;
        this.sn = engine.sn;
    }

    /** Whether the host has enough page slots for the lookahead to pay ({@link #MIN_PAGES}). */
    boolean pays() {
        return slots.count() >= MIN_PAGES;
    }

    /** Before page slot s is merged: when s is not among the pages touched last, touches s and the next pages. */
    void before(int s) {
        if (s < touchedEnd && s >= touchedEnd - LANES) {
            return;
        }
        int end = (int) Math.min((long) s + LANES, slots.count());
        touchedEnd = end;
        boolean acrossNodes = e.mergeAcrossNodes != 0;
        int lanes = 0;
        for (int t = s; t < end; t++) {
            int f = slots.pte(t);
            // a KSM page searches nothing; a page the scan has not seen yet only gets its checksum
            if (f < 0 || !items.hasItem(t) || frames.stableNode(f) >= 0) {
                continue;
            }
            key[lanes] = frames.content(f);
            nid[lanes] = acrossNodes ? 0 : frames.node(f);
            node[lanes] = sn.tree.root(nid[lanes]);
            lanes++;
        }
        long sum = sn.tree.touchPaths(node, key, lanes);
        for (int j = 0; j < lanes; j++) {
            int n = node[j];
            int dup = n < 0 ? -1
                    : sn.kind(n) != StableNodes.CHAIN ? n : sn.walkVisits(n) > 0 ? sn.walkDup(n) : sn.first(n);
            if (n < 0) {
                sum += e.unstable.touch(key[j], nid[j]);
            } else if (dup >= 0) {
                sum += sn.len(dup);
            }
            kpfn[j] = dup < 0 ? -1 : sn.kpfn(dup);
            hlistHead[j] = dup < 0 ? -1 : sn.first(dup);
        }
        for (int j = 0; j < lanes; j++) {
            if (kpfn[j] >= 0) {
                sum += frames.content(kpfn[j]) + frames.mapcount(kpfn[j]);
            }
            if (hlistHead[j] >= 0) {
                sum += items.hprevTouch(hlistHead[j]);
            }
        }
        sink += sum;
    }
}
