package org.ksmstudio.live.ui.internal;

import java.nio.file.Path;

import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.RestoreGuard;

/**
 * Where the live user interface reads and writes the running kernel: the KSM directory, sysfs,
 * proc, the restore file of experiments and the experiment lock. This machine's by default; each
 * can be pointed elsewhere with a system property (tests use fake trees):
 * {@value #KSM_PROPERTY}, {@value #SYS_PROPERTY}, {@value #PROC_PROPERTY},
 * {@value #RESTORE_PROPERTY}, {@value #LOCK_PROPERTY}.
 *
 * @param ksmDirectory normally /sys/kernel/mm/ksm
 * @param sys          normally /sys
 * @param proc         normally /proc
 * @param restoreFile  the tunables snapshot kept while an experiment runs
 * @param lockFile     the lock held while KSM tunables are written
 */
public record LiveSources(Path ksmDirectory, Path sys, Path proc, Path restoreFile, Path lockFile) {

	public static final String KSM_PROPERTY = "ksmstudio.live.ksm"; //$NON-NLS-1$
	public static final String SYS_PROPERTY = "ksmstudio.live.sys"; //$NON-NLS-1$
	public static final String PROC_PROPERTY = "ksmstudio.live.proc"; //$NON-NLS-1$
	public static final String RESTORE_PROPERTY = "ksmstudio.live.restoreFile"; //$NON-NLS-1$
	public static final String LOCK_PROPERTY = "ksmstudio.live.lockFile"; //$NON-NLS-1$

	/** The sources as the system properties say now, else this machine's. */
	public static LiveSources current() {
		return new LiveSources(path(KSM_PROPERTY, KsmSysfs.DEFAULT_DIRECTORY.toString()),
				path(SYS_PROPERTY, "/sys"), path(PROC_PROPERTY, ProcessKsmReader.DEFAULT_PROC.toString()), //$NON-NLS-1$
				path(RESTORE_PROPERTY, RestoreGuard.defaultRestoreFile().toString()), lock());
	}

	/** The reader of the KSM directory. */
	public KsmSysfs sysfs() {
		return new KsmSysfs(ksmDirectory);
	}

	/** The reader of per-process KSM figures. */
	public ProcessKsmReader processes() {
		return new ProcessKsmReader(proc);
	}

	/** A runner of replays on this kernel that restores into {@link #restoreFile()} and holds {@link #lockFile()}. */
	public ReplayRunner replayRunner() {
		return new ReplayRunner(sysfs(), processes(),
				ReplayRunner.Options.defaults().withRestoreFile(restoreFile).withLockFile(lockFile));
	}

	private static Path path(String property, String fallback) {
		String value = System.getProperty(property);
		return Path.of(value == null || value.isBlank() ? fallback : value);
	}

	/** The property, else {@code $KSMSTUDIO_SYSFS_LOCK}, else ksmstudio-sysfs.lock in the temporary directory (as --replay). */
	private static Path lock() {
		String property = System.getProperty(LOCK_PROPERTY);
		if (property != null && !property.isBlank()) {
			return Path.of(property);
		}
		return ExperimentLock.defaultFile();
	}
}
