/**
 * The patch API: {@link org.ksmstudio.engine.patch.KsmPatch}, the places where ksmd decides, each defaulting to Linux 6.18, and the jars patches come in (see docs/patches.md). Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.patch;

import org.eclipse.jdt.annotation.NonNullByDefault;
