package org.ksmstudio.engine.policy;

/**
 * The stock kernel without its sharing limit: one KSM page per content, never a chain (max_page_sharing is
 * ignored); rmap walks as in 6.18, with their reschedule points. The 2016 kernel is {@link Kernel2016Policy}.
 */
public final class NoLimitPolicy implements RmapPolicy {

    @Override
    public String name() {
        return "no-limit";
    }

    @Override
    public String description() {
        return "6.18 without the sharing limit: one KSM page per content, walks with cond_resched() points";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0;
    }
}
