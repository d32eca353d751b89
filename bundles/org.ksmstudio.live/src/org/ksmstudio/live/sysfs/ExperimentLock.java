package org.ksmstudio.live.sysfs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.Messages;

/**
 * An exclusive lock held around a KSM write experiment, so that two experimenters on one
 * machine (two KSM Studio instances, or a developer's shell wrapped in
 * {@code flock LOCKFILE ...}) never write /sys/kernel/mm/ksm at the same time.
 * <p>
 * Takes both kinds of Linux lock on the file: a {@code flock(2)} lock, through the
 * util-linux {@code flock} command holding it for as long as this lock is open (Java
 * itself can only take {@code fcntl} locks, which {@code flock(1)} does not see), and a
 * {@link FileChannel#lock() POSIX lock}. Both are released when the JVM dies.
 */
public final class ExperimentLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock posixLock;
	private final @Nullable Process flockHolder;

	private ExperimentLock(FileChannel channel, FileLock posixLock, @Nullable Process flockHolder) {
		this.channel = channel;
		this.posixLock = posixLock;
		this.flockHolder = flockHolder;
	}

	/**
	 * The lock file every KSM Studio experiment on the real kernel shares: {@code $KSMSTUDIO_SYSFS_LOCK},
	 * else {@code ksmstudio-sysfs.lock} in the temporary directory.
	 */
	public static Path defaultFile() {
		String env = System.getenv("KSMSTUDIO_SYSFS_LOCK"); //$NON-NLS-1$
		return env != null && !env.isBlank() ? Path.of(env)
				: Path.of(System.getProperty("java.io.tmpdir"), "ksmstudio-sysfs.lock"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Waits up to {@code timeout} for the lock.
	 *
	 * @throws IOException when the lock could not be taken in time
	 */
	public static ExperimentLock acquire(Path lockFile, Duration timeout) throws IOException {
		@Nullable Process holder = startFlockHolder(lockFile, timeout);
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			FileLock lock;
			while ((lock = channel.tryLock()) == null) {
				if (System.nanoTime() > deadline) {
					throw new IOException(NLS.bind(Messages.LOCK_TIMEOUT, Long.toString(timeout.toSeconds()),
							lockFile));
				}
				Thread.sleep(50);
			}
			return new ExperimentLock(channel, lock, holder);
		} catch (IOException | InterruptedException | RuntimeException e) {
			channel.close();
			if (holder != null) {
				holder.destroyForcibly();
			}
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				throw new IOException(NLS.bind(Messages.LOCK_INTERRUPTED, lockFile), e);
			}
			throw e instanceof IOException io ? io : new IOException(e);
		}
	}

	/** A {@code flock} process that prints "locked" once it holds the lock and keeps it until its input ends. */
	private static @Nullable Process startFlockHolder(Path lockFile, Duration timeout) throws IOException {
		Path flock = findFlock();
		if (flock == null) {
			return null; // no util-linux: the POSIX lock alone
		}
		Process process = new ProcessBuilder(flock.toString(), "-w", Long.toString(Math.max(1, timeout.toSeconds())),
				lockFile.toString(), "-c", "echo locked; exec cat >/dev/null")
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		String line = out.readLine();
		if (!"locked".equals(line)) {
			process.destroyForcibly();
			throw new IOException(NLS.bind(Messages.LOCK_TIMEOUT_HELD, Long.toString(timeout.toSeconds()),
					lockFile));
		}
		return process;
	}

	private static @Nullable Path findFlock() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "flock");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** Releases both locks. */
	@Override
	public void close() throws IOException {
		try {
			posixLock.release();
			channel.close();
		} finally {
			Process holder = flockHolder;
			if (holder != null) {
				holder.getOutputStream().close();
				try {
					if (!holder.waitFor(5, TimeUnit.SECONDS)) {
						holder.destroyForcibly();
					}
				} catch (InterruptedException e) {
					holder.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			}
		}
	}
}
