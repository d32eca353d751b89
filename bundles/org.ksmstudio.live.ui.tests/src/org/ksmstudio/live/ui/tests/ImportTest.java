package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.MachineImporter;
import org.ksmstudio.live.ui.internal.imports.MachineModelConverter;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.UniquePages;

/** "Scenario from this machine": a fake machine read and converted into the scenario model, saved and read back. */
class ImportTest {

	@TempDir
	Path temp;

	@Test
	void importsNodesDistancesTunablesAndMergeableProcesses() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "64", KsmSysfsFile.PAGES_TO_SCAN,
				"1000", KsmSysfsFile.ADVISOR_MODE, "none [scan-time]"), Set.of(KsmSysfsFile.SMART_SCAN));
		MachineImport read = new MachineImporter(machine.sys, machine.proc).importMachine();
		MachineModelConverter.Conversion conversion = MachineModelConverter.convert("fake machine", read,
				new KsmSysfs(machine.ksm).sample(), true);
		Scenario scenario = conversion.scenario();

		assertEquals("fake machine", scenario.getName());
		assertEquals(4, scenario.getTopology().getCpuCount());
		List<NumaNode> nodes = scenario.getTopology().getNodes();
		assertEquals(2, nodes.size());
		assertEquals(4096, nodes.get(0).getMemoryMiB());
		assertEquals(2048, nodes.get(1).getMemoryMiB());
		assertEquals("0-1", nodes.get(0).getCpus());
		assertEquals("2-3", nodes.get(1).getCpus());
		assertEquals(List.of(10, 21), nodes.get(0).getDistances());
		assertEquals(List.of(21, 10), nodes.get(1).getDistances());

		assertEquals(64, scenario.getKsm().getMaxPageSharing());
		assertEquals(1000, scenario.getKsm().getPagesToScan());
		assertEquals(AdvisorMode.SCAN_TIME, scenario.getKsm().getAdvisorMode());
		assertTrue(scenario.getKsm().isSmartScan(), "smart_scan missing on the kernel: the default");
		assertEquals(1, scenario.getKsm().getRun(), "the simulated ksmd runs");

		assertEquals(1, scenario.getWorkload().getProcesses().size(), "only the process that uses KSM");
		Process qemu = scenario.getWorkload().getProcesses().get(0);
		assertEquals(4242, qemu.getPid());
		assertEquals("qemu-fake", qemu.getName());
		assertEquals(1, qemu.getRegions().size(), "only the mg VMA");
		MergeableRegion region = qemu.getRegions().get(0);
		assertEquals("anon@7f0000000000", region.getName());
		assertEquals(1024, region.getSizePages(), "4 MiB VMA of 4 KiB pages");
		assertEquals(512, ((UniquePages) region.getContents().get(0)).getCount(), "2 MiB resident");

		Diagnostic diagnostic = Diagnostician.INSTANCE.validate(scenario);
		assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, diagnostic.toString() + diagnostic.getChildren());

		Path file = temp.resolve("machine.ksm");
		ScenarioResources.save(scenario, file);
		Scenario loaded = ScenarioResources.load(file);
		assertEquals(2, loaded.getTopology().getNodes().size());
		assertEquals(List.of(21, 10), loaded.getTopology().getNodes().get(1).getDistances());
		assertEquals(1024, loaded.getWorkload().getProcesses().get(0).getRegions().get(0).getSizePages());
		RunPlan plan = ScenarioConverter.convert(loaded, 0, null);
		assertEquals(2, plan.scenario().topology().nodes().size(), "the engine accepts the imported scenario");
		assertEquals(21, plan.scenario().topology().distance().get(0).get(1));
	}

	@Test
	void withoutProcessesOrTunablesKeepsTheDefaults() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "64"), Set.of());
		MachineImport read = new MachineImporter(machine.sys, machine.proc).importMachine();
		Scenario scenario = MachineModelConverter.convert("bare", read, null, false).scenario();
		assertEquals(256, scenario.getKsm().getMaxPageSharing());
		assertEquals(0, scenario.getWorkload().getProcesses().size());
		assertEquals(2, scenario.getTopology().getNodes().size());
	}
}
