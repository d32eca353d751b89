/**
 * The running kernel: the live bundle's user strings. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live;

import org.eclipse.jdt.annotation.NonNullByDefault;
