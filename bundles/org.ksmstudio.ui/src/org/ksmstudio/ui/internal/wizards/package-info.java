/**
 * The New Scenario wizard. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.wizards;

import org.eclipse.jdt.annotation.NonNullByDefault;
