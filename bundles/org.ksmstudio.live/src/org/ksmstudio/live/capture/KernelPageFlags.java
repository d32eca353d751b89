package org.ksmstudio.live.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code /proc/kpageflags}: the flags of each page frame, indexed by PFN
 * ({@code stable_page_flags()} in fs/proc/page.c). Readable by root only.
 */
public final class KernelPageFlags implements AutoCloseable {

	/** KPF_KSM: the frame is a KSM page. */
	public static final int KPF_KSM = 21;
	/** KPF_THP: the frame belongs to a transparent huge page. */
	public static final int KPF_THP = 22;
	/** KPF_ZERO_PAGE: the frame is the zero page (or the huge zero page). */
	public static final int KPF_ZERO_PAGE = 24;

	private final FileChannel channel;
	private final ByteBuffer buffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

	private KernelPageFlags(FileChannel channel) {
		this.channel = channel;
	}

	/**
	 * Opens {@code proc/kpageflags}.
	 *
	 * @throws IOException when it is absent or not readable (not root)
	 */
	public static KernelPageFlags open(Path proc) throws IOException {
		return new KernelPageFlags(FileChannel.open(proc.resolve("kpageflags"), StandardOpenOption.READ));
	}

	/** The flags of frame {@code pfn}, 0 when the kernel reports none. */
	public long flags(long pfn) throws IOException {
		buffer.clear();
		int n = channel.read(buffer, pfn * 8);
		return n == 8 ? buffer.getLong(0) : 0;
	}

	/** Whether bit {@code kpf} is set in {@code flags}. */
	public static boolean has(long flags, int kpf) {
		return (flags >>> kpf & 1) != 0;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
