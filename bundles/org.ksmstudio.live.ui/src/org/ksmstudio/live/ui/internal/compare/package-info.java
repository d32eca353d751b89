/**
 * The Kernel vs Simulation view: a replay's counters on the kernel beside the simulated ones. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.ui.internal.compare;

import org.eclipse.jdt.annotation.NonNullByDefault;
