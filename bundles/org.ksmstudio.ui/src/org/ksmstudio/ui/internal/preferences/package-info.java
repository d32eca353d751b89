/**
 * The KSM Studio preference pages. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.preferences;

import org.eclipse.jdt.annotation.NonNullByDefault;
