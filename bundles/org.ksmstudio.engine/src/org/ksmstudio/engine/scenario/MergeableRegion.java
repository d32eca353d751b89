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
 * @param backing    transparent huge pages and pinned pages among the region's first pages
 */
public record MergeableRegion(String name, MergeMode mode, List<ContentGroup> groups, Volatility volatility,
        RegionBacking backing) {
    public MergeableRegion {
        ScenarioException.require(name, "region.name", "is required");
        ScenarioException.check(!name.isBlank(), "region.name", name, "is required");
        mode = mode == null ? MergeMode.MADV_MERGEABLE : mode;
        groups = List.copyOf(groups);
        volatility = volatility == null ? Volatility.NONE : volatility;
        long total = 0;
        for (ContentGroup g : groups) {
            total += g.pages();
        }
        ScenarioException.check(total <= (1L << 31) - 1, "region[" + name + "].pages", total,
                "more than 2^31-1 pages in one region");
        backing = backing == null ? RegionBacking.BASE_PAGES : backing;
        ScenarioException.check(backing.hugePages() <= total / RegionBacking.HUGE_PAGE_PAGES,
                "region[" + name + "].hugePages", backing.hugePages(),
                "more 2 MiB huge pages than the " + total + " faulted-in pages hold");
        ScenarioException.check(backing.pinnedPages() <= total, "region[" + name + "].pinnedPages",
                backing.pinnedPages(), "more pinned pages than the " + total + " faulted-in pages");
    }

    /** A region of plain 4 KiB pages, none pinned. */
    public MergeableRegion(String name, MergeMode mode, List<ContentGroup> groups, Volatility volatility) {
        this(name, mode, groups, volatility, RegionBacking.BASE_PAGES);
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
