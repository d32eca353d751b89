/**
 * Replay of a scenario on the running kernel next to its simulation. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.replay;

import org.eclipse.jdt.annotation.NonNullByDefault;
