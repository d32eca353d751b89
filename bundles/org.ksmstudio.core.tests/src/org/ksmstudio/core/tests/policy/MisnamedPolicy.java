package org.ksmstudio.core.tests.policy;

import org.ksmstudio.engine.policy.SharingPolicy;

/** Contributed under another name than its {@link #name()}: the registry must leave it out. */
public final class MisnamedPolicy implements SharingPolicy {

    @Override
    public String name() {
        return "test-misnamed-actual";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0;
    }
}
