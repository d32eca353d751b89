/**
 * Conversion of EMF scenario models to the engine's plain-Java scenarios and run plans, with the size guard. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.convert;

import org.eclipse.jdt.annotation.NonNullByDefault;
