/**
 * Hand-written parts of the model's item providers: labels, defaults of new objects and the add command that keeps keys unique. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.model.edit;

import org.eclipse.jdt.annotation.NonNullByDefault;
