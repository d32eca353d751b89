/**
 * The running machine's NUMA topology, CPUs and page sizes, and machine import. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.topology;

import org.eclipse.jdt.annotation.NonNullByDefault;
