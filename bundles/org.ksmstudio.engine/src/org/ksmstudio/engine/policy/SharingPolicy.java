package org.ksmstudio.engine.policy;

/**
 * How many mappings a KSM page may take and which dup of a chain takes the next one: the seam
 * where a kernel patch is modelled. Implementations are stateless and found by name through
 * {@link SharingPolicies}.
 */
public interface SharingPolicy {

    /** Name used in scenarios and on the command line, e.g. "stock". */
    String name();

    /**
     * The kernel's __is_page_sharing_candidate(): whether a dup with {@code rmapItems} mappings can
     * take {@code offset} + 1 more under the limit {@code maxPageSharing}. A dup with no mapping
     * left is never a candidate (its page is about to be freed).
     */
    boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing);

    /**
     * When a chain is pruned, whether a candidate dup with {@code candidateItems} mappings is
     * preferred over the best one so far with {@code bestItems} (the kernel prefers the fullest).
     */
    default boolean prefer(int candidateItems, int bestItems) {
        return candidateItems > bestItems;
    }
}
