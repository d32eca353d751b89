package org.ksmstudio.engine.rmap;

/** The reverse-map walks the kernel makes over the mappings of one page. */
public enum WalkKind {
    /** try_to_migrate(): replace every PTE by a migration entry (flush, MMU notifier). */
    MIGRATE_UNMAP(true, true),
    /** remove_migration_ptes(): restore every PTE to the new page (no flush: the PTE was not present). */
    MIGRATE_RESTORE(false, false),
    /** folio_referenced(): test and clear the young bit of every PTE (x86 does not flush). */
    REFERENCED(true, false),
    /** try_to_unmap(): clear every PTE (reclaim, memory failure). */
    UNMAP(true, true),
    /** collect_procs(): find the processes mapping a poisoned page (no PTE change). */
    COLLECT(false, false);

    private final boolean stopsWhenUnmapped;
    private final boolean flushes;

    WalkKind(boolean stopsWhenDone, boolean flushes) {
        this.stopsWhenUnmapped = stopsWhenDone;
        this.flushes = flushes;
    }

    /** Whether the walk ends once every mapping was handled (rwc->done, or the mapcount reached 0). */
    public boolean stopsWhenDone() {
        return stopsWhenUnmapped;
    }

    /** Whether each PTE change needs a TLB flush (and an MMU-notifier invalidation). */
    public boolean flushes() {
        return flushes;
    }
}
