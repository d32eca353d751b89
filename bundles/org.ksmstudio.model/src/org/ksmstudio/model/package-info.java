/**
 * Loading, saving and converting KSM Studio scenario files (the EMF model in {@code org.ksmstudio.model.scenario}, generated), the shipped examples and the plain-Java message scheme {@link org.ksmstudio.model.MessageBundle}. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.model;

import org.eclipse.jdt.annotation.NonNullByDefault;
