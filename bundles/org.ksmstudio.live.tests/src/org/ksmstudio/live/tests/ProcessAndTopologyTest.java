package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.live.proc.KsmdThread;
import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.proc.ProcessScan;
import org.ksmstudio.live.topology.CpuList;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.MachineImporter;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.live.topology.NumaTopologyReader;

class ProcessAndTopologyTest {

	@TempDir
	Path root;

	private Path fakeProc() throws IOException {
		Path proc = root.resolve("proc");
		FakeTrees.write(proc.resolve("100/ksm_stat"), """
				ksm_rmap_items 2000
				ksm_zero_pages 0
				ksm_merging_pages 2000
				ksm_process_profit 8064000
				ksm_merge_any: no
				ksm_mergeable: yes
				""");
		FakeTrees.write(proc.resolve("100/comm"), "qemu-kvm\n");
		FakeTrees.write(proc.resolve("100/smaps"), """
				55d0c0a00000-55d0c0a21000 rw-p 00000000 00:00 0                          [heap]
				Size:                132 kB
				Rss:                   8 kB
				Anonymous:             8 kB
				VmFlags: rd wr mr mw me ac sd
				7f0000000000-7f0000800000 rw-p 00000000 00:00 0 
				Size:               8192 kB
				Rss:                8000 kB
				Anonymous:          8000 kB
				VmFlags: rd wr mr mw me ac sd nh mg
				""");
		// an older kernel: ksm_stat with only rmap items, merging pages in a file of its own
		FakeTrees.write(proc.resolve("200/ksm_stat"), "ksm_rmap_items 5\n");
		FakeTrees.write(proc.resolve("200/ksm_merging_pages"), "3\n");
		// a process that does not use KSM
		FakeTrees.write(proc.resolve("300/ksm_stat"), """
				ksm_rmap_items 0
				ksm_zero_pages 0
				ksm_merging_pages 0
				ksm_process_profit 0
				ksm_merge_any: no
				ksm_mergeable: no
				""");
		FakeTrees.write(proc.resolve("self/smaps"), "KernelPageSize:        4 kB\n");
		return proc;
	}

	@Test
	void readsKsmStatOfNewAndOldKernels() throws Exception {
		ProcessKsmReader reader = new ProcessKsmReader(fakeProc());
		ProcessKsmStat kvm = reader.read(100).orElseThrow();
		assertEquals(new ProcessKsmStat(100, "qemu-kvm", 2000, 0, 2000, 8064000, false, true), kvm);
		ProcessKsmStat old = reader.read(200).orElseThrow();
		assertEquals(5, old.rmapItems());
		assertEquals(3, old.mergingPages());
		assertEquals(ProcessKsmStat.NOT_REPORTED, old.processProfit());
		assertTrue(reader.read(4242).isEmpty());
		ProcessScan scan = reader.scan();
		assertEquals(List.of(100, 200), scan.processes().stream().map(ProcessKsmStat::pid).toList());
		assertEquals(0, scan.unreadable());
	}

	@Test
	void findsMergeableRegionsInSmaps() throws Exception {
		List<MergeableRegion> regions = new ProcessKsmReader(fakeProc()).mergeableRegions(100);
		assertEquals(1, regions.size());
		MergeableRegion r = regions.get(0);
		assertEquals(0x7f0000000000L, r.start());
		assertEquals(8L << 20, r.sizeBytes());
		assertEquals(8000L * 1024, r.anonymousBytes());
		assertEquals("", r.name());
	}

	@Test
	void readsATwoNodeTopology() throws Exception {
		Path sys = root.resolve("sys");
		Path nodes = sys.resolve("devices/system/node");
		FakeTrees.write(nodes.resolve("online"), "0-1\n");
		FakeTrees.write(nodes.resolve("node0/meminfo"), "Node 0 MemTotal:       16384 kB\nNode 0 MemFree:        1024 kB\n");
		FakeTrees.write(nodes.resolve("node0/cpulist"), "0-3,8\n");
		FakeTrees.write(nodes.resolve("node0/distance"), "10 21\n");
		FakeTrees.write(nodes.resolve("node1/meminfo"), "Node 1 MemTotal:       32768 kB\nNode 1 MemFree:        2048 kB\n");
		FakeTrees.write(nodes.resolve("node1/cpulist"), "4-7\n");
		FakeTrees.write(nodes.resolve("node1/distance"), "21 10\n");
		FakeTrees.write(sys.resolve("devices/system/cpu/online"), "0-8\n");
		Path proc = fakeProc();
		FakeTrees.write(proc.resolve("sys/kernel/arch"), "aarch64\n");
		// ksmd (a kernel thread: parent kthreadd) and a user process that calls itself ksmd
		FakeTrees.write(proc.resolve("36/comm"), "ksmd\n");
		FakeTrees.write(proc.resolve("36/stat"), "36 (ksmd) S 1 36 36 0 -1\n");
		FakeTrees.write(proc.resolve("36/schedstat"), "5 6 7\n");
		FakeTrees.write(proc.resolve("37/comm"), "ksmd\n");
		FakeTrees.write(proc.resolve("37/stat"), "37 (ksmd) S 2 0 0 0 -1 2129984\n");
		FakeTrees.write(proc.resolve("37/schedstat"), "147869795897 289500460137 38034\n");
		try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(proc.resolve("config.gz")))) {
			out.write("# CONFIG_HZ_250 is not set\nCONFIG_HZ_300=y\nCONFIG_HZ=300\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
		NumaTopology topology = new NumaTopologyReader(sys, proc).read();
		assertEquals(300, topology.hz(), "CONFIG_HZ of /proc/config.gz");
		assertEquals(147_869_795_897L, topology.ksmdCpuNanos(), "ksmd's schedstat, not the user process's");
		assertEquals(2, topology.nodes().size());
		assertEquals(16384L * 1024, topology.nodes().get(0).memTotalBytes());
		assertEquals(List.of(0, 1, 2, 3, 8), topology.nodes().get(0).cpus());
		assertEquals(List.of(4, 5, 6, 7), topology.nodes().get(1).cpus());
		assertEquals(21, topology.distance(0, 1));
		assertEquals(10, topology.distance(1, 1));
		assertEquals(9, topology.cpuCount());
		assertEquals(4096, topology.pageSizeBytes());
		assertEquals("aarch64", topology.architecture());

		MachineImport machine = new MachineImporter(sys, proc).importMachine();
		assertEquals(2, machine.processes().size());
		assertEquals(8L << 20, machine.processes().get(0).mergeableBytes());
		// pid 200 has no smaps in the fake tree: a warning, not a failure
		assertTrue(machine.warnings().stream().anyMatch(w -> w.startsWith("process 200")), machine.warnings().toString());
	}

	@Test
	void ksmdInsideABatchIsInStateR() throws Exception {
		Path proc = fakeProc();
		FakeTrees.write(proc.resolve("37/comm"), "ksmd\n");
		FakeTrees.write(proc.resolve("37/stat"), "37 (ksmd) S 2 0 0 0 -1 2129984\n");
		FakeTrees.write(proc.resolve("37/schedstat"), "1000 0 1\n");
		KsmdThread ksmd = KsmdThread.find(proc).orElseThrow();
		assertFalse(ksmd.running(), "asleep between batches");
		FakeTrees.write(proc.resolve("37/stat"), "37 (ksmd) R 2 0 0 0 -1 2129984\n");
		assertTrue(ksmd.running(), "inside a batch");
		FakeTrees.write(proc.resolve("37/stat"), "37 (ksmd) D 2 0 0 0 -1 2129984\n");
		assertFalse(ksmd.running(), "waiting for a lock is not state R");
		java.nio.file.Files.delete(proc.resolve("37/stat"));
		assertFalse(ksmd.running(), "gone: not known to run");
	}

	@Test
	void badTopologyFilesNameTheFile() throws Exception {
		Path sys = root.resolve("sys");
		Path nodes = sys.resolve("devices/system/node");
		FakeTrees.write(nodes.resolve("online"), "0\n");
		FakeTrees.write(nodes.resolve("node0/meminfo"), "Node 0 MemTotal:       16384 kB\nNode 0 MemFree: 1 kB\n");
		FakeTrees.write(nodes.resolve("node0/cpulist"), "0-x\n");
		FakeTrees.write(nodes.resolve("node0/distance"), "10\n");
		Path proc = fakeProc();
		FakeTrees.write(nodes.resolve("node0/cpulist"), "0\n");
		NumaTopology noKsmd = new NumaTopologyReader(sys, proc).read();
		assertEquals(-1, noKsmd.ksmdCpuNanos(), "no ksmd in the tree");
		FakeTrees.write(nodes.resolve("node0/cpulist"), "0-x\n");
		IOException e = assertThrows(IOException.class, () -> new NumaTopologyReader(sys, proc).read());
		assertTrue(e.getMessage().contains("node0/cpulist") && e.getMessage().contains("0-x"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1"));
		assertEquals(List.of(), CpuList.parse("\n"));
	}

	@Test
	void readsThisMachineReadOnly() throws Exception {
		NumaTopology topology = NumaTopologyReader.system().read();
		assertFalse(topology.nodes().isEmpty());
		assertTrue(topology.nodes().get(0).memTotalBytes() > 0);
		assertEquals(10, topology.distance(topology.nodes().get(0).id(), topology.nodes().get(0).id()));
		assertEquals(Runtime.getRuntime().availableProcessors() <= topology.cpuCount(), true);
		int self = (int) ProcessHandle.current().pid();
		ProcessKsmReader reader = ProcessKsmReader.system();
		if (java.nio.file.Files.exists(Path.of("/proc/self/ksm_stat"))) {
			ProcessKsmStat stat = reader.read(self).orElseThrow();
			assertEquals(self, stat.pid());
			assertTrue(stat.rmapItems() >= 0);
		}
		assertTrue(reader.pids().contains(self));
		MachineImporter.system().importMachine(); // must not fail on the real machine
	}
}
