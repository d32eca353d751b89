/**
 * The engine's owned tables (page slots, frames, rmap items, stable nodes, mm slots) and ksmd's scan, after mm/ksm.c. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
