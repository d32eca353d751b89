package org.ksmstudio.engine.rmap;

/** Operations that walk the reverse map of the pages they handle. */
public enum RmapOperation {
    /** migrate_pages(pid, from, to) */
    MIGRATE_PAGES("migrate_pages"),
    /** move_pages() of a range */
    MOVE_PAGES("move_pages"),
    /** compaction of a node (movable pages migrated within the node) */
    COMPACTION("compaction"),
    /** reclaim under memory pressure (folio_referenced, then try_to_unmap) */
    RECLAIM("reclaim"),
    /** memory failure (hwpoison) of a page */
    MEMORY_FAILURE("memory_failure");

    private final String label;

    RmapOperation(String label) {
        this.label = label;
    }

    /** Kernel-style name, e.g. "migrate_pages". */
    public String label() {
        return label;
    }

    /** Whether the operation migrates pages (two walks and a copy per page). */
    public boolean migrates() {
        return this == MIGRATE_PAGES || this == MOVE_PAGES || this == COMPACTION;
    }
}
