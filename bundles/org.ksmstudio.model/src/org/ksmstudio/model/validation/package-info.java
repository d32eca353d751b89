/**
 * Validation of scenario models: every constraint with the field and value it names, driven by the engine's sysfs table. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.model.validation;

import org.eclipse.jdt.annotation.NonNullByDefault;
