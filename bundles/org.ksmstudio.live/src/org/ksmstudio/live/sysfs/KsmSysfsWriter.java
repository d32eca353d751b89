package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;

/**
 * Writes KSM tunables of the running kernel, one write at a time, and reports each
 * outcome the way the kernel decided it. Only ever called from an explicit user action
 * (apply, replay, restore); nothing in the live bundle writes on its own.
 */
public final class KsmSysfsWriter {

	private final KsmSysfs sysfs;
	/** The only thread that may still write, once {@link #stopOthers()} was called. */
	private volatile @Nullable Thread onlyWriter;

	public KsmSysfsWriter(KsmSysfs sysfs) {
		this.sysfs = sysfs;
	}

	/** The reader of the same directory. */
	public KsmSysfs sysfs() {
		return sysfs;
	}

	/**
	 * Stops every other thread's writes: waits for a write in progress, then refuses writes from
	 * any thread but the caller's (the restore on SIGTERM runs while the experiment's thread may
	 * still be writing).
	 */
	public synchronized void stopOthers() {
		onlyWriter = Thread.currentThread();
	}

	/** Writes one value and reads it back. Never throws: failures are outcomes. */
	public synchronized WriteOutcome write(KsmSysfsFile file, String value) {
		Thread only = onlyWriter;
		if (only != null && only != Thread.currentThread()) {
			return outcome(file, value, WriteResult.EACCES, null,
					NLS.bind(Messages.WRITE_FAILED, new Object[] { file.fileName(), value, Messages.WRITE_STOPPED_RESTORING }), null);
		}
		if (!file.writable()) {
			return outcome(file, value, WriteResult.EACCES, null,
					NLS.bind(Messages.WRITE_FAILED, new Object[] { file.fileName(), value, "a read-only counter" }), null);
		}
		@Nullable String before = readQuietly(file);
		try {
			// one write(2) of the whole value, as `echo VALUE > file` does; TRUNCATE_EXISTING is ignored by sysfs
			Files.write(sysfs.path(file), (value + "\n").getBytes(StandardCharsets.US_ASCII),
					StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		} catch (NoSuchFileException e) {
			return outcome(file, value, WriteResult.ENOENT, null,
					NLS.bind(Messages.WRITE_ENOENT, file.fileName()), null);
		} catch (AccessDeniedException e) {
			return outcome(file, value, WriteResult.EACCES, before,
					NLS.bind(Messages.WRITE_EACCES, file.fileName()), null);
		} catch (IOException e) {
			WriteResult result = classify(e);
			@Nullable String after = readQuietly(file);
			return switch (result) {
			case EBUSY -> outcome(file, value, result, after,
					NLS.bind(Messages.WRITE_EBUSY, new Object[] { file.fileName(), value, String.valueOf(after) }),
					NLS.bind(Messages.FIX_EBUSY, file.fileName() + "=" + value));
			case EINVAL -> outcome(file, value, result, after,
					NLS.bind(Messages.WRITE_EINVAL, new Object[] { file.fileName(), value, String.valueOf(after) }),
					file == KsmSysfsFile.PAGES_TO_SCAN && "scan-time".equals(readQuietly(KsmSysfsFile.ADVISOR_MODE))
							? Messages.FIX_EINVAL_PAGES_TO_SCAN
							: null);
			case EACCES -> outcome(file, value, result, after,
					NLS.bind(Messages.WRITE_EACCES, file.fileName()), null);
			default -> outcome(file, value, result, after,
					NLS.bind(Messages.WRITE_FAILED, new Object[] { file.fileName(), value, e.getMessage() }), null);
			};
		}
		@Nullable String after = readQuietly(file);
		return outcome(file, value, WriteResult.OK, after, NLS.bind(Messages.WRITE_OK, file.fileName(),
				after != null ? after : value), null);
	}

	/** Writes the steps of a plan in order, continuing after refused writes, and returns every outcome. */
	public List<WriteOutcome> apply(ApplyPlan plan) {
		List<WriteOutcome> outcomes = new ArrayList<>();
		for (ApplyPlan.Step step : plan.steps()) {
			outcomes.add(write(step.file(), step.value()));
		}
		return outcomes;
	}

	/** The errno behind an I/O error's message ({@code strerror} text, as the JDK reports it). */
	static WriteResult classify(IOException e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains("Device or resource busy")) {
			return WriteResult.EBUSY;
		}
		if (message.contains("Invalid argument")) {
			return WriteResult.EINVAL;
		}
		if (message.contains("Permission denied") || message.contains("Operation not permitted")) {
			return WriteResult.EACCES;
		}
		if (message.contains("No such file")) {
			return WriteResult.ENOENT;
		}
		return WriteResult.ERROR;
	}

	private @Nullable String readQuietly(KsmSysfsFile file) {
		try {
			return sysfs.read(file);
		} catch (KsmUnavailableException e) {
			return null;
		}
	}

	private static WriteOutcome outcome(KsmSysfsFile file, String value, WriteResult result, @Nullable String after,
			String message, @Nullable String fix) {
		return new WriteOutcome(file, value, result, after == null ? Optional.empty() : Optional.of(after), message,
				fix == null ? Optional.empty() : Optional.of(fix));
	}
}
