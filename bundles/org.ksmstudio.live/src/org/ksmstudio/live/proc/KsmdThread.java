package org.ksmstudio.live.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ksmd kernel thread in {@code /proc}: its pid and its CPU time, the first field of
 * {@code /proc/PID/schedstat} (nanoseconds on CPU, the {@code sum_exec_runtime} that
 * {@code task_sched_runtime()} returns and the scan-time advisor of mm/ksm.c reads). Read only.
 */
public final class KsmdThread {

	private static final String NAME = "ksmd";

	private final Path schedstat;
	private final Path stat;
	private final int pid;

	private KsmdThread(Path proc, int pid) {
		this.pid = pid;
		this.schedstat = proc.resolve(Integer.toString(pid)).resolve("schedstat");
		this.stat = proc.resolve(Integer.toString(pid)).resolve("stat");
	}

	/**
	 * Finds ksmd under {@code proc}: the process whose {@code comm} is {@code ksmd} and whose parent is
	 * kthreadd (pid 2).
	 *
	 * @return empty when there is none (no KSM, or a fake tree without it)
	 */
	public static Optional<KsmdThread> find(Path proc) throws IOException {
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
			for (Path dir : dirs) {
				if (NAME.equals(readOrEmpty(dir.resolve("comm"))) && parentOf(dir) == 2) {
					return Optional.of(new KsmdThread(proc, Integer.parseInt(dir.getFileName().toString())));
				}
			}
		}
		return Optional.empty();
	}

	/** ksmd's pid. */
	public int pid() {
		return pid;
	}

	/** ksmd's CPU time since it started, ns; empty when it cannot be read (the thread is gone). */
	public OptionalLong cpuNanos() {
		String text = readOrEmpty(schedstat);
		int space = text.indexOf(' ');
		try {
			return space <= 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.substring(0, space)));
		} catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Whether ksmd is on a CPU or waiting for one (state R of {@code /proc/PID/stat}): inside a batch
	 * (ksm_do_scan), where its counters change page by page; between batches it sleeps (S) in
	 * ksm_scan_thread's wait_event_freezable_timeout. False when the state cannot be read.
	 */
	public boolean running() {
		String text = readOrEmpty(stat);
		int close = text.lastIndexOf(')');
		return close >= 0 && text.substring(close + 1).trim().startsWith("R");
	}

	private static int parentOf(Path dir) {
		// /proc/PID/stat: pid (comm) state ppid ...; comm may hold spaces, so count from the last ')'
		String stat = readOrEmpty(dir.resolve("stat"));
		int close = stat.lastIndexOf(')');
		String[] rest = close < 0 ? new String[0] : stat.substring(close + 1).trim().split(" ");
		try {
			return rest.length > 1 ? Integer.parseInt(rest[1]) : -1;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String readOrEmpty(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		} catch (IOException | RuntimeException e) {
			// gone or unreadable: treated as absent
			return "";
		}
	}
}
