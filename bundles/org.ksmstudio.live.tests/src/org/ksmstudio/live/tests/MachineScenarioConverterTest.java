package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.scenario.MachineScenarioConverter;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.topology.ImportedProcess;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.MachineImporter;
import org.ksmstudio.live.topology.NumaNode;
import org.ksmstudio.live.topology.NumaTopology;

class MachineScenarioConverterTest {

	@TempDir
	Path root;

	@Test
	void sparseNodesAreRenumberedAndRegionsSized() throws Exception {
		NumaTopology topology = new NumaTopology(
				List.of(new NumaNode(0, 16L << 30, 1L << 30, List.of(0, 1)), new NumaNode(2, 32L << 30, 2L << 30, List.of(2, 3))),
				List.of(List.of(10, 21), List.of(21, 10)), 4, 4096, "aarch64");
		ProcessKsmStat qemu = new ProcessKsmStat(4242, "qemu-system-x86", 100, 0, 50, 0, false, true);
		MachineImport machine = new MachineImport(topology,
				List.of(new ImportedProcess(qemu, List.of(new MergeableRegion(0x7f0000000000L, 0x7f0000800000L, "", 0, 0)))),
				List.of());
		Map<KsmSysfsFile, String> values = Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "512", KsmSysfsFile.ADVISOR_MODE, "[none] scan-time");
		Scenario scenario = MachineScenarioConverter.toScenario("this machine", machine,
				new KsmSysfs(FakeTrees.ksm(root, values)).sample());
		assertEquals(List.of(0, 1), scenario.topology().nodes().stream().map(n -> n.id()).toList());
		assertEquals(32L << 30, scenario.topology().nodes().get(1).memoryBytes());
		assertEquals(21, scenario.topology().distance(0, 1));
		assertEquals("arm64", scenario.topology().arch());
		ProcessSpec p = scenario.workload().processes().get(0);
		assertEquals(4242, p.pid());
		assertTrue(p.kvm());
		assertEquals(MergeMode.MADV_MERGEABLE, p.regions().get(0).mode());
		assertEquals(ContentGroup.unique(2048), p.regions().get(0).groups().get(0));
		assertEquals(512, scenario.tunables().maxPageSharing());
		assertEquals(AdvisorMode.NONE, scenario.tunables().advisorMode());
	}

	@Test
	void importsThisMachine() throws Exception {
		MachineImport machine = MachineImporter.system().importMachine();
		Scenario scenario = MachineScenarioConverter.toScenario("this machine", machine,
				KsmSysfs.system().access().canRead() ? KsmSysfs.system().sample() : null);
		assertEquals(machine.topology().nodes().size(), scenario.topology().nodes().size());
		assertEquals(machine.processes().size(), scenario.workload().processes().size());
	}
}
