/**
 * Sharing and rmap policies contributed through the extension registry, next to the engine's own. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.policy;

import org.eclipse.jdt.annotation.NonNullByDefault;
