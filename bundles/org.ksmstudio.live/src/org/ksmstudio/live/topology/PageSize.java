package org.ksmstudio.live.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's base page size, as the kernel reports it for this process's mappings. */
public final class PageSize {

	/** The usual base page size, used where proc tells nothing (a fake tree). */
	public static final long DEFAULT = 4096;

	private PageSize() {
	}

	/** KernelPageSize of the first mapping in {@code proc/self/smaps}, else {@link #DEFAULT}. */
	public static long of(Path proc) {
		try (var lines = Files.lines(proc.resolve("self/smaps"), StandardCharsets.UTF_8)) {
			return lines.filter(l -> l.startsWith("KernelPageSize:")).findFirst()
					.map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).orElse(DEFAULT);
		} catch (IOException | RuntimeException e) {
			return DEFAULT;
		}
	}
}
