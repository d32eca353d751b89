package org.ksmstudio.core.tests.policy;

import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * A policy contributed through {@code org.ksmstudio.core.policies} in this test bundle's plugin.xml:
 * dups take at most half of max_page_sharing mappings.
 */
public final class HalfLimitPolicy implements SharingPolicy {

    @Override
    public String name() {
        return "test-half-limit";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0 && rmapItems + offset < Math.max(2, maxPageSharing / 2);
    }
}
