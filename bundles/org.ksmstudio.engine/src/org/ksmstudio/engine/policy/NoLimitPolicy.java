package org.ksmstudio.engine.policy;

/** Kernels before 4.13: no sharing limit, one KSM page per content, never a chain. */
public final class NoLimitPolicy implements SharingPolicy {

    @Override
    public String name() {
        return "no-limit";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0;
    }
}
