/**
 * The KSM Studio user interface: its perspective and messages. Nothing here is null unless marked
 * {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
