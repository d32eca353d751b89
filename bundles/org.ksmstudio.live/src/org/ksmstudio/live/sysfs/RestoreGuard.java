package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;

/**
 * Guarantees that the kernel's KSM tunables are put back after an experiment: a snapshot
 * is taken and stored on disk before the first write, restored on {@link #close()}, by a
 * shutdown hook if the JVM exits first (which first stops every other thread's writes), and by
 * {@link #recoverPending(KsmSysfsWriter, Path)} at the next start of any command if the JVM was
 * killed. The snapshot is on disk (fsynced) before the first write. Every restore is verified by
 * reading back.
 *
 * <pre>
 * try (RestoreGuard guard = RestoreGuard.begin(writer, restoreFile)) {
 *     writer.write(KsmSysfsFile.MAX_PAGE_SHARING, "16");
 *     ...
 * } // restored and verified here, also on exceptions
 * </pre>
 */
public final class RestoreGuard implements AutoCloseable {

	private final KsmSysfsWriter writer;
	private final Path restoreFile;
	private final TunableSnapshot snapshot;
	private final Thread shutdownHook;
	private @Nullable RestoreReport report;

	private RestoreGuard(KsmSysfsWriter writer, Path restoreFile, TunableSnapshot snapshot) {
		this.writer = writer;
		this.restoreFile = restoreFile;
		this.snapshot = snapshot;
		this.shutdownHook = new Thread(this::restoreQuietly, "KSM tunables restore");
	}

	/** Name of the snapshot file. */
	static final String FILE_NAME = "ksm-tunables-restore.properties"; //$NON-NLS-1$

	/**
	 * Where the application keeps the snapshot of a running experiment: {@code /run/ksmstudio}
	 * when {@code /run} is writable (root: every command and every user's session finds it there,
	 * whatever its HOME, and a reboot, which resets the tunables, also clears it), else
	 * {@code ~/.ksmstudio} (a user who cannot write /run cannot write the tunables either).
	 */
	public static Path defaultRestoreFile() {
		Path run = Path.of("/run"); //$NON-NLS-1$
		if (Files.isDirectory(run) && Files.isWritable(run)) {
			return run.resolve("ksmstudio").resolve(FILE_NAME); //$NON-NLS-1$
		}
		return Path.of(System.getProperty("user.home"), ".ksmstudio", FILE_NAME); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Recovers a pending snapshot left by an earlier experiment, then snapshots the tunables
	 * now, stores them in {@code restoreFile} and arms the shutdown hook.
	 */
	public static RestoreGuard begin(KsmSysfsWriter writer, Path restoreFile) throws IOException {
		Optional<RestoreReport> recovered = recoverPending(writer, restoreFile);
		if (recovered.isPresent() && !recovered.get().verified()) {
			throw new KsmUnavailableException(NLS.bind(Messages.RESTORE_EARLIER_FAILED, restoreFile,
					String.join("; ", recovered.get().mismatches()))); //$NON-NLS-1$
		}
		TunableSnapshot snapshot = TunableSnapshot.capture(writer.sysfs());
		snapshot.store(restoreFile);
		RestoreGuard guard = new RestoreGuard(writer, restoreFile, snapshot);
		Runtime.getRuntime().addShutdownHook(guard.shutdownHook);
		return guard;
	}

	/**
	 * Restores the tunables stored in {@code restoreFile} by an experiment that did not
	 * finish (crash, kill), and deletes the file once the restore is verified.
	 *
	 * @return the report, or empty when nothing was pending
	 */
	public static Optional<RestoreReport> recoverPending(KsmSysfsWriter writer, Path restoreFile) throws IOException {
		if (!Files.exists(restoreFile)) {
			return Optional.empty();
		}
		RestoreReport report = restore(writer, TunableSnapshot.load(restoreFile));
		if (report.verified()) {
			Files.deleteIfExists(restoreFile);
		}
		return Optional.of(report);
	}

	/** The tunables as they were before the experiment. */
	public TunableSnapshot snapshot() {
		return snapshot;
	}

	/** The report of the restore, once done. */
	public Optional<RestoreReport> report() {
		RestoreReport done = report;
		return done == null ? Optional.empty() : Optional.of(done);
	}

	/**
	 * Restores and verifies (once; later calls return the first report), deletes the
	 * restore file when verified, and disarms the shutdown hook.
	 */
	public synchronized RestoreReport restore() throws IOException {
		RestoreReport done = report;
		if (done == null) {
			done = restore(writer, snapshot);
			report = done;
			if (done.verified()) {
				Files.deleteIfExists(restoreFile);
			}
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			} catch (IllegalStateException e) {
				// the JVM is shutting down: the hook is running or done
			}
		}
		return done;
	}

	/**
	 * Restores and verifies.
	 *
	 * @throws KsmUnavailableException when the restore could not be verified (the restore
	 *                                 file is then kept for the next start)
	 */
	@Override
	public void close() throws IOException {
		RestoreReport done = restore();
		if (!done.verified()) {
			throw new KsmUnavailableException(NLS.bind(Messages.RESTORE_FAILED,
					String.join("; ", done.mismatches()), restoreFile)); //$NON-NLS-1$
		}
	}

	private void restoreQuietly() {
		try {
			writer.stopOthers();
			restore();
		} catch (IOException | RuntimeException e) {
			System.err.println("KSM Studio: could not restore the KSM tunables: " + e.getMessage());
		}
	}

	/**
	 * Puts {@code snapshot} back: unmerge first (run=2) when the snapshot's run was not 1, so
	 * that nothing merged during the experiment stays merged, or when a sharing limit must
	 * change; then the tunables in the order of {@link ApplyPlanner}; then run.
	 */
	static RestoreReport restore(KsmSysfsWriter writer, TunableSnapshot snapshot) throws KsmUnavailableException {
		KsmSysfs sysfs = writer.sysfs();
		Map<KsmSysfsFile, String> wanted = snapshot.values();
		String run = wanted.get(KsmSysfsFile.RUN);
		List<WriteOutcome> writes = new ArrayList<>();
		KsmSample now = sysfs.sample();
		boolean limitsChange = !same(now, wanted, KsmSysfsFile.MAX_PAGE_SHARING)
				|| !same(now, wanted, KsmSysfsFile.MERGE_ACROSS_NODES);
		if (!"1".equals(run) || limitsChange) {
			writes.add(writer.write(KsmSysfsFile.RUN, "2"));
			now = sysfs.sample();
		}
		Map<KsmSysfsFile, String> withoutRun = new EnumMap<>(wanted);
		withoutRun.remove(KsmSysfsFile.RUN);
		writes.addAll(writer.apply(ApplyPlanner.plan(withoutRun, now)));
		if (!same(sysfs.sample(), wanted, KsmSysfsFile.RUN)) {
			writes.add(writer.write(KsmSysfsFile.RUN, run));
		}

		List<String> mismatches = new ArrayList<>();
		KsmSample after = sysfs.sample();
		boolean advisorManaged = !"none".equals(wanted.getOrDefault(KsmSysfsFile.ADVISOR_MODE, "none"));
		for (Map.Entry<KsmSysfsFile, String> e : wanted.entrySet()) {
			if (e.getKey() == KsmSysfsFile.PAGES_TO_SCAN && advisorManaged) {
				continue; // the advisor sets it; it cannot be written
			}
			String actual = after.text(e.getKey()).orElse("(missing)");
			if (!actual.equals(e.getValue())) {
				mismatches.add(NLS.bind(Messages.RESTORE_MISMATCH, new Object[] { e.getKey().fileName(), actual, e.getValue() }));
			}
		}
		return new RestoreReport(writes, mismatches);
	}

	private static boolean same(KsmSample sample, Map<KsmSysfsFile, String> wanted, KsmSysfsFile file) {
		String value = wanted.get(file);
		return !wanted.containsKey(file) || sample.text(file).filter(value::equals).isPresent();
	}
}
