/**
 * Capture of running processes' mergeable memory (pagemap, kpageflags, numa_maps) as content fingerprints. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.capture;

import org.eclipse.jdt.annotation.NonNullByDefault;
