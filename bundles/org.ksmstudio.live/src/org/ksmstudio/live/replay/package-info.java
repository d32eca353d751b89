/**
 * Replays of recorded cases on the running kernel with a workload generator, and reference recording. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.replay;

import org.eclipse.jdt.annotation.NonNullByDefault;
