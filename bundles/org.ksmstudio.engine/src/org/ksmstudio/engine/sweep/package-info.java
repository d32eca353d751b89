/**
 * Parameter sweeps: one run per combination of tunable values, driven by the engine's one stepper. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.engine.sweep;

import org.eclipse.jdt.annotation.NonNullByDefault;
