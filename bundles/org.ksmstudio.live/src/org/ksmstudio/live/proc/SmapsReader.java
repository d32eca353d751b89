package org.ksmstudio.live.proc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code /proc/PID/smaps} into {@link Vma}s. */
public final class SmapsReader {

	private SmapsReader() {
	}

	/**
	 * Every VMA of the file, in address order.
	 *
	 * @throws IOException when it cannot be read (another user's process, without root)
	 */
	public static List<Vma> read(Path smaps) throws IOException {
		List<Vma> vmas = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(smaps, StandardCharsets.UTF_8)) {
			long start = 0;
			long end = 0;
			String name = "";
			long rss = 0;
			long anonymous = 0;
			for (String line; (line = in.readLine()) != null;) {
				int colon = line.indexOf(':');
				if (isRangeLine(line)) {
					String[] parts = line.trim().split("\\s+", 6);
					int dash = parts[0].indexOf('-');
					start = Long.parseUnsignedLong(parts[0].substring(0, dash), 16);
					end = Long.parseUnsignedLong(parts[0].substring(dash + 1), 16);
					name = parts.length == 6 ? parts[5].trim() : "";
					rss = 0;
					anonymous = 0;
				} else if (line.startsWith("Rss:")) {
					rss = kilobytes(line, colon);
				} else if (line.startsWith("Anonymous:")) {
					anonymous = kilobytes(line, colon);
				} else if (line.startsWith("VmFlags:")) {
					String flags = line.substring(colon + 1).trim();
					vmas.add(new Vma(start, end, name, rss, anonymous,
							flags.isEmpty() ? Set.of() : Set.of(flags.split("\\s+"))));
				}
			}
		}
		return vmas;
	}

	private static boolean isRangeLine(String line) {
		int dash = line.indexOf('-');
		int space = line.indexOf(' ');
		return dash > 0 && space > dash && line.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0);
	}

	private static long kilobytes(String line, int colon) {
		String value = line.substring(colon + 1).trim();
		int space = value.indexOf(' ');
		return Long.parseLong(space < 0 ? value : value.substring(0, space)) * 1024;
	}
}
