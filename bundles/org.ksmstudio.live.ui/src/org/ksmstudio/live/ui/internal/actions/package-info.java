/**
 * The Kernel menu's actions on a scenario: apply its tunables, export them as a shell script, replay it on the kernel, calibrate the cost model. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.jdt.annotation.NonNullByDefault;
