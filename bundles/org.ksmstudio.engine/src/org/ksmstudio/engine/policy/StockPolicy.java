package org.ksmstudio.engine.policy;

/**
 * The kernel's own policy (Linux 6.18): chains of dups of at most max_page_sharing mappings (since 4.13),
 * rmap walks with a cond_resched() point per rmap item and per VMA.
 */
public final class StockPolicy extends StockSharingPatch {

    @Override
    public String name() {
        return "stock";
    }

    @Override
    public String description() {
        return "Linux 6.18: chains of dups of at most max_page_sharing mappings, cond_resched() per rmap item and VMA";
    }
}
