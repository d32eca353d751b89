/**
 * Calibration of the cost model from recorded kernel runs (scan and rmap walk costs). Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.calibrate;

import org.eclipse.jdt.annotation.NonNullByDefault;
