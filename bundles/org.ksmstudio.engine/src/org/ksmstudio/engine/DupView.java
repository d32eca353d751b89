package org.ksmstudio.engine;

/**
 * One KSM page: a dup of a chain, or the page of a regular stable node.
 *
 * @param dupId         stable node id (valid until the next change of the tree)
 * @param kpfn          simulated page frame number of the KSM page
 * @param node          NUMA node the KSM page sits on
 * @param rmapItemCount mappings tracked by the node (rmap_hlist_len)
 * @param stale         its page is gone; the kernel has not noticed yet
 */
public record DupView(int dupId, int kpfn, int node, int rmapItemCount, boolean stale) {
}
