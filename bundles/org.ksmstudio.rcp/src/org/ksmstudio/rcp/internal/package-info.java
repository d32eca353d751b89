/**
 * The KSM Studio product application and workbench advisors. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.rcp.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
