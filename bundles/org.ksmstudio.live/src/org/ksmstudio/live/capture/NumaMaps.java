package org.ksmstudio.live.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /proc/PID/numa_maps}: per VMA, how many pages sit on each node
 * ({@code "7f12a000 default anon=512 dirty=512 N0=512 kernelpagesize_kB=4"}).
 */
public final class NumaMaps {

	private NumaMaps() {
	}

	/**
	 * Pages per node of each VMA, by VMA start address; empty when the kernel has no
	 * numa_maps (built without NUMA).
	 */
	public static Map<Long, Map<Integer, Long>> read(Path numaMaps) throws IOException {
		Map<Long, Map<Integer, Long>> byStart = new HashMap<>();
		try {
			for (String line : Files.readAllLines(numaMaps, StandardCharsets.UTF_8)) {
				String[] words = line.trim().split("\\s+");
				if (words.length < 2) {
					continue;
				}
				Map<Integer, Long> nodes = new HashMap<>();
				for (String w : words) {
					int eq = w.indexOf('=');
					if (w.length() > 1 && w.charAt(0) == 'N' && eq > 1) {
						try {
							nodes.put(Integer.parseInt(w.substring(1, eq)), Long.parseLong(w.substring(eq + 1)));
						} catch (NumberFormatException e) {
							throw new IOException(numaMaps + ": not a node count: '" + w + "'", e);
						}
					}
				}
				try {
					byStart.put(Long.parseUnsignedLong(words[0], 16), nodes);
				} catch (NumberFormatException e) {
					throw new IOException(numaMaps + ": not an address: '" + words[0] + "'", e);
				}
			}
		} catch (NoSuchFileException e) {
			return Map.of();
		}
		return byStart;
	}
}
