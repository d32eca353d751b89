/**
 * The handlers of the scenario editor's commands: run, pause, resume, step, stop, speed, compare, new and
 * open. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.ui.internal.commands;

import org.eclipse.jdt.annotation.NonNullByDefault;
