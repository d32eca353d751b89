package org.ksmstudio.engine.rmap;

/**
 * The exact cost of handling one KSM page (a dup), term by term, computed by the same code the operations
 * run, without changing anything. Counts are what the walks visit; nanoseconds follow from the run's
 * {@link WalkCostModel} and policy.
 *
 * @param dupId               the stable node (dup) walked
 * @param node                NUMA node of its page
 * @param walks               the walks made (migration: unmap then restore)
 * @param items               rmap items visited (anon_vma lock each), over every walk
 * @param vmas                VMAs visited, forked children included
 * @param ptes                mappings changed (PTE update)
 * @param pteMisses           VMAs looked into that did not map the page
 * @param ipis                TLB-flush IPIs, KVM remote flushes included
 * @param mmuNotifiers        MMU-notifier calls (KVM secondary MMU)
 * @param reschedPoints       cond_resched() points taken (policy)
 * @param copyNanos           page copy across the NUMA distance (0 when not migrating)
 * @param fixedNanos          fixed per-page work besides the walks
 * @param totalNanos          the whole latency of the page
 * @param longestWalkNanos    longest single walk
 * @param longestStretchNanos longest time in R state without a reschedule point
 * @param skipped             the policy skips the walk (the page cannot be migrated; costs nothing)
 */
public record WalkCost(int dupId, int node, int walks, long items, long vmas, long ptes, long pteMisses, long ipis,
        long mmuNotifiers, long reschedPoints, long copyNanos, long fixedNanos, long totalNanos,
        long longestWalkNanos, long longestStretchNanos, boolean skipped) {
}
