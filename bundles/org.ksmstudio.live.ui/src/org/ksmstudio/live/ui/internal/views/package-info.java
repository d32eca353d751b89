/**
 * The Live Kernel view: every file of /sys/kernel/mm/ksm, the processes using KSM and charts, sampled off the UI thread. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.ui.internal.views;

import org.eclipse.jdt.annotation.NonNullByDefault;
