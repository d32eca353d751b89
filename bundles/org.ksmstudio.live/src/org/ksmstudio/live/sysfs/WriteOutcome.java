package org.ksmstudio.live.sysfs;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.util.Optional;

/**
 * What happened to one write to a KSM tunable.
 *
 * @param file        the tunable
 * @param value       the value written
 * @param result      ok or the errno
 * @param valueAfter  the value read back after the write (empty when it could not be read)
 * @param message     a sentence for the user saying what happened
 * @param fix         how to make a refused write succeed, if KSM Studio knows (EBUSY: unmerge first)
 */
public record WriteOutcome(KsmSysfsFile file, String value, WriteResult result, Optional<String> valueAfter, String message,
		Optional<String> fix) {

	/** Whether the kernel took the value. */
	public boolean isOk() {
		return result == WriteResult.OK;
	}
}
