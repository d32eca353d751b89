/**
 * The EMF model in JFace viewers: content, labels, images, properties, cell editors and drag and drop.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.emf;

import org.eclipse.jdt.annotation.NonNullByDefault;
