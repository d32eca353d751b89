package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The tunables snapshot an experiment leaves when it is killed (kill -9, power loss), restored at
 * the start of every command, headless or GUI. The restore holds the {@link ExperimentLock}, so it
 * never interleaves with a running experiment (whose snapshot is pending while it runs).
 */
public final class PendingSnapshot {

	/** What the recovery found and did. */
	public enum Kind {
		/** A snapshot was restored and verified. */
		RESTORED,
		/** A snapshot was found but not (fully) restored; {@link Outcome#detail()} says why. */
		FAILED,
		/** A snapshot was found, but this user cannot write the tunables. */
		NEEDS_ROOT
	}

	/**
	 * @param kind   what happened
	 * @param file   the snapshot file
	 * @param detail the mismatches or the error, for {@link Kind#FAILED}
	 */
	public record Outcome(Kind kind, Path file, String detail) {
	}

	private PendingSnapshot() {
	}

	/**
	 * Restores {@code restoreFile} if it exists, waiting up to {@code lockTimeout} for the lock.
	 *
	 * @return empty when nothing was pending, or an experiment still holds the lock (the snapshot
	 *         is then that experiment's)
	 */
	public static Optional<Outcome> recover(KsmSysfs sysfs, Path restoreFile, Path lockFile, Duration lockTimeout) {
		if (!Files.exists(restoreFile)) {
			return Optional.empty();
		}
		if (!sysfs.access().canWrite()) {
			return Optional.of(new Outcome(Kind.NEEDS_ROOT, restoreFile, "")); //$NON-NLS-1$
		}
		ExperimentLock lock;
		try {
			lock = ExperimentLock.acquire(lockFile, lockTimeout);
		} catch (IOException e) {
			return Optional.empty(); // an experiment is running: the snapshot is its own, not pending
		}
		try (lock) {
			return RestoreGuard.recoverPending(new KsmSysfsWriter(sysfs), restoreFile)
					.map(report -> report.verified() ? new Outcome(Kind.RESTORED, restoreFile, "") //$NON-NLS-1$
							: new Outcome(Kind.FAILED, restoreFile, String.join("; ", report.mismatches()))); //$NON-NLS-1$
		} catch (IOException | RuntimeException e) {
			return Optional.of(new Outcome(Kind.FAILED, restoreFile, String.valueOf(e.getMessage())));
		}
	}
}
