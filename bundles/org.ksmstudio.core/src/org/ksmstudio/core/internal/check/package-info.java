/**
 * The installed product's self-check application. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.internal.check;

import org.eclipse.jdt.annotation.NonNullByDefault;
