package org.ksmstudio.live.capture;

/**
 * The 64-bit entries of {@code /proc/PID/pagemap}, one per virtual page, as
 * {@code pagemap_read()} in fs/proc/task_mmu.c writes them (Documentation/admin-guide/mm/pagemap.rst).
 */
public final class PagemapEntry {

	/** Bytes per entry. */
	public static final int BYTES = 8;

	private static final long PM_PRESENT = 1L << 63;
	private static final long PM_SWAP = 1L << 62;
	private static final long PM_FILE = 1L << 61;
	private static final long PM_SOFT_DIRTY = 1L << 55;
	private static final long PM_PFN_MASK = (1L << 55) - 1;

	private PagemapEntry() {
	}

	/** Bit 63: the page is in RAM. */
	public static boolean present(long entry) {
		return (entry & PM_PRESENT) != 0;
	}

	/** Bit 62: the page is swapped out. */
	public static boolean swapped(long entry) {
		return (entry & PM_SWAP) != 0;
	}

	/** Bit 61: a file page or shared anonymous page (not a private anonymous page). */
	public static boolean fileOrShared(long entry) {
		return (entry & PM_FILE) != 0;
	}

	/** Bit 55: written since the last {@code echo 4 > /proc/PID/clear_refs}. */
	public static boolean softDirty(long entry) {
		return (entry & PM_SOFT_DIRTY) != 0;
	}

	/** Bits 0-54 of a present page: its page frame number; 0 without CAP_SYS_ADMIN. */
	public static long pfn(long entry) {
		return present(entry) ? entry & PM_PFN_MASK : 0;
	}
}
