package org.ksmstudio.live.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ksmstudio.live.Messages;

/**
 * One running workload generator: a process with one MADV_MERGEABLE region, driven over its
 * standard input and output (see {@code native/ksm-workload.c}). Closing it ends the process;
 * the process also dies with the JVM.
 */
public final class WorkloadProcess implements AutoCloseable {

	private final Process process;
	private final BufferedReader replies;
	private final Writer commands;
	private final int pid;
	private final long pageSize;

	private WorkloadProcess(Process process) throws IOException {
		this.process = process;
		this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
		String ready = replies.readLine();
		String[] words = ready == null ? new String[0] : ready.split(" ");
		if (words.length != 3 || !words[0].equals("ready")) {
			process.destroyForcibly();
			throw new IOException(Messages.format(Messages.GENERATOR_DID_NOT_START, ready));
		}
		this.pid = Integer.parseInt(words[1]);
		this.pageSize = Long.parseLong(words[2]);
	}

	/** Starts a generator from its binary (see {@link WorkloadGenerator#binary(Path)}). */
	public static WorkloadProcess start(Path binary) throws IOException {
		Process process = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try {
			return new WorkloadProcess(process);
		} catch (IOException | RuntimeException e) {
			process.destroyForcibly();
			throw e;
		}
	}

	/** The generator's process id, for {@code /proc/PID/ksm_stat}. */
	public int pid() {
		return pid;
	}

	/** The page size the generator uses. */
	public long pageSize() {
		return pageSize;
	}

	/**
	 * Maps {@code pages} pages of anonymous MADV_MERGEABLE memory (MADV_NOHUGEPAGE).
	 *
	 * @return the region's start address
	 */
	public long map(long pages) throws IOException {
		return address(command("map " + pages));
	}

	/**
	 * Maps {@code pages} pages of anonymous MADV_MERGEABLE memory aligned to 2 MiB with
	 * MADV_HUGEPAGE, so that the fill faults in transparent huge pages where the kernel can.
	 *
	 * @return the region's start address
	 */
	public long mapHuge(long pages) throws IOException {
		return address(command("map " + pages + " huge"));
	}

	/**
	 * Forks a child that shares the region copy-on-write (the same anon_vma) and sleeps until
	 * this generator ends.
	 *
	 * @return the child's pid
	 */
	public int fork() throws IOException {
		return Integer.parseInt(command("fork").trim());
	}

	private static long address(String reply) throws IOException {
		String hex = reply.trim();
		try {
			return Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
		} catch (NumberFormatException e) {
			throw new IOException("The workload generator replied '" + reply + "' to map, not an address", e);
		}
	}

	/**
	 * Fills the region in page order: {@code distinct × copies} pages of content (layout block
	 * or interleave), {@code unique} pages of their own content, {@code zero} zero pages.
	 * Processes given the same {@code salt} get equal contents.
	 */
	public void fill(long distinct, long copies, ReplayWorkload.Layout layout, long unique, long zero, long salt)
			throws IOException {
		command("fill " + distinct + " " + copies + " " + layout.referenceName() + " " + unique + " " + zero + " "
				+ salt);
	}

	/** Writes pages {@code from} to {@code to} (exclusive) stepping by {@code every}, with unique or the same content. */
	public void write(long from, long to, long every, boolean unique) throws IOException {
		command("write " + from + " " + to + " " + every + " " + (unique ? "unique" : "same"));
	}

	/** Sends one command and returns its reply after "ok". */
	private synchronized String command(String command) throws IOException {
		if (!process.isAlive()) {
			throw new IOException(Messages.format(Messages.GENERATOR_EXITED, Long.toString(pid), command));
		}
		commands.write(command + "\n");
		commands.flush();
		String reply = replies.readLine();
		if (reply == null) {
			throw new IOException(Messages.format(Messages.GENERATOR_ENDED, Long.toString(pid), command));
		}
		if (reply.startsWith("err ")) {
			throw new IOException(Messages.format(Messages.GENERATOR_REFUSED, Long.toString(pid), command,
					reply.substring(4)));
		}
		return reply.length() > 3 ? reply.substring(3) : "";
	}

	/** Asks the generator to exit, and kills it if it does not within a few seconds. */
	@Override
	public void close() {
		try {
			if (process.isAlive()) {
				commands.write("exit\n");
				commands.flush();
				commands.close();
			}
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		} catch (IOException e) {
			process.destroyForcibly();
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
