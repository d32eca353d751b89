package org.ksmstudio.engine.patch;

/**
 * What a process did to KSM, reported to {@link KsmPatch#processEvent} after the engine applied it
 * with 6.18's rules. The mm is given by its index ({@link Ksmd#pid(int)} names its process).
 */
public enum ProcessEvent {
    /** madvise(MADV_MERGEABLE) on a region (ksm_madvise, __ksm_enter when the mm was not registered). */
    MADVISE_MERGEABLE,
    /** madvise(MADV_UNMERGEABLE) on a region (unmerge_ksm_pages). */
    MADVISE_UNMERGEABLE,
    /** prctl(PR_SET_MEMORY_MERGE, 1) (ksm_enable_merge_any). */
    MERGE_ANY_ENABLED,
    /** prctl(PR_SET_MEMORY_MERGE, 0) (ksm_disable_merge_any). */
    MERGE_ANY_DISABLED,
    /** fork(): the child mm (ksm_fork); its parent is {@link Ksmd#parentMm(int)}. */
    FORK,
    /** exit (__ksm_exit): ksmd frees the mm's rmap items when its scan gets there. */
    EXIT
}
