package org.ksmstudio.live.proc;

/**
 * A VMA of a process that KSM may merge ({@code mg} in its smaps VmFlags).
 *
 * @param start          first address
 * @param end            address after the last byte
 * @param name           the mapping's name ({@code [heap]}, a file path), empty for anonymous memory
 * @param rssBytes       resident bytes (Rss)
 * @param anonymousBytes anonymous resident bytes (Anonymous), the part KSM can scan
 */
public record MergeableRegion(long start, long end, String name, long rssBytes, long anonymousBytes) {

	/** The size of the range in bytes. */
	public long sizeBytes() {
		return end - start;
	}
}
