package org.ksmstudio.engine.scenario;

import java.time.Duration;
import java.util.List;


/**
 * Something that happens at a simulated time. Page ranges are 0-based region page numbers,
 * {@code fromPage} inclusive, {@code toPage} exclusive, every {@code step}-th page.
 * A pid of 0 means "every process that has the region". Both are resolved when the event fires:
 * "every process" is the processes running then, and a range is clamped to the region's pages.
 */
public sealed interface TimelineEvent {

    /** Simulated time since the start of the run. */
    Duration at();

    /** Write of a /sys/kernel/mm/ksm file (value as text, e.g. "2", "scan-time"). */
    record SysfsWrite(Duration at, String file, String value) implements TimelineEvent {
    }

    /** Application writes to a page range (COW break of KSM pages). */
    record WritePages(Duration at, int pid, String region, long fromPage, long toPage, long step,
            NewContent content) implements TimelineEvent {
        public WritePages {
            ScenarioException.check(step >= 1, "writePages.step", step, "must be >= 1");
            ScenarioException.check(fromPage >= 0 && toPage >= fromPage, "writePages.range",
                    fromPage + ".." + toPage, "must satisfy 0 <= from <= to");
        }
    }

    /** fork(): a new process {@code childPid} sharing the parent's pages copy-on-write. */
    record Fork(Duration at, int parentPid, int childPid, String childName) implements TimelineEvent {
    }

    /** Process exit (its mm goes away). */
    record Exit(Duration at, int pid) implements TimelineEvent {
    }

    /** madvise(MADV_UNMERGEABLE) (or MADV_MERGEABLE when {@code mergeable}) on a whole region. */
    record Madvise(Duration at, int pid, String region, boolean mergeable) implements TimelineEvent {
    }

    /** migrate_pages(pid, from, to): every page of the process on {@code fromNode} moves to {@code toNode}. */
    record MigratePages(Duration at, int pid, int fromNode, int toNode) implements TimelineEvent {
    }

    /** move_pages() of a range to a node. */
    record MovePages(Duration at, int pid, String region, long fromPage, long toPage, int toNode)
            implements TimelineEvent {
    }

    /** Compaction of a node: movable pages (KSM pages among them) are migrated within the node. */
    record Compaction(Duration at, int node) implements TimelineEvent {
    }

    /**
     * Memory pressure on a node: reclaim scans {@code pagesToReclaim} pages (folio_referenced, then
     * try_to_unmap), for {@code duration}.
     */
    record MemoryPressure(Duration at, int node, long pagesToReclaim, Duration duration) implements TimelineEvent {
    }

    /** A memory failure (hwpoison) of the page mapped at a region page. */
    record MemoryFailure(Duration at, int pid, String region, long page) implements TimelineEvent {
    }

    /**
     * A periodic event: its {@code n}-th firing, at {@code at + n × period}, fires the events of
     * {@code cycle.get(n % cycle.size())} (their own {@code at} is ignored), for {@code n < count}
     * ({@code count} 0: until the run ends). The firings are generated one at a time as the run
     * reaches them, never expanded in advance.
     */
    record Periodic(Duration at, Duration period, long count, List<List<TimelineEvent>> cycle)
            implements TimelineEvent {
        public Periodic {
            ScenarioException.require(period, "periodic.period", "must be > 0");
            ScenarioException.check(period.toNanos() > 0, "periodic.period", period, "must be > 0");
            ScenarioException.check(count >= 0, "periodic.count", count, "must be >= 0 (0: until the run ends)");
            ScenarioException.require(cycle, "periodic.cycle", "must not be empty");
            ScenarioException.check(!cycle.isEmpty(), "periodic.cycle", cycle, "must not be empty");
            cycle = cycle.stream().map(List::copyOf).toList();
            for (List<TimelineEvent> firing : cycle) {
                for (TimelineEvent e : firing) {
                    ScenarioException.check(!(e instanceof Periodic), "periodic.cycle", e, "cannot nest periodic events");
                }
            }
        }

        /** The events of firing {@code n}. */
        public List<TimelineEvent> firing(long n) {
            return cycle.get((int) (n % cycle.size()));
        }
    }
}
