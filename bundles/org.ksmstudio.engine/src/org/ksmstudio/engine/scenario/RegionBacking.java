package org.ksmstudio.engine.scenario;

/**
 * How the pages of a region are backed beyond plain 4 KiB anonymous pages, counted from the
 * region's first page: transparent huge pages (an MADV_HUGEPAGE region whose fill faulted in 2 MiB
 * folios, {@value #HUGE_PAGE_PAGES} pages each) and pages pinned by get_user_pages (FOLL_PIN, as
 * io_uring's registered buffers, RDMA or VFIO hold them), which ksmd cannot merge.
 *
 * @param hugePages   2 MiB transparent huge pages backing the region's first {@code hugePages * 512} pages
 * @param pinnedPages pages pinned from the region's first page on
 */
public record RegionBacking(long hugePages, long pinnedPages) {
    /** Base pages of one PMD-sized transparent huge page (HPAGE_PMD_NR on x86_64 with 4 KiB pages). */
    public static final int HUGE_PAGE_PAGES = 512;
    /** Plain 4 KiB pages, none pinned. */
    public static final RegionBacking BASE_PAGES = new RegionBacking(0, 0);

    public RegionBacking {
        ScenarioException.check(hugePages >= 0, "region.hugePages", hugePages, "must be >= 0");
        ScenarioException.check(pinnedPages >= 0, "region.pinnedPages", pinnedPages, "must be >= 0");
    }

    /** Pages that are subpages of a huge page. */
    public long hugePageSubpages() {
        return hugePages * HUGE_PAGE_PAGES;
    }
}
