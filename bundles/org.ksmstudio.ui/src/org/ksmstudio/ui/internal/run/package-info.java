/**
 * Runs of a scenario in the editor: simulation jobs, their policies, speed and compared runs. Nothing here
 * is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.run;

import org.eclipse.jdt.annotation.NonNullByDefault;
