/**
 * The core bundle's user strings. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
