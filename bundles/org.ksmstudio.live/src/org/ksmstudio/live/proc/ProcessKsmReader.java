package org.ksmstudio.live.proc;

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

	/** Where proc is mounted. */
	public Path root() {
		return proc;
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
		for (Vma vma : vmas(pid)) {
			if (vma.mergeable()) {
				regions.add(new MergeableRegion(vma.start(), vma.end(), vma.name(), vma.rssBytes(), vma.anonymousBytes()));
			}
		}
		return regions;
	}

	/**
	 * Every VMA of a process, from its smaps.
	 *
	 * @throws IOException when smaps cannot be read (another user's process, without root)
	 */
	public List<Vma> vmas(int pid) throws IOException {
		return SmapsReader.read(proc.resolve(Integer.toString(pid)).resolve("smaps"));
	}

	private static long number(Map<String, String> fields, String key) {
		if (!fields.containsKey(key)) {
			return ProcessKsmStat.NOT_REPORTED;
		}
		String value = fields.get(key);
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			return ProcessKsmStat.NOT_REPORTED;
		}
	}
}
