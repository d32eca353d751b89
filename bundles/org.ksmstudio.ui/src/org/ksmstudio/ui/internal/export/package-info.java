/**
 * Exports of the views: counters as CSV or JSON, charts as PNG, text files. Nothing here is null unless
 * marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.export;

import org.eclipse.jdt.annotation.NonNullByDefault;
