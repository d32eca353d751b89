/**
 * Plain-Java scenarios (topology, processes, regions, timeline, cost model) that the engine simulates. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.scenario;

import org.eclipse.jdt.annotation.NonNullByDefault;
