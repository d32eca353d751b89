/**
 * The headless command line (picocli): run, sweep, reference, replay and capture subcommands and their outputs. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.headless;

import org.eclipse.jdt.annotation.NonNullByDefault;
