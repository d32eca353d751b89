/**
 * Readers of /proc: smaps, ksm_stat and the processes with mergeable regions. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.proc;

import org.eclipse.jdt.annotation.NonNullByDefault;
