/**
 * Reverse-map walks (rmap_walk_ksm) and their latencies per node and operation, and the memory KSM pages and dups cost. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.rmap;

import org.eclipse.jdt.annotation.NonNullByDefault;
