package org.ksmstudio.engine.scenario;

import java.util.List;

/**
 * One anonymous private mapping of a process, scanned by ksmd when mergeable.
 * Its pages are the concatenation of its content groups, in order; page numbers are 0-based
 * over the whole region (as in the reference data: duplicates, then unique, then zero pages).
 *
 * @param name       name, unique within the process (used by timeline events)
 * @param mode       how it was made mergeable
 * @param groups     ordered content groups
 * @param volatility background writes
 */
public record MergeableRegion(String name, MergeMode mode, List<ContentGroup> groups, Volatility volatility) {
    public MergeableRegion {
        ScenarioException.check(name != null && !name.isBlank(), "region.name", name, "is required");
        mode = mode == null ? MergeMode.MADV_MERGEABLE : mode;
        groups = List.copyOf(groups);
        volatility = volatility == null ? Volatility.NONE : volatility;
        long total = 0;
        for (ContentGroup g : groups) {
            total += g.pages();
        }
        ScenarioException.check(total <= (1L << 31) - 1, "region[" + name + "].pages", total,
                "more than 2^31-1 pages in one region");
    }

    /** Total number of pages of the region. */
    public long pages() {
        long total = 0;
        for (ContentGroup g : groups) {
            total += g.pages();
        }
        return total;
    }
}
