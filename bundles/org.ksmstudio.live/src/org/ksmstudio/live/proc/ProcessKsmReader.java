package org.ksmstudio.live.proc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads per-process KSM state from {@code /proc}: {@code ksm_stat}, {@code ksm_merging_pages}
 * and the {@code mg} VMAs of {@code smaps}. Read only; works unprivileged for the user's own
 * processes. The root is configurable so that tests can use a fake tree.
 */
public final class ProcessKsmReader {

	/** Where the kernel exposes processes. */
	public static final Path DEFAULT_PROC = Path.of("/proc");

	private final Path proc;

	/** A reader of the proc file system mounted at {@code proc}. */
	public ProcessKsmReader(Path proc) {
		this.proc = proc;
	}

	/** A reader of this machine's {@code /proc}. */
	public static ProcessKsmReader system() {
		return new ProcessKsmReader(DEFAULT_PROC);
	}

	/**
	 * The KSM figures of one process.
	 *
	 * @return empty when the process does not exist (any more) or this kernel has no ksm_stat
	 * @throws IOException when it exists but cannot be read (permission)
	 */
	public Optional<ProcessKsmStat> read(int pid) throws IOException {
		Path dir = proc.resolve(Integer.toString(pid));
		Path stat = dir.resolve("ksm_stat");
		Path merging = dir.resolve("ksm_merging_pages");
		if (!Files.exists(stat) && !Files.exists(merging)) {
			return Optional.empty();
		}
		Map<String, String> fields = new HashMap<>();
		try {
			if (Files.exists(stat)) {
				for (String line : Files.readAllLines(stat, StandardCharsets.US_ASCII)) {
					String[] kv = line.split(":?\\s+", 2);
					if (kv.length == 2) {
						fields.put(kv[0].trim(), kv[1].trim());
					}
				}
			}
			if (!fields.containsKey("ksm_merging_pages") && Files.exists(merging)) {
				fields.put("ksm_merging_pages", Files.readString(merging, StandardCharsets.US_ASCII).trim());
			}
		} catch (java.nio.file.NoSuchFileException e) {
			return Optional.empty(); // exited meanwhile
		}
		String command = "";
		try {
			command = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).trim();
		} catch (IOException e) {
			// exited, or no comm in a fake tree
		}
		return Optional.of(new ProcessKsmStat(pid, command, number(fields, "ksm_rmap_items"),
				number(fields, "ksm_zero_pages"), number(fields, "ksm_merging_pages"),
				number(fields, "ksm_process_profit"), "yes".equals(fields.get("ksm_merge_any")),
				"yes".equals(fields.get("ksm_mergeable"))));
	}

	/** Every process that uses KSM ({@link ProcessKsmStat#usesKsm()}), by pid. */
	public ProcessScan scan() throws IOException {
		List<ProcessKsmStat> found = new ArrayList<>();
		int unreadable = 0;
		for (int pid : pids()) {
			try {
				Optional<ProcessKsmStat> stat = read(pid);
				if (stat.isPresent() && stat.get().usesKsm()) {
					found.add(stat.get());
				}
			} catch (IOException e) {
				unreadable++;
			}
		}
		return new ProcessScan(found, unreadable);
	}

	/** The pids present, in increasing order. */
	public List<Integer> pids() throws IOException {
		List<Integer> pids = new ArrayList<>();
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
			for (Path dir : dirs) {
				pids.add(Integer.parseInt(dir.getFileName().toString()));
			}
		}
		pids.sort(null);
		return pids;
	}

	/**
	 * The VMAs of a process that have the {@code mg} (mergeable) VmFlag.
	 *
	 * @throws IOException when smaps cannot be read (another user's process, without root)
	 */
	public List<MergeableRegion> mergeableRegions(int pid) throws IOException {
		List<MergeableRegion> regions = new ArrayList<>();
		Path smaps = proc.resolve(Integer.toString(pid)).resolve("smaps");
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
					if ((" " + line.substring(colon + 1) + " ").contains(" mg ")) {
						regions.add(new MergeableRegion(start, end, name, rss, anonymous));
					}
				}
			}
		}
		return regions;
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

	private static long number(Map<String, String> fields, String key) {
		String value = fields.get(key);
		if (value == null) {
			return ProcessKsmStat.NOT_REPORTED;
		}
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			return ProcessKsmStat.NOT_REPORTED;
		}
	}
}
