package org.ksmstudio.live.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.live.proc.KsmdThread;

/**
 * Reads the NUMA topology from {@code /sys/devices/system/node} (nodes, nodeN/meminfo,
 * nodeN/cpulist, nodeN/distance), with the kernel's CONFIG_HZ ({@link KernelConfig}) and ksmd's
 * CPU time ({@link KsmdThread}). A kernel without NUMA support has no such directory: the
 * machine is then one node holding all memory ({@code /proc/meminfo}) and all CPUs.
 * Both roots are configurable so that tests can use fake trees.
 */
public final class NumaTopologyReader {

	private final Path sys;
	private final Path proc;

	/**
	 * @param sys  where sysfs is mounted (normally {@code /sys})
	 * @param proc where proc is mounted (normally {@code /proc})
	 */
	public NumaTopologyReader(Path sys, Path proc) {
		this.sys = sys;
		this.proc = proc;
	}

	/** A reader of this machine. */
	public static NumaTopologyReader system() {
		return new NumaTopologyReader(Path.of("/sys"), Path.of("/proc"));
	}

	/** Reads the topology; errors name the file and what was wrong with it. */
	public NumaTopology read() throws IOException {
		Path nodeDir = sys.resolve("devices/system/node");
		int cpuCount = cpuCount();
		long pageSize = PageSize.of(proc);
		String architecture = architecture();
		if (!Files.isDirectory(nodeDir)) {
			long total = meminfoKilobytes(proc.resolve("meminfo"), "MemTotal") * 1024;
			long free = meminfoKilobytes(proc.resolve("meminfo"), "MemFree") * 1024;
			List<Integer> cpus = new ArrayList<>();
			for (int cpu = 0; cpu < cpuCount; cpu++) {
				cpus.add(cpu);
			}
			return new NumaTopology(List.of(new NumaNode(0, total, free, cpus)), List.of(List.of(10)), cpuCount,
					pageSize, architecture, hz(), ksmdCpuNanos());
		}
		List<Integer> ids = nodeIds(nodeDir);
		List<NumaNode> nodes = new ArrayList<>();
		List<List<Integer>> distances = new ArrayList<>();
		for (int id : ids) {
			Path dir = nodeDir.resolve("node" + id);
			Path meminfo = dir.resolve("meminfo");
			nodes.add(new NumaNode(id, meminfoKilobytes(meminfo, "MemTotal") * 1024,
					meminfoKilobytes(meminfo, "MemFree") * 1024, cpus(dir.resolve("cpulist"))));
			distances.add(distances(dir.resolve("distance"), ids.size()));
		}
		return new NumaTopology(nodes, distances, cpuCount, pageSize, architecture, hz(), ksmdCpuNanos());
	}

	private int hz() {
		return KernelConfig.read(proc).map(c -> c.hz().orElse(0)).orElse(0);
	}

	private long ksmdCpuNanos() {
		try {
			return KsmdThread.find(proc).map(k -> k.cpuNanos().orElse(-1)).orElse(-1L);
		} catch (IOException e) {
			return -1; // proc not listable: no ksmd to read
		}
	}

	private List<Integer> nodeIds(Path nodeDir) throws IOException {
		Path online = nodeDir.resolve("online");
		List<Integer> ids;
		if (Files.exists(online)) {
			ids = parse(online, CpuList::parse);
		} else {
			ids = new ArrayList<>();
			try (var dirs = Files.newDirectoryStream(nodeDir, "node[0-9]*")) {
				for (Path p : dirs) {
					ids.add(Integer.parseInt(p.getFileName().toString().substring(4)));
				}
			}
			ids.sort(null);
		}
		if (ids.isEmpty()) {
			throw new IOException(nodeDir + ": no online NUMA node");
		}
		return ids;
	}

	private List<Integer> cpus(Path cpulist) throws IOException {
		return parse(cpulist, CpuList::parse);
	}

	private static List<Integer> distances(Path file, int nodeCount) throws IOException {
		List<Integer> row = new ArrayList<>();
		String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
		try {
			for (String d : text.split("\\s+")) {
				row.add(Integer.parseInt(d));
			}
		} catch (NumberFormatException e) {
			throw new IOException(file + ": not a distance list: '" + text + "'", e);
		}
		if (row.size() != nodeCount) {
			throw new IOException(file + ": " + row.size() + " distances for " + nodeCount + " online nodes");
		}
		return row;
	}

	private int cpuCount() throws IOException {
		Path online = sys.resolve("devices/system/cpu/online");
		if (Files.exists(online)) {
			return parse(online, CpuList::parse).size();
		}
		return Runtime.getRuntime().availableProcessors();
	}

	private String architecture() {
		try {
			return Files.readString(proc.resolve("sys/kernel/arch"), StandardCharsets.US_ASCII).trim();
		} catch (IOException e) {
			String arch = System.getProperty("os.arch", "unknown");
			return "amd64".equals(arch) ? "x86_64" : arch;
		}
	}

	private static long meminfoKilobytes(Path meminfo, String key) throws IOException {
		// "Node 0 MemTotal:  3631316 kB" in nodeN/meminfo, "MemTotal:  3631316 kB" in /proc/meminfo
		for (String line : Files.readAllLines(meminfo, StandardCharsets.US_ASCII)) {
			String[] words = line.trim().split("\\s+");
			for (int i = 0; i + 1 < words.length; i++) {
				if (words[i].equals(key + ":")) {
					try {
						return Long.parseLong(words[i + 1]);
					} catch (NumberFormatException e) {
						throw new IOException(meminfo + ": " + key + " is not a number: '" + words[i + 1] + "'", e);
					}
				}
			}
		}
		throw new IOException(meminfo + ": no " + key + " line");
	}

	private interface Parser<T> {
		T parse(String text);
	}

	private static <T> T parse(Path file, Parser<T> parser) throws IOException {
		String text = Files.readString(file, StandardCharsets.US_ASCII);
		try {
			return parser.parse(text);
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}
}
