package org.ksmstudio.engine.internal;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Recounts an engine's tables from scratch and compares the recount with their running counters
 * (a test and debugging aid): rmap items, pages shared, sharing, unshared and merging, stable node
 * chains and dups, hlists, each chain's dups and sharing candidates and its remembered walk, ksm_zero_pages, the map count of every frame, and the subpages of huge
 * pages and pinned pages (no KSM page is either).
 */
final class InvariantCheck {
    private static final int NIL = StableNodes.NIL;

    private InvariantCheck() {
    }

    /** Checks internal invariants; returns a description of the first violation or null. */
    static @Nullable String firstViolation(KsmEngine e) {
        String v = checkItemsAndPtes(e);
        if (v == null) {
            v = checkStableNodes(e);
        }
        if (v == null) {
            v = e.stable.checkRememberedWalks();
        }
        return v != null ? v : checkPinsAndHugePages(e);
    }

    private static @Nullable String checkPinsAndHugePages(KsmEngine e) {
        long huge = 0;
        long pinned = 0;
        for (int s = 0; s < e.slots.count(); s++) {
            boolean large = e.pinsAndHuge.isLarge(s);
            boolean pin = e.pinsAndHuge.isPinned(s);
            int f = e.slots.pte(s);
            if ((large || pin) && (f < 0 || e.frames.isKsm(f))) {
                return "slot " + s + " is a huge subpage or pinned but maps " + (f < 0 ? "no page" : "a KSM page");
            }
            huge += large ? 1 : 0;
            pinned += pin ? 1 : 0;
        }
        if (huge != e.pinsAndHuge.hugeSubpages() || pinned != e.pinsAndHuge.pinnedPages()) {
            return "huge subpages/pinned pages " + e.pinsAndHuge.hugeSubpages() + "/" + e.pinsAndHuge.pinnedPages()
                    + " counted " + huge + "/" + pinned;
        }
        return null;
    }

    private static @Nullable String checkItemsAndPtes(KsmEngine e) {
        PageSlots slots = e.slots;
        RmapItems items = e.items;
        int mmCount = slots.mmCount();
        long[] mmItems = new long[mmCount];
        long[] mmMerging = new long[mmCount];
        long[] mmZero = new long[mmCount];
        long[] mapped = new long[e.frames.highWater()];
        long itemCount = 0;
        long unshared = 0;
        long zero = 0;
        for (int s = 0; s < slots.count(); s++) {
            int mm = slots.owner(s);
            int f = slots.pte(s);
            if (f >= 0) {
                mapped[f]++;
            } else if (f == PageSlots.KSM_ZERO) {
                zero++;
                mmZero[mm]++;
            }
            if (items.hasItem(s)) {
                itemCount++;
                mmItems[mm]++;
                unshared += items.isUnstable(s) ? 1 : 0;
                mmMerging[mm] += items.isStable(s) ? 1 : 0;
            } else if (items.isStable(s) || items.isUnstable(s)) {
                return "slot " + s + " is in a tree without an rmap item";
            }
        }
        for (int f = 0; f < mapped.length; f++) {
            if (mapped[f] != e.frames.mapcount(f)) {
                return "frame " + f + " mapcount " + e.frames.mapcount(f) + " but " + mapped[f] + " ptes";
            }
        }
        if (itemCount != items.rmapItems()) {
            return "rmap items " + items.rmapItems() + " counted " + itemCount;
        }
        if (unshared != items.pagesUnshared()) {
            return "pages_unshared " + items.pagesUnshared() + " counted " + unshared;
        }
        if (zero != slots.ksmZeroPages()) {
            return "ksm_zero_pages " + slots.ksmZeroPages() + " counted " + zero;
        }
        for (int mm = 0; mm < mmCount; mm++) {
            if (mmItems[mm] != items.rmapItems(mm) || mmMerging[mm] != items.mergingPages(mm)
                    || mmZero[mm] != slots.ksmZeroPages(mm)) {
                return "mm " + mm + " rmap_items/merging/zero " + items.rmapItems(mm) + "/" + items.mergingPages(mm)
                        + "/" + slots.ksmZeroPages(mm) + " counted " + mmItems[mm] + "/" + mmMerging[mm] + "/"
                        + mmZero[mm];
            }
        }
        return null;
    }

    private static @Nullable String checkStableNodes(KsmEngine e) {
        StableNodes sn = e.sn;
        RmapItems items = e.items;
        long shared = 0;
        long sharing = 0;
        long nChains = 0;
        long nDups = 0;
        for (int n = 0; n < sn.highWater(); n++) {
            byte k = sn.kind(n);
            if (k == StableNodes.FREE) {
                continue;
            }
            if (k == StableNodes.CHAIN) {
                nChains++;
                String chain = checkChain(sn, n);
                if (chain != null) {
                    return chain;
                }
                continue;
            }
            if (k == StableNodes.DUP) {
                nDups++;
            }
            int len = 0;
            for (int s = sn.first(n); s != NIL; s = items.next(s)) {
                len++;
                if (items.head(s) != n || !items.isStable(s)) {
                    return "rmap item " + s + " in node " + n + " does not point back";
                }
            }
            if (len != sn.len(n)) {
                return "node " + n + " len " + sn.len(n) + " but " + len + " items";
            }
            if (len > 0) {
                shared++;
                sharing += len - 1;
            }
        }
        if (shared != items.pagesShared() || sharing != items.pagesSharing()) {
            return "pages_shared/sharing " + items.pagesShared() + "/" + items.pagesSharing() + " counted " + shared
                    + "/" + sharing;
        }
        if (nChains != sn.chains() || nDups != sn.dups()) {
            return "chains/dups " + sn.chains() + "/" + sn.dups() + " counted " + nChains + "/" + nDups;
        }
        return null;
    }

    /** A chain's counts of its dups and of their sharing candidates against its list. */
    private static @Nullable String checkChain(StableNodes sn, int chain) {
        int dups = 0;
        for (int d = sn.first(chain); d != NIL; d = sn.next(d)) {
            dups++;
        }
        if (dups != sn.dupCount(chain)) {
            return "chain " + chain + " counts " + sn.dupCount(chain) + " dups but has " + dups;
        }
        int candidates = sn.candidates(chain);
        if (candidates >= 0 && candidates != sn.recountCandidates(chain)) {
            return "chain " + chain + " counts " + candidates + " sharing candidates but has "
                    + sn.recountCandidates(chain);
        }
        return null;
    }
}
