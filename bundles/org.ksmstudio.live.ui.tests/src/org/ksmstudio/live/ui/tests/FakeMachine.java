package org.ksmstudio.live.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.ui.internal.LiveSources;

/** Fake /sys and /proc trees of a machine in a temporary directory; nothing here touches the real ones. */
final class FakeMachine {

	final Path root;
	final Path ksm;
	final Path sys;
	final Path proc;

	/**
	 * A machine whose KSM directory holds every known file but {@code missing}, with kernel defaults and
	 * {@code values}; a process 4242 "qemu-fake" with one mergeable VMA; two NUMA nodes.
	 */
	FakeMachine(Path root, Map<KsmSysfsFile, String> values, Set<KsmSysfsFile> missing) throws IOException {
		this.root = root;
		this.sys = root.resolve("sys");
		this.ksm = Files.createDirectories(sys.resolve("kernel/mm/ksm"));
		this.proc = Files.createDirectories(root.resolve("proc"));
		for (KsmSysfsFile file : KsmSysfsFile.values()) {
			if (missing.contains(file)) {
				continue;
			}
			String value = file == KsmSysfsFile.ADVISOR_MODE ? "[none] scan-time" : file.defaultValue().orElse("0");
			write(ksm.resolve(file.fileName()), values.getOrDefault(file, value) + "\n");
		}
		Path nodes = sys.resolve("devices/system/node");
		write(nodes.resolve("online"), "0-1\n");
		write(nodes.resolve("node0/meminfo"), "Node 0 MemTotal:        4194304 kB\nNode 0 MemFree:         1048576 kB\n");
		write(nodes.resolve("node0/cpulist"), "0-1\n");
		write(nodes.resolve("node0/distance"), "10 21\n");
		write(nodes.resolve("node1/meminfo"), "Node 1 MemTotal:        2097152 kB\nNode 1 MemFree:          524288 kB\n");
		write(nodes.resolve("node1/cpulist"), "2-3\n");
		write(nodes.resolve("node1/distance"), "21 10\n");
		write(sys.resolve("devices/system/cpu/online"), "0-3\n");
		write(proc.resolve("sys/kernel/arch"), "x86_64\n");
		write(proc.resolve("sys/kernel/osrelease"), "6.18.0-fake\n");
		Path pid = proc.resolve("4242");
		write(pid.resolve("comm"), "qemu-fake\n");
		write(pid.resolve("ksm_stat"), "ksm_rmap_items 300\nksm_zero_pages 0\nksm_merging_pages 77\n"
				+ "ksm_process_profit 123456\nksm_merge_any: no\nksm_mergeable: yes\n");
		write(pid.resolve("smaps"), """
				55d0c0000000-55d0c0021000 rw-p 00000000 00:00 0                          [heap]
				Size:                132 kB
				Rss:                  12 kB
				Anonymous:            12 kB
				VmFlags: rd wr mr mw me ac sd
				7f0000000000-7f0000400000 rw-p 00000000 00:00 0
				Size:               4096 kB
				Rss:                2048 kB
				Anonymous:          2048 kB
				VmFlags: rd wr mr mw me ac sd mg
				""");
		Path other = proc.resolve("4243");
		write(other.resolve("comm"), "bash\n");
		write(other.resolve("ksm_stat"), "ksm_rmap_items 0\nksm_zero_pages 0\nksm_merging_pages 0\n"
				+ "ksm_process_profit 0\nksm_merge_any: no\nksm_mergeable: no\n");
	}

	/** Sources reading this machine, with a restore file and lock in its root. */
	LiveSources sources() {
		return new LiveSources(ksm, sys, proc, root.resolve("restore.properties"), root.resolve("sysfs.lock"));
	}

	/** Points the live user interface at this machine (system properties read when a view or dialog opens). */
	void install() {
		System.setProperty(LiveSources.KSM_PROPERTY, ksm.toString());
		System.setProperty(LiveSources.SYS_PROPERTY, sys.toString());
		System.setProperty(LiveSources.PROC_PROPERTY, proc.toString());
		System.setProperty(LiveSources.RESTORE_PROPERTY, root.resolve("restore.properties").toString());
		System.setProperty(LiveSources.LOCK_PROPERTY, root.resolve("sysfs.lock").toString());
	}

	static void uninstall() {
		for (String p : new String[] { LiveSources.KSM_PROPERTY, LiveSources.SYS_PROPERTY, LiveSources.PROC_PROPERTY,
				LiveSources.RESTORE_PROPERTY, LiveSources.LOCK_PROPERTY }) {
			System.clearProperty(p);
		}
	}

	String read(KsmSysfsFile file) throws IOException {
		return Files.readString(ksm.resolve(file.fileName())).trim();
	}

	void set(KsmSysfsFile file, String value) throws IOException {
		Files.writeString(ksm.resolve(file.fileName()), value + "\n");
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}
}
