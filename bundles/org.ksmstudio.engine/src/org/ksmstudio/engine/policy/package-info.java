/**
 * Sharing and rmap policies: the stock kernel, no-limit and the patches compared against it, each an ordinary policy object. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.policy;

import org.eclipse.jdt.annotation.NonNullByDefault;
