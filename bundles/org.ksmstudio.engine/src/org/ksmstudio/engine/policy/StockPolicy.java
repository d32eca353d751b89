package org.ksmstudio.engine.policy;

/** The kernel's own policy (4.13 and later): chains of dups of at most max_page_sharing mappings. */
public final class StockPolicy implements SharingPolicy {

    @Override
    public String name() {
        return "stock";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0 && rmapItems + offset < maxPageSharing;
    }
}
