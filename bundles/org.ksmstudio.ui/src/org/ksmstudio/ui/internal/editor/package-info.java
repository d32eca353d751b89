/**
 * The scenario editor: the model tree, its actions, load errors and validation problems. Nothing here is
 * null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.editor;

import org.eclipse.jdt.annotation.NonNullByDefault;
