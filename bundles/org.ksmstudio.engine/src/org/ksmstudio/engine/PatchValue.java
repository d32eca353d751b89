package org.ksmstudio.engine;

import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * The value of one of a patch's own sysfs files at one instant.
 *
 * @param file  the patch's counter or tunable
 * @param value its value
 */
public record PatchValue(PatchSysfsFile file, long value) {
}
