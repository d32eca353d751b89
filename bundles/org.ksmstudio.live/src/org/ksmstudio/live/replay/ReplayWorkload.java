package org.ksmstudio.live.replay;

import java.util.Objects;

import org.ksmstudio.engine.reference.ReferenceWorkload;
import org.ksmstudio.engine.scenario.Workload;

/**
 * The workload shape of format 1 of the reference format: identical processes, each with one
 * anonymous MADV_MERGEABLE region of {@code pagesPerProcess} pages filled in page order with
 * {@code distinctContents × copiesPerContent} pages, then {@code uniquePages} pages of unique
 * content, then {@code zeroPages} zero-filled pages. A shorthand for {@link #toWorkload()}, the
 * engine's workload that the replay runs.
 *
 * @param processes                  number of processes, started one after the other
 * @param pagesPerProcess            pages per process (the pages filled)
 * @param distinctContents           K
 * @param copiesPerContent           R
 * @param layout                     block (page i has content i / R) or interleave (i % K)
 * @param uniquePages                pages of content of their own
 * @param zeroPages                  zero-filled pages
 * @param sameContentsInEveryProcess whether content k is equal in every process (else salted per process)
 */
public record ReplayWorkload(int processes, long pagesPerProcess, long distinctContents, long copiesPerContent,
		Layout layout, long uniquePages, long zeroPages, boolean sameContentsInEveryProcess) {

	/** How the copies of the distinct contents are laid out. */
	public enum Layout {
		BLOCK, INTERLEAVE;

		/** The name in the reference format and the generator protocol. */
		public String referenceName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** The layout of a reference-format name. */
		public static Layout of(String name) {
			for (Layout l : values()) {
				if (l.referenceName().equals(name)) {
					return l;
				}
			}
			throw new IllegalArgumentException("layout must be block or interleave, was '" + name + "'");
		}
	}

	public ReplayWorkload {
		check(processes >= 1 && processes <= 4096, "processes", processes, "must be 1..4096");
		check(distinctContents >= 0, "distinct_contents", distinctContents, "must be >= 0");
		check(copiesPerContent >= 0, "copies_per_content", copiesPerContent, "must be >= 0");
		check(uniquePages >= 0, "unique_pages", uniquePages, "must be >= 0");
		check(zeroPages >= 0, "zero_pages", zeroPages, "must be >= 0");
		check(distinctContents == 0 || copiesPerContent <= Long.MAX_VALUE / distinctContents, "copies_per_content",
				copiesPerContent, "times distinct_contents overflows");
		long filled = distinctContents * copiesPerContent + uniquePages + zeroPages;
		check(pagesPerProcess == filled && pagesPerProcess >= 1, "pages_per_process", pagesPerProcess,
				"must be at least 1 and equal the " + filled + " pages filled");
		check(distinctContents <= Integer.MAX_VALUE && copiesPerContent <= Integer.MAX_VALUE, "distinct_contents",
				distinctContents, "and copies_per_content must be at most " + Integer.MAX_VALUE);
		layout = Objects.requireNonNullElse(layout, Layout.BLOCK); // a reader outside null analysis may pass null
	}

	/** The pages filled in each process. */
	public long filledPages() {
		return distinctContents * copiesPerContent + uniquePages + zeroPages;
	}

	/** The engine's workload of this shape ({@link ReferenceWorkload#uniform}). */
	public Workload toWorkload() {
		return ReferenceWorkload.uniform(processes, (int) distinctContents, (int) copiesPerContent,
				layout == Layout.INTERLEAVE ? org.ksmstudio.engine.scenario.Layout.INTERLEAVE
						: org.ksmstudio.engine.scenario.Layout.BLOCK,
				uniquePages, zeroPages, sameContentsInEveryProcess);
	}

	private static void check(boolean ok, String field, Object value, String rule) {
		if (!ok) {
			throw new IllegalArgumentException("workload." + field + " = " + value + ": " + rule);
		}
	}
}
