package org.ksmstudio.live.proc;

import java.util.Set;

/**
 * One VMA of a process as {@code /proc/PID/smaps} shows it.
 *
 * @param start          first address
 * @param end            address after the last byte
 * @param name           the mapping's name ({@code [heap]}, a file path), empty for anonymous memory
 * @param rssBytes       resident bytes (Rss)
 * @param anonymousBytes anonymous resident bytes (Anonymous)
 * @param flags          the two-letter VmFlags ({@code rd wr mr mw me ac mg ...})
 */
public record Vma(long start, long end, String name, long rssBytes, long anonymousBytes, Set<String> flags) {

	public Vma {
		flags = Set.copyOf(flags);
	}

	/** The size of the range in bytes. */
	public long sizeBytes() {
		return end - start;
	}

	/** VM_MERGEABLE: KSM scans it ({@code mg}). */
	public boolean mergeable() {
		return flags.contains("mg");
	}

	/**
	 * Whether KSM could scan it if it were made mergeable: a private mapping that is neither
	 * shared, I/O, PFN-mapped, hugetlbfs nor VM_DONTEXPAND, as {@code vma_ksm_compatible()} in
	 * mm/ksm.c asks, holding anonymous memory (an anonymous mapping, heap or stack).
	 */
	public boolean anonymousPrivate() {
		for (String refused : new String[] { "sh", "ms", "io", "pf", "de", "ht", "mm" }) {
			if (flags.contains(refused)) {
				return false;
			}
		}
		return name.isEmpty() || name.equals("[heap]") || name.equals("[stack]") || name.startsWith("[anon:");
	}
}
