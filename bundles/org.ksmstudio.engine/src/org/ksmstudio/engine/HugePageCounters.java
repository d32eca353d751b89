package org.ksmstudio.engine;

/**
 * Transparent huge pages and pinned pages of a simulation at one instant.
 *
 * @param hugeSubpages       mapped pages that are subpages of a huge page not split (what KPF_THP marks)
 * @param pinnedPages        mapped pages pinned by get_user_pages (FOLL_PIN), which ksmd cannot merge
 * @param thpSplitPage       /proc/vmstat thp_split_page: huge pages split (ksmd splits one before merging a subpage)
 * @param thpSplitPageFailed /proc/vmstat thp_split_page_failed: splits refused (a pinned subpage, or both pages
 *                           of a pair in one huge page, whose second reference fails the first split)
 */
public record HugePageCounters(long hugeSubpages, long pinnedPages, long thpSplitPage, long thpSplitPageFailed) {
}
