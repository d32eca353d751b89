package org.ksmstudio.live.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads the pages of one VMA of one process: its pagemap entries (present, swapped, PFN,
 * soft-dirty), the contents of its present pages through {@code /proc/PID/mem} (reduced to
 * fingerprints at once) and, with root, the flags of their frames from {@code /proc/kpageflags}.
 * Never touches a page that is not present, so that nothing is faulted or swapped in.
 */
final class RegionReader {

	/** Pages read from /proc/PID/mem in one call. */
	private static final int RUN = 256;
	/** Pagemap entries read in one call. */
	private static final int ENTRIES = 1 << 15;

	private final FileChannel pagemap;
	private final FileChannel mem;
	private final @Nullable KernelPageFlags flags;
	private final int pageSize;
	private final ByteBuffer entries = ByteBuffer.allocateDirect(ENTRIES * PagemapEntry.BYTES)
			.order(ByteOrder.nativeOrder());
	private final ByteBuffer pages;

	/**
	 * @param flags null when /proc/kpageflags is not readable
	 */
	RegionReader(FileChannel pagemap, FileChannel mem, @Nullable KernelPageFlags flags, int pageSize) {
		this.pagemap = pagemap;
		this.mem = mem;
		this.flags = flags;
		this.pageSize = pageSize;
		this.pages = ByteBuffer.allocateDirect(RUN * pageSize).order(ByteOrder.nativeOrder());
	}

	/** The fingerprint recorded for a page that is not present any more in a later pass. */
	static final long GONE = Long.MIN_VALUE;
	/**
	 * The fingerprint recorded for a page mapped to the kernel's zero page (KPF_ZERO_PAGE): a read
	 * fault, a huge page split by the underused-THP shrinker, or a KSM zero page (use_zero_pages).
	 */
	static final long ZERO_PAGE_MAPPED = Long.MIN_VALUE + 1;

	/** What one pass over a region found. */
	static final class Pass {
		/** bit i: page i of the VMA was present */
		long[] present;
		/** fingerprints of the present pages, in address order */
		long[] fingerprints;
		int presentCount;
		long notFaulted;
		long swapped;
		long ksm;
		long thp;
		long zeroPage;
		long softDirty;
		long frameSignature;
		boolean pfnsHidden;

		Pass(int presentWords, int fingerprintCapacity) {
			present = new long[presentWords];
			fingerprints = new long[fingerprintCapacity];
		}

		void add(long fingerprint) {
			if (presentCount == fingerprints.length) {
				fingerprints = Arrays.copyOf(fingerprints, fingerprints.length * 2);
			}
			fingerprints[presentCount++] = fingerprint;
		}

		boolean isPresent(long page) {
			if (page >>> 6 >= present.length) {
				return false;
			}
			return (present[(int) (page >>> 6)] >>> page & 1) != 0;
		}
	}

	/**
	 * Reads the region {@code [start, end)}.
	 *
	 * @param earlier  when not null, an earlier pass over the same region: only its present pages
	 *                 are read, and the fingerprints are those of its present pages in order,
	 *                 {@link #GONE} where a page is not present any more
	 * @param progress called with the number of pages done after each batch of pagemap entries
	 */
	Pass read(long start, long end, @Nullable Pass earlier, LongConsumer progress, BooleanSupplier cancelled)
			throws IOException {
		long count = (end - start) / pageSize;
		Pass pass = new Pass((int) ((count + 63) >>> 6),
				earlier == null ? (int) Math.min(count, 1 << 16) : earlier.presentCount);
		long signature = 0x51AFD7ED558CCD1DL;
		for (long first = 0; first < count; first += ENTRIES) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException("capture cancelled");
			}
			int n = (int) Math.min(ENTRIES, count - first);
			readFully(pagemap, entries, (start / pageSize + first) * PagemapEntry.BYTES, n * PagemapEntry.BYTES);
			int i = 0;
			while (i < n) {
				long entry = entry(i);
				long page = first + i;
				if (earlier != null && !earlier.isPresent(page)) {
					i++;
					continue;
				}
				if (!PagemapEntry.present(entry)) {
					if (earlier != null) {
						pass.add(GONE);
					} else if (PagemapEntry.swapped(entry)) {
						pass.swapped++;
					} else {
						pass.notFaulted++;
					}
					i++;
					continue;
				}
				int run = 1;
				while (run < RUN && i + run < n && PagemapEntry.present(entry(i + run))
						&& (earlier == null || earlier.isPresent(page + run))) {
					run++;
				}
				int got = readAvailable(mem, pages, start + page * pageSize, run * pageSize) / pageSize;
				for (int k = 0; k < run; k++) {
					long e = entry(i + k);
					if (k >= got) {
						// unmapped while being read
						if (earlier != null) {
							pass.add(GONE);
						} else {
							pass.notFaulted++;
						}
						continue;
					}
					pass.present[(int) ((page + k) >>> 6)] |= 1L << (page + k);
					long fingerprint = PageFingerprint.of(pages, k * pageSize, pageSize);
					pass.softDirty += PagemapEntry.softDirty(e) ? 1 : 0;
					long pfn = PagemapEntry.pfn(e);
					pass.pfnsHidden |= pfn == 0;
					signature = Long.rotateLeft(signature ^ pfn * 0x9E3779B97F4A7C15L, 23) * 0xC2B2AE3D27D4EB4FL;
					if (flags != null && pfn != 0) {
						long f = flags.flags(pfn);
						pass.ksm += KernelPageFlags.has(f, KernelPageFlags.KPF_KSM) ? 1 : 0;
						pass.thp += KernelPageFlags.has(f, KernelPageFlags.KPF_THP) ? 1 : 0;
						if (KernelPageFlags.has(f, KernelPageFlags.KPF_ZERO_PAGE)) {
							pass.zeroPage++;
							fingerprint = ZERO_PAGE_MAPPED;
						}
					}
					pass.add(fingerprint);
				}
				i += run;
			}
			progress.accept(n);
		}
		pass.fingerprints = Arrays.copyOf(pass.fingerprints, pass.presentCount);
		pass.frameSignature = pass.pfnsHidden ? 0 : signature;
		return pass;
	}

	private long entry(int index) {
		return entries.getLong(index * PagemapEntry.BYTES);
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position, int length) throws IOException {
		buffer.clear().limit(length);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				throw new IOException("short read at " + Long.toHexString(position));
			}
		}
	}

	/** Reads as much as the kernel gives (a VMA may shrink while it is read). */
	private static int readAvailable(FileChannel channel, ByteBuffer buffer, long position, int length) {
		buffer.clear().limit(length);
		try {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, position + buffer.position()) <= 0) {
					break;
				}
			}
		} catch (IOException e) {
			// EIO: the range was unmapped meanwhile; what was read stays valid
		}
		return buffer.position();
	}
}
