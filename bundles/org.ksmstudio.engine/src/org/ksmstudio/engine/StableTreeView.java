package org.ksmstudio.engine;

import java.util.List;

/**
 * The stable tree(s) in memcmp order, at most the requested number of entries.
 *
 * @param entries    stable nodes in tree order
 * @param truncated  whether more entries exist
 * @param migrating  KSM pages on the migrate_nodes list (merge_across_nodes=0)
 */
public record StableTreeView(List<StableEntry> entries, boolean truncated, List<DupView> migrating) {
}
