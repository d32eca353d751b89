package org.ksmstudio.live.ui.internal.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.capture.MachineModels;
import org.ksmstudio.live.proc.MergeableRegion;
import org.ksmstudio.live.scenario.MachineScenarioConverter;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.topology.ImportedProcess;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.MergeAdvice;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.UniquePages;

/**
 * Turns what was read from the running machine ({@link MachineImport}) into a scenario model:
 * <ul>
 * <li>NUMA nodes renumbered 0..n-1 in id order (as the model requires), their memory in MiB, CPU
 * lists and SLIT distances; the CPU count, page size and architecture;</li>
 * <li>optionally the kernel's KSM tunables (missing files keep the kernel defaults), with run=1 so
 * that the simulated ksmd merges;</li>
 * <li>optionally one process per process that uses KSM (PR_SET_MEMORY_MERGE when merge-any), one
 * MADV_MERGEABLE region per mergeable VMA, sized by the VMA, holding its resident anonymous pages
 * as unique pages (page contents cannot be seen from user space: the user describes them).</li>
 * </ul>
 */
public final class MachineModelConverter {

	/**
	 * A converted scenario and what the user should know about it.
	 *
	 * @param scenario the new scenario (not yet in a resource)
	 * @param notes    what was changed on the way, one sentence each
	 */
	public record Conversion(Scenario scenario, List<String> notes) {
		public Conversion {
			notes = List.copyOf(notes);
		}
	}

	private static final long MIB = 1L << 20;

	private MachineModelConverter() {
	}

	/**
	 * @param name      the scenario's name
	 * @param machine   what was read
	 * @param tunables  the kernel's KSM sample, or null to keep the kernel defaults
	 * @param processes whether to import the processes
	 */
	public static Conversion convert(String name, MachineImport machine, @Nullable KsmSample tunables,
			boolean processes) {
		NumaTopology t = machine.topology();
		List<String> notes = new ArrayList<>();
		long firstNodeMiB = t.nodes().isEmpty() ? 1024 : Math.max(1, t.nodes().get(0).memTotalBytes() / MIB);
		Scenario scenario = Scenarios.create(name, Math.max(1, t.cpuCount()), firstNodeMiB);
		MachineModels.topology(scenario.getTopology(), t, notes);
		MachineModels.kernelClock(scenario, t);
		if (tunables != null) {
			MachineModels.tunables(scenario.getKsm(), MachineScenarioConverter.tunables(tunables));
		}
		scenario.getKsm().setRun(1);
		if (processes) {
			for (ImportedProcess p : machine.processes()) {
				scenario.getWorkload().getProcesses().add(process(p, t, notes));
			}
		}
		return new Conversion(scenario, notes);
	}

	private static Process process(ImportedProcess imported, NumaTopology t, List<String> notes) {
		Process process = ScenarioFactory.eINSTANCE.createProcess();
		int pid = imported.stat().pid();
		String command = imported.stat().command();
		process.setPid(pid);
		process.setName(command.isEmpty() ? "pid " + pid : command); //$NON-NLS-1$
		process.setMemoryMerge(imported.stat().mergeAny());
		long pageSize = t.pageSizeBytes();
		long nodePages = t.nodes().isEmpty() ? Long.MAX_VALUE : t.nodes().get(0).memTotalBytes() / pageSize;
		Set<String> names = new HashSet<>();
		for (MergeableRegion r : imported.regions()) {
			String base = String.format("%s@%x", r.name().isEmpty() ? "anon" : r.name(), r.start()); //$NON-NLS-1$ //$NON-NLS-2$
			String regionName = base;
			for (int n = 2; !names.add(regionName); n++) {
				regionName = base + "#" + n; //$NON-NLS-1$
			}
			long pages = r.sizeBytes() / pageSize;
			if (pages > nodePages) {
				notes.add(Messages.format(Messages.importRegionClamped,
						new Object[] { String.valueOf(pid), regionName, pages, 0, nodePages }));
				pages = nodePages;
			}
			org.ksmstudio.model.scenario.MergeableRegion region = ScenarioFactory.eINSTANCE.createMergeableRegion();
			region.setName(regionName);
			region.setSizePages(pages);
			region.setAdvice(MergeAdvice.MADV_MERGEABLE);
			long resident = Math.min(pages, r.anonymousBytes() / pageSize);
			if (resident > 0) {
				UniquePages unique = ScenarioFactory.eINSTANCE.createUniquePages();
				unique.setCount(resident);
				region.getContents().add(unique);
			}
			process.getRegions().add(region);
		}
		if (imported.regions().isEmpty()) {
			notes.add(NLS.bind(Messages.importProcessNoRegion, pid, process.getName()));
		}
		return process;
	}
}
