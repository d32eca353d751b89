package org.ksmstudio.live.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.live.Messages;

/**
 * One running workload generator: a process with MADV_MERGEABLE regions, driven over its
 * standard input and output (see {@code native/ksm-workload.c}). Commands that fill or write act
 * on the current region, the last one mapped or the one {@link #selectRegion selected}. Closing it
 * ends the process; the process also dies with the JVM.
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
			throw new IOException(NLS.bind(Messages.GENERATOR_DID_NOT_START, ready));
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
	 * Maps a new region of {@code pages} pages of anonymous MADV_MERGEABLE memory (MADV_NOHUGEPAGE);
	 * it becomes the current region.
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

	/** Makes region {@code index} (0-based, in the order mapped) the current one. */
	public void selectRegion(int index) throws IOException {
		command("region " + index);
	}

	/**
	 * Fills the {@code distinct × copies} pages from page {@code from} with duplicates: the j-th
	 * gets content {@code j / copies} (block) or {@code j % distinct} (interleave) of content
	 * space {@code key}; equal keys and contents are equal bytes, in every generator.
	 */
	public void duplicates(long from, int distinct, int copies, Layout layout, long key) throws IOException {
		command("dup " + from + " " + distinct + " " + copies + " "
				+ (layout == Layout.INTERLEAVE ? "interleave" : "block") + " " + Long.toUnsignedString(key));
	}

	/** Fills {@code count} pages from page {@code from} with contents of their own. */
	public void unique(long from, long count) throws IOException {
		command("unique " + from + " " + count);
	}

	/** Faults in {@code count} zero-filled pages from page {@code from}. */
	public void zero(long from, long count) throws IOException {
		command("zero " + from + " " + count);
	}

	/**
	 * Fills pages from {@code from} with the contents of {@code ids} (id 0 a zero page, id k the
	 * content k of space {@code key}, as {@link #duplicates}), passed through a temporary file in
	 * {@code directory} that is deleted afterwards.
	 */
	public void contents(long from, PageContentIds ids, long key, Path directory) throws IOException {
		Files.createDirectories(directory);
		Path file = Files.createTempFile(directory, "ksm-workload-ids", ".bin");
		try {
			ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
			try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
				for (int p = 0; p < ids.pages(); p++) {
					if (!buffer.hasRemaining()) {
						drain(buffer, out);
					}
					buffer.putInt(ids.id(p));
				}
				drain(buffer, out);
			}
			command("ids " + from + " " + ids.pages() + " " + Long.toUnsignedString(key) + " " + file);
		} finally {
			Files.deleteIfExists(file);
		}
	}

	private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
		buffer.flip();
		while (buffer.hasRemaining()) {
			out.write(buffer);
		}
		buffer.clear();
	}

	/**
	 * Starts a writer thread on the current region (and in every child forked later): it rewrites
	 * {@code pagesPerSecond} pages per second, cycling over the region's {@code count} volatile pages
	 * as {@link Volatility#page} places them, with unique or the same content.
	 */
	public void startVolatileWrites(double pagesPerSecond, long count, double fraction, NewContent content)
			throws IOException {
		command("volatile " + pagesPerSecond + " " + count + " " + fraction + " "
				+ (content == NewContent.SAME ? "same" : "unique"));
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

	/**
	 * Pins pages {@code from} to {@code to} (exclusive) of the current region for the generator's
	 * lifetime (pin_user_pages with FOLL_LONGTERM, through an io_uring registered buffer).
	 */
	public void pin(long from, long to) throws IOException {
		command("pin " + from + " " + to);
	}

	/** The pages of the current region that are subpages of transparent huge pages now (AnonHugePages). */
	public long hugeSubpages() throws IOException {
		String reply = command("thp").trim();
		try {
			return Long.parseLong(reply);
		} catch (NumberFormatException e) {
			throw new IOException("The workload generator replied '" + reply + "' to thp, not a page count", e);
		}
	}

	/** Writes pages {@code from} to {@code to} (exclusive) stepping by {@code every}, with unique or the same content. */
	public void write(long from, long to, long every, boolean unique) throws IOException {
		command("write " + from + " " + to + " " + every + " " + (unique ? "unique" : "same"));
	}

	/** Sends one command and returns its reply after "ok". */
	private synchronized String command(String command) throws IOException {
		if (!process.isAlive()) {
			throw new IOException(NLS.bind(Messages.GENERATOR_EXITED, Long.toString(pid), command));
		}
		commands.write(command + "\n");
		commands.flush();
		String reply = replies.readLine();
		if (reply == null) {
			throw new IOException(NLS.bind(Messages.GENERATOR_ENDED, Long.toString(pid), command));
		}
		if (reply.startsWith("err ")) {
			throw new IOException(NLS.bind(Messages.GENERATOR_REFUSED, new Object[] { Long.toString(pid), command,
					reply.substring(4) }));
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
