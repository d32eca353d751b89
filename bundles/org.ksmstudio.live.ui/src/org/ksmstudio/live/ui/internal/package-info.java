/**
 * The running kernel in KSM Studio: where the live user interface reads and writes, the restore of an unfinished experiment at start, its user strings. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
