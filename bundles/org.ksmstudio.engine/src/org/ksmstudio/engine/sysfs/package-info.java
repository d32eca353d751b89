/**
 * The vocabulary of /sys/kernel/mm/ksm, defined once: {@link org.ksmstudio.engine.sysfs.KsmSysfsFile}
 * is the table of every file (kind, default, accepted values and the errno otherwise, first kernel
 * version, unit, meaning) and {@link org.ksmstudio.engine.sysfs.SysfsScript} the shell script that
 * writes a set of tunables on a real machine in an order the kernel accepts.
 */
@NonNullByDefault
package org.ksmstudio.engine.sysfs;

import org.eclipse.jdt.annotation.NonNullByDefault;
