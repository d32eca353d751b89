package org.ksmstudio.engine.policy;

/** Base of the patches that keep the stock sharing rules (chains of dups of at most max_page_sharing). */
public abstract class StockSharingPatch implements RmapPolicy {

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0 && rmapItems + offset < maxPageSharing;
    }
}
