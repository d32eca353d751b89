package org.ksmstudio.engine.patch;

/**
 * Where cmp_and_merge_page() looks for a partner of an unmerged page whose checksum passed the
 * volatility rule ({@link KsmPatch#mergeTarget}). The zero page is only taken by a page whose
 * content is empty; whatever a patch answers, the engine never merges pages of different content.
 */
public enum MergeTarget {
    /**
     * try_to_merge_with_zero_page() first (use_zero_pages in 6.18), then, when the page is not
     * empty or cannot be merged yet, the stable and the unstable tree as {@link #TREES}.
     */
    ZERO_PAGE,
    /** stable_tree_search(), then unstable_tree_search_insert(): the kernel's path for every other page. */
    TREES,
    /** stable_tree_search() only: the page is not inserted in the unstable tree this scan. */
    STABLE_TREE,
    /** Not merged this scan (its checksum is kept). */
    NONE
}
