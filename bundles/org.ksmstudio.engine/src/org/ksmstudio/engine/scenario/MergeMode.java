package org.ksmstudio.engine.scenario;

/** How a region was made mergeable. */
public enum MergeMode {
    /** madvise(MADV_MERGEABLE) on the range */
    MADV_MERGEABLE,
    /** prctl(PR_SET_MEMORY_MERGE): every compatible VMA of the process (ksm_merge_any = 1) */
    PR_SET_MEMORY_MERGE,
    /** not mergeable: present for memory accounting only */
    NONE
}
