/**
 * The views of a run: counters, latency, rmap chains, tunables, run charts and the comparison of runs.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.views;

import org.eclipse.jdt.annotation.NonNullByDefault;
