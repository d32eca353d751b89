/**
 * Loading, saving and converting KSM Studio scenario files (the EMF model in {@code org.ksmstudio.model.scenario}, generated) and the shipped examples. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.model;

import org.eclipse.jdt.annotation.NonNullByDefault;

