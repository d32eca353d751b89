package org.ksmstudio.engine;

import java.util.List;

/**
 * One node of the stable tree: a regular stable node (one dup, {@code chain} false) or a chain
 * of dups (head first, as the kernel orders them).
 *
 * @param contentId content of the KSM page(s)
 * @param treeNid   stable tree the node sits in (0 when merging across nodes)
 * @param chain     whether the node is a stable_node chain
 * @param dups      the KSM pages
 */
public record StableEntry(long contentId, int treeNid, boolean chain, List<DupView> dups) {
}
