package org.ksmstudio.engine.policy;

/**
 * KSM as in 2016, before the sharing limit (kernels before 4.13, the linux-mm thread's baseline): one KSM
 * page per content however many mappings, and no cond_resched() in rmap_walk_ksm, so the whole migration
 * of a page is one R-state stretch.
 */
public final class Kernel2016Policy implements RmapPolicy {

    @Override
    public String name() {
        return "2016";
    }

    @Override
    public String description() {
        return "2016, before the sharing limit: one KSM page per content, no cond_resched() in rmap walks";
    }

    @Override
    public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
        return rmapItems != 0;
    }

    @Override
    public int reschedEvery() {
        return 0;
    }

    @Override
    public boolean reschedEachVma() {
        return false;
    }
}
