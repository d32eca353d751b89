package org.ksmstudio.engine.internal;

/**
 * Recounts an engine's rmap items, stable nodes and hlists from scratch and compares them with
 * its running counters (a test and debugging aid).
 */
final class InvariantCheck {
    private static final int NIL = StableNodes.NIL;

    private InvariantCheck() {
    }

    /** Checks internal invariants; returns a description of the first violation or null. */
    static String firstViolation(KsmEngine e) {
        long shared = 0;
        long sharing = 0;
        long items = 0;
        long unshared = 0;
        for (int s = 0; s < e.slotCount; s++) {
            if ((e.flags[s] & KsmEngine.HAS_ITEM) != 0) {
                items++;
                if ((e.flags[s] & KsmEngine.UNSTABLE) != 0) {
                    unshared++;
                }
            }
        }
        long nChains = 0;
        long nDups = 0;
        for (int n = 0; n < e.sn.highWater(); n++) {
            byte k = e.sn.kind[n];
            if (k == StableNodes.FREE) {
                continue;
            }
            if (k == StableNodes.CHAIN) {
                nChains++;
                continue;
            }
            if (k == StableNodes.DUP) {
                nDups++;
            }
            int len = 0;
            for (int s = e.sn.first[n]; s != NIL; s = e.hnext[s]) {
                len++;
                if (e.head[s] != n || (e.flags[s] & KsmEngine.STABLE) == 0) {
                    return "rmap item " + s + " in node " + n + " does not point back";
                }
            }
            if (len != e.sn.len[n]) {
                return "node " + n + " len " + e.sn.len[n] + " but " + len + " items";
            }
            if (len > 0) {
                shared++;
                sharing += len - 1;
            }
        }
        if (items != e.rmapItems) {
            return "rmap items " + e.rmapItems + " counted " + items;
        }
        if (unshared != e.pagesUnshared) {
            return "pages_unshared " + e.pagesUnshared + " counted " + unshared;
        }
        if (shared != e.pagesShared || sharing != e.pagesSharing) {
            return "pages_shared/sharing " + e.pagesShared + "/" + e.pagesSharing + " counted " + shared + "/"
                    + sharing;
        }
        if (nChains != e.stable.chains || nDups != e.stable.dups) {
            return "chains/dups " + e.stable.chains + "/" + e.stable.dups + " counted " + nChains + "/" + nDups;
        }
        return null;
    }
}
