package org.ksmstudio.core.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.live.capture.CapturedProcess;
import org.ksmstudio.live.capture.CapturedRegion;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.scenario.MachineScenarioConverter;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkTime;
import org.ksmstudio.model.scenario.MergeAdvice;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.WriteContent;

/**
 * Turns a {@link MachineCapture} into a scenario model and its page-contents streams: the
 * machine's topology and tunables (run=1), one process per captured process (a fork of its
 * parent when it maps the parent's frames), one MADV_MERGEABLE region per captured VMA sized by
 * the VMA, holding its present pages as {@link CapturedContent} (their content ids go to the
 * page-contents file), its whole transparent huge pages (KPF_THP) as the region's huge pages, and
 * the pages written over the window as the region's volatility. Pins are not captured: no /proc
 * file shows a page's reference or pin count.
 */
public final class CaptureModelConverter {

	/**
	 * A converted capture.
	 *
	 * @param scenario the scenario model (not yet in a resource)
	 * @param streams  the content ids of every captured group, by stream name, in order
	 * @param notes    what the user should know about the conversion, one sentence each
	 */
	public record Conversion(Scenario scenario, Map<String, PageContentIds> streams, List<String> notes) {
		public Conversion {
			streams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(streams));
			notes = List.copyOf(notes);
		}
	}

	private CaptureModelConverter() {
	}

	/** Converts {@code capture} into a scenario named {@code name}, with the kernel's tunables. */
	public static Conversion convert(String name, MachineCapture capture) {
		return convert(name, capture, true);
	}

	/**
	 * Converts {@code capture} into a scenario named {@code name}.
	 *
	 * @param kernelTunables whether the scenario takes the kernel's tunables (else the defaults); run is 1
	 */
	public static Conversion convert(String name, MachineCapture capture, boolean kernelTunables) {
		NumaTopology t = capture.topology();
		List<String> notes = new ArrayList<>(capture.warnings());
		Scenario scenario = Scenarios.create(name, Math.max(1, t.cpuCount()), 1024);
		MachineModels.topology(scenario.getTopology(), t, notes);
		MachineModels.kernelClock(scenario, t);
		if (kernelTunables && capture.ksm() instanceof KsmSample ksm) {
			MachineModels.tunables(scenario.getKsm(), MachineScenarioConverter.tunables(ksm));
		}
		scenario.getKsm().setRun(1);
		Map<String, PageContentIds> streams = new LinkedHashMap<>();
		Map<Integer, Process> byPid = new HashMap<>();
		double windowSeconds = capture.window().toNanos() / 1e9;
		for (CapturedProcess p : capture.processes()) {
			if (p.forkOf() != 0 && byPid.containsKey(p.forkOf())) {
				Fork fork = ScenarioFactory.eINSTANCE.createFork();
				fork.setCount(1);
				fork.setFirstPid(p.pid());
				fork.setWhen(ForkTime.AFTER_FILL);
				byPid.get(p.forkOf()).getForks().add(fork);
				continue;
			}
			Process process = process(p, t, windowSeconds, streams, notes);
			byPid.put(p.pid(), process);
			scenario.getWorkload().getProcesses().add(process);
		}
		return new Conversion(scenario, streams, notes);
	}

	private static Process process(CapturedProcess p, NumaTopology t, double windowSeconds,
			Map<String, PageContentIds> streams, List<String> notes) {
		Process process = ScenarioFactory.eINSTANCE.createProcess();
		process.setPid(p.pid());
		process.setName(p.command().isEmpty() ? "pid " + p.pid() : p.command()); //$NON-NLS-1$
		process.setMemoryMerge(p.mergeAny());
		process.setHomeNode(MachineModels.nodeIndex(t, homeNode(p)));
		Set<String> names = new HashSet<>();
		for (CapturedRegion r : p.regions()) {
			String base = String.format("%s@%x", r.name().isEmpty() ? "anon" : r.name(), r.start()); //$NON-NLS-1$ //$NON-NLS-2$
			String regionName = base;
			for (int n = 2; !names.add(regionName); n++) {
				regionName = base + "#" + n; //$NON-NLS-1$
			}
			MergeableRegion region = ScenarioFactory.eINSTANCE.createMergeableRegion();
			region.setName(regionName);
			region.setSizePages(r.sizePages(t.pageSizeBytes()));
			region.setAdvice(MergeAdvice.MADV_MERGEABLE);
			if (r.presentPages() > 0) {
				String stream = p.pid() + "/" + regionName; //$NON-NLS-1$
				PageContentIds ids = PageContentIds.of(r.contentIds());
				streams.put(stream, ids);
				CapturedContent content = ScenarioFactory.eINSTANCE.createCapturedContent();
				content.setStream(stream);
				content.setPages(ids.pages());
				content.setDistinct(ids.distinctContents());
				region.getContents().add(content);
			}
			if (r.volatilePages() > 0 && windowSeconds > 0) {
				region.setWritesPerSecond(r.volatilePages() / windowSeconds);
				region.setVolatileFraction((double) r.volatilePages() / r.presentPages());
				region.setVolatileContent(WriteContent.UNIQUE);
			}
			long hugePages = Math.min(r.thpPages(), r.presentPages()) / RegionBacking.HUGE_PAGE_PAGES;
			region.setHugePages(Math.max(0, hugePages));
			if (r.thpPages() > 0) {
				notes.add(NLS.bind(Messages.Capture_HugePages,
						new Object[] { p.pid(), regionName, r.thpPages(), region.getHugePages() }));
			}
			process.getRegions().add(region);
		}
		if (p.regions().isEmpty()) {
			notes.add(NLS.bind(Messages.Capture_NoRegion, p.pid(), process.getName()));
		}
		return process;
	}

	private static int homeNode(CapturedProcess p) {
		Map<Integer, Long> pages = new HashMap<>();
		for (CapturedRegion r : p.regions()) {
			r.nodePages().forEach((node, n) -> pages.merge(node, n, Long::sum));
		}
		return pages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
	}
}
