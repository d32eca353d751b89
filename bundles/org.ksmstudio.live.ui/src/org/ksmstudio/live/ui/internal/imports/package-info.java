/**
 * The Scenario from this machine wizard: this machine's NUMA nodes, tunables and KSM processes, and the captured pages of chosen processes, as a scenario. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.ui.internal.imports;

import org.eclipse.jdt.annotation.NonNullByDefault;
