package org.ksmstudio.engine.rmap;

/**
 * Outcome of one operation (a migrate_pages call, one compaction, ...).
 *
 * @param operation           what ran
 * @param startNanos          simulated time it started
 * @param latencyNanos        time the caller waited (every page: walks, copies, fixed work)
 * @param pages               pages handled
 * @param ksmPages            KSM pages among them
 * @param longestWalkNanos    longest single reverse-map walk
 * @param longestStretchNanos longest time in R state without a reschedule point
 * @param ipis                TLB-flush IPIs sent
 * @param failures            pages not migrated / reclaimed because their walk was skipped
 * @param walkedKsmPage       the KSM page whose reverse-map walk was the longest (rmap_walk_ksm() over its stable
 *                            node: a dup of a chain, or a regular stable node), as its page frame
 *                            ({@link org.ksmstudio.engine.DupView#kpfn()}); -1 when no KSM page was handled
 * @param walkedKsmMappings   the mappings of that KSM page (its rmap items) when it was walked
 */
public record OperationResult(RmapOperation operation, long startNanos, long latencyNanos, long pages, long ksmPages,
        long longestWalkNanos, long longestStretchNanos, long ipis, long failures, int walkedKsmPage,
        long walkedKsmMappings) {

    /** Whether a KSM page was walked (see {@link #walkedKsmPage()}). */
    public boolean walkedKsm() {
        return walkedKsmPage >= 0;
    }
}
