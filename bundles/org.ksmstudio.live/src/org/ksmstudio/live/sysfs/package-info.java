/**
 * The running kernel's /sys/kernel/mm/ksm: reading ({@link org.ksmstudio.live.sysfs.KsmSysfs}),
 * writing ({@link org.ksmstudio.live.sysfs.KsmSysfsWriter}), ordered plans
 * ({@link org.ksmstudio.live.sysfs.ApplyPlanner}), restore and the experiment lock. Its files are the
 * rows of the engine's table {@link org.ksmstudio.engine.sysfs.KsmSysfsFile}. Nothing here is null
 * unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.live.sysfs;

import org.eclipse.jdt.annotation.NonNullByDefault;
