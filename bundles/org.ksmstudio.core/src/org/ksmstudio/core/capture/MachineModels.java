package org.ksmstudio.core.capture;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.live.topology.NumaNode;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.model.CpuList;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.Architecture;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Topology;

/**
 * The parts of a scenario model read from the running machine, shared by the machine import and
 * the capture: NUMA topology and KSM tunables.
 */
public final class MachineModels {

	private static final long MIB = 1L << 20;

	private MachineModels() {
	}

	/**
	 * Sets {@code topology} to the machine's: NUMA nodes renumbered 0..n-1 in id order (as the
	 * model requires), their memory in MiB, CPU lists and SLIT distances; page size and
	 * architecture (x86_64 with a note when the machine's is not modelled).
	 */
	public static void topology(Topology topology, NumaTopology t, List<String> notes) {
		switch (t.architecture()) {
		case "x86_64" -> topology.setArchitecture(Architecture.X86_64); //$NON-NLS-1$
		case "aarch64", "arm64" -> topology.setArchitecture(Architecture.ARM64); //$NON-NLS-1$ //$NON-NLS-2$
		default -> {
			topology.setArchitecture(Architecture.X86_64);
			notes.add(NLS.bind(Messages.Capture_Architecture, t.architecture()));
		}
		}
		topology.setCpuCount(Math.max(1, t.cpuCount()));
		topology.setPageSize((int) t.pageSizeBytes());
		topology.getNodes().clear();
		for (int i = 0; i < t.nodes().size(); i++) {
			NumaNode source = t.nodes().get(i);
			org.ksmstudio.model.scenario.NumaNode node = ScenarioFactory.eINSTANCE.createNumaNode();
			node.setId(i);
			node.setMemoryMiB(Math.max(1, source.memTotalBytes() / MIB));
			node.setCpus(CpuList.format(source.cpus()));
			node.getDistances().addAll(t.distances().get(i));
			topology.getNodes().add(node);
		}
	}

	/**
	 * Sets what the scenario takes from the kernel's clock: HZ of the cost model (CONFIG_HZ) and ksmd's CPU time
	 * since it started (the scan-time advisor's first step counts it), where the machine told them.
	 */
	public static void kernelClock(Scenario scenario, NumaTopology t) {
		if (t.hz() > 0) {
			scenario.getCostModel().setHz(t.hz());
		}
		if (t.ksmdCpuNanos() >= 0) {
			scenario.getTopology().setKsmdCpuTimeMs(t.ksmdCpuNanos() / 1_000_000);
		}
	}

	/** The index (model node id) of the machine's node {@code nodeId}, or 0 when unknown. */
	public static int nodeIndex(NumaTopology t, int nodeId) {
		for (int i = 0; i < t.nodes().size(); i++) {
			if (t.nodes().get(i).id() == nodeId) {
				return i;
			}
		}
		return 0;
	}

	/** Sets every tunable of {@code k} to {@code t}'s (run too). */
	public static void tunables(KsmConfig k, KsmTunables t) {
		k.setRun(t.run());
		k.setPagesToScan(t.pagesToScan());
		k.setSleepMillisecs(t.sleepMillisecs());
		k.setMergeAcrossNodes(t.mergeAcrossNodes());
		k.setMaxPageSharing(t.maxPageSharing());
		k.setStableNodeChainsPruneMillisecs(t.stableNodeChainsPruneMillisecs());
		k.setUseZeroPages(t.useZeroPages());
		k.setSmartScan(t.smartScan());
		k.setAdvisorMode(t.advisorMode() == org.ksmstudio.engine.scenario.AdvisorMode.SCAN_TIME ? AdvisorMode.SCAN_TIME
				: AdvisorMode.NONE);
		k.setAdvisorMaxCpu(t.advisorMaxCpu());
		k.setAdvisorMinPagesToScan(t.advisorMinPagesToScan());
		k.setAdvisorMaxPagesToScan(t.advisorMaxPagesToScan());
		k.setAdvisorTargetScanTime(t.advisorTargetScanTime());
	}
}
