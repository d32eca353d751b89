/**
 * Runs of scenario models through the engine's one stepper, and their results. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.run;

import org.eclipse.jdt.annotation.NonNullByDefault;
