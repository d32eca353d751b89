/**
 * Conversion of live captures and replays to engine scenarios. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.scenario;

import org.eclipse.jdt.annotation.NonNullByDefault;
