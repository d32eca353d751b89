package org.ksmstudio.live.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.topology.ImportedProcess;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.NumaTopology;

/**
 * Turns what was read from the running machine into the engine's scenario: its NUMA nodes
 * (renumbered 0..n-1 in id order, as the engine requires), CPUs and distances, its tunables,
 * and one process per process that uses KSM with one region per mergeable VMA. Page contents
 * cannot be seen from user space: each region is imported as pages of unique content, sized by
 * the VMA, for the user to describe.
 */
public final class MachineScenarioConverter {

	private MachineScenarioConverter() {
	}

	/**
	 * @param name     the scenario's name
	 * @param machine  the import
	 * @param tunables the kernel's KSM values, or {@code null} for the kernel defaults with run=1
	 */
	public static Scenario toScenario(String name, MachineImport machine, KsmSample tunables) {
		NumaTopology t = machine.topology();
		Map<Integer, Integer> index = new HashMap<>();
		List<NumaNode> nodes = new ArrayList<>();
		for (int i = 0; i < t.nodes().size(); i++) {
			var node = t.nodes().get(i);
			index.put(node.id(), i);
			nodes.add(new NumaNode(i, node.memTotalBytes(), node.cpus()));
		}
		String arch = switch (t.architecture()) {
		case "aarch64" -> "arm64";
		default -> t.architecture();
		};
		Topology topology = new Topology(arch, (int) t.pageSizeBytes(), t.cpuCount(), nodes, t.distances(),
				t.ksmdCpuNanos() >= 0 ? t.ksmdCpuNanos() : Topology.DEFAULT_KSMD_CPU_NANOS);
		CostModel base = CostModel.THIS_MACHINE;
		Scenario.Builder builder = Scenario.builder().name(name).topology(topology)
				.costModel(t.hz() > 0 ? base.withHz(t.hz()) : base)
				.tunables(tunables == null ? KsmTunables.DEFAULTS.withRun(1) : tunables(tunables));
		for (ImportedProcess p : machine.processes()) {
			List<MergeableRegion> regions = new ArrayList<>();
			MergeMode mode = p.stat().mergeAny() ? MergeMode.PR_SET_MEMORY_MERGE : MergeMode.MADV_MERGEABLE;
			for (org.ksmstudio.live.proc.MergeableRegion r : p.regions()) {
				long pages = r.sizeBytes() / t.pageSizeBytes();
				String regionName = String.format("%s@%x", r.name().isEmpty() ? "anon" : r.name(), r.start());
				regions.add(new MergeableRegion(regionName, mode, List.of(ContentGroup.unique(pages)), Volatility.NONE));
			}
			boolean kvm = p.stat().command().startsWith("qemu");
			builder.process(new ProcessSpec(p.stat().pid(), p.stat().command(), 0, List.of(), true, kvm, 0,
					ForkPoint.AFTER_FILL, regions));
		}
		return builder.build();
	}

	/** The engine's tunables from a sample of the kernel's; files missing on the kernel keep their defaults. */
	public static KsmTunables tunables(KsmSample s) {
		KsmTunables d = KsmTunables.DEFAULTS;
		return new KsmTunables((int) s.valueOr(KsmSysfsFile.RUN, d.run()), s.valueOr(KsmSysfsFile.PAGES_TO_SCAN, d.pagesToScan()),
				s.valueOr(KsmSysfsFile.SLEEP_MILLISECS, d.sleepMillisecs()),
				(int) s.valueOr(KsmSysfsFile.MERGE_ACROSS_NODES, d.mergeAcrossNodes()),
				(int) s.valueOr(KsmSysfsFile.MAX_PAGE_SHARING, d.maxPageSharing()),
				s.valueOr(KsmSysfsFile.STABLE_NODE_CHAINS_PRUNE_MILLISECS, d.stableNodeChainsPruneMillisecs()),
				s.valueOr(KsmSysfsFile.USE_ZERO_PAGES, d.useZeroPages() ? 1 : 0) != 0,
				s.valueOr(KsmSysfsFile.SMART_SCAN, d.smartScan() ? 1 : 0) != 0,
				s.valueOr(KsmSysfsFile.ADVISOR_MODE, 0) == 1 ? AdvisorMode.SCAN_TIME : AdvisorMode.NONE,
				s.valueOr(KsmSysfsFile.ADVISOR_MAX_CPU, d.advisorMaxCpu()),
				s.valueOr(KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN, d.advisorMinPagesToScan()),
				s.valueOr(KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN, d.advisorMaxPagesToScan()),
				s.valueOr(KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME, d.advisorTargetScanTime()));
	}
}
