package org.ksmstudio.live.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.sysfs.PendingSnapshot;

/**
 * Restores, once per start of the application, the KSM tunables that a replay or calibration
 * left changed when it could not finish (the application was killed): {@link RestoreGuard}
 * keeps them in a file until they are restored. Nothing is written when there is no such file.
 */
public final class PendingRestore {

	private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);
	private static final Set<Path> DONE = ConcurrentHashMap.newKeySet();
	private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();
	private static volatile @Nullable String message;

	private PendingRestore() {
	}

	/** Recovers on the calling thread (not the UI thread), the first time only for each restore file. */
	public static void recoverOnce(LiveSources sources) {
		if (!DONE.add(sources.restoreFile().toAbsolutePath()) || !Files.exists(sources.restoreFile())) {
			return;
		}
		Optional<PendingSnapshot.Outcome> outcome = PendingSnapshot.recover(sources.sysfs(), sources.restoreFile(),
				sources.lockFile(), LOCK_TIMEOUT);
		if (outcome.isEmpty()) {
			return;
		}
		String result = switch (outcome.get().kind()) {
		case RESTORED -> NLS.bind(Messages.restoreDone, sources.restoreFile());
		case NEEDS_ROOT -> NLS.bind(Messages.restoreNeedsRoot, sources.restoreFile());
		case FAILED -> NLS.bind(Messages.restoreFailed, sources.restoreFile(), outcome.get().detail());
		};
		String done = result;
		message = done;
		ILog.of(PendingRestore.class).log(Status.info(done));
		LISTENERS.forEach(l -> l.accept(done));
	}

	/** What the recovery did, if it did something. */
	public static Optional<String> message() {
		String done = message;
		return done == null ? Optional.empty() : Optional.of(done);
	}

	/** Told (on the recovering thread) when a recovery happened. */
	public static void addListener(Consumer<String> listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Consumer<String> listener) {
		LISTENERS.remove(listener);
	}
}
