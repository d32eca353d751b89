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
 */
public record OperationResult(RmapOperation operation, long startNanos, long latencyNanos, long pages, long ksmPages,
        long longestWalkNanos, long longestStretchNanos, long ipis, long failures) {
}
