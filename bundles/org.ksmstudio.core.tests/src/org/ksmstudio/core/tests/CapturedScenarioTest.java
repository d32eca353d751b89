package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.capture.CaptureModelConverter;
import org.ksmstudio.core.capture.CapturedScenarioFiles;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.live.capture.CapturedProcess;
import org.ksmstudio.live.capture.CapturedRegion;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.topology.NumaNode;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;

/**
 * A capture (built here as the capture library returns it) converted into a scenario and its
 * page-contents file, saved, loaded, validated and simulated; a damaged or missing page-contents
 * file is one line naming it.
 */
class CapturedScenarioTest {

	@TempDir
	Path dir;

	private static final NumaTopology ONE_NODE = new NumaTopology(
			List.of(new NumaNode(0, 8L << 30, 4L << 30, List.of(0, 1))), List.of(List.of(10)), 2, 4096, "x86_64");

	/** 5 contents x 20 copies, 20 unique, 10 zero pages; ids from {@code first}. */
	private static int[] ids(int first) {
		int[] ids = new int[130];
		for (int i = 0; i < 100; i++) {
			ids[i] = first + i / 20;
		}
		for (int i = 100; i < 120; i++) {
			ids[i] = first + i;
		}
		return ids;
	}

	private static CapturedRegion region(long start, int[] ids, long written) {
		return new CapturedRegion(start, start + 160 * 4096L, "", true, ids, 30, 0, 0, 0, 0, written, Map.of(0, 130L),
				0x1234);
	}

	private static MachineCapture capture() {
		ProcessKsmStat stat = new ProcessKsmStat(0, "app", 0, 0, 0, 0, false, true);
		CapturedProcess parent = new CapturedProcess(300, 1, "app", stat, 0, List.of(region(0x7f0000000000L, ids(1), 13)));
		CapturedProcess child = new CapturedProcess(301, 300, "app", stat, 300, List.of(region(0x7f0000000000L, ids(1), 0)));
		CapturedProcess other = new CapturedProcess(400, 1, "other", stat, 0, List.of(region(0x7e0000000000L, ids(1000), 0)));
		return new MachineCapture(ONE_NODE, null, List.of(parent, child, other), 250, Duration.ofSeconds(2), 390,
				1_000_000, List.of());
	}

	private Path saved() throws Exception {
		Path file = dir.resolve("captured.ksm");
		CapturedScenarioFiles.save(CaptureModelConverter.convert("captured", capture()), file);
		return file;
	}

	@Test
	void capturedScenarioSavesLoadsValidatesAndSimulates() throws Exception {
		Path file = saved();
		assertTrue(Files.exists(ContentIdsFile.besides(file)));
		ScenarioModel.init();
		Scenario model = ScenarioResources.load(file);
		Diagnostic diagnostic = Diagnostician.INSTANCE.validate(model);
		assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, diagnostic.getChildren().toString());
		assertEquals(2, model.getWorkload().getProcesses().size(), "the child is a fork");
		Process parent = model.getWorkload().getProcesses().get(0);
		assertEquals(301, parent.getForks().get(0).getFirstPid());
		assertEquals(160, parent.getRegions().get(0).getSizePages(), "sized by the VMA");
		CapturedContent group = (CapturedContent) parent.getRegions().get(0).getContents().get(0);
		assertEquals(130, group.getPages());
		assertEquals(25, group.getDistinct());
		assertEquals(6.5, parent.getRegions().get(0).getWritesPerSecond(), 1e-9, "13 pages written in 2 s");
		assertEquals(1, model.getKsm().getRun());

		var plan = ScenarioConverter.convert(model, 0, null);
		ContentGroup engineGroup = plan.scenario().workload().processes().get(0).regions().get(0).groups().get(0);
		assertEquals(ContentGroup.Kind.EXPLICIT, engineGroup.kind());
		assertEquals(PageContentIds.of(ids(1)), engineGroup.contentIds());
		// without the volatility, the stable structure: 5 + 5 repeated contents and the zero content
		model.getWorkload().getProcesses().forEach(p -> p.getRegions().forEach(r -> r.setWritesPerSecond(0)));
		RunResult result = ScenarioRunner.run(ScenarioConverter.convert(model, 0, null));
		assertEquals(11, result.last().counters().pagesShared());
		assertEquals(3 * 110 - 11, result.last().counters().pagesSharing(),
				"every mapping of a repeated or zero page but one per content, the fork's too");
	}

	@Test
	void capturedHugePagesAreSimulatedAsHugePagesAndSplitByTheMerge() throws Exception {
		// two processes with the same 1,024 pages, 1,100 of whose 1,200 pages are in transparent huge pages
		int[] ids = new int[1024];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = 1 + i;
		}
		ProcessKsmStat stat = new ProcessKsmStat(0, "app", 0, 0, 0, 0, false, true);
		List<CapturedProcess> procs = new java.util.ArrayList<>();
		for (int pid : new int[] { 500, 501 }) {
			procs.add(new CapturedProcess(pid, 1, "app", stat, 0, List.of(new CapturedRegion(0x7f0000000000L,
					0x7f0000000000L + 1200 * 4096L, "", true, ids, 176, 0, 0, 1100, 0, 0, Map.of(0, 1024L), pid))));
		}
		MachineCapture capture = new MachineCapture(ONE_NODE, null, procs, 250, Duration.ofSeconds(2), 390, 1_000_000,
				List.of());
		CaptureModelConverter.Conversion c = CaptureModelConverter.convert("thp", capture);
		assertEquals(2, c.scenario().getWorkload().getProcesses().get(0).getRegions().get(0).getHugePages(),
				"1,024 captured pages hold two whole huge pages");
		assertTrue(c.notes().stream().anyMatch(n -> n.contains("1100 pages are in transparent huge pages")
				&& n.contains("simulated as 2 whole huge pages")), c.notes().toString());
		Path file = dir.resolve("thp.ksm");
		CapturedScenarioFiles.save(c, file);
		ScenarioModel.init();
		Scenario model = ScenarioResources.load(file);
		assertTrue(Diagnostician.INSTANCE.validate(model).getSeverity() < Diagnostic.ERROR);
		var sim = org.ksmstudio.engine.KsmSimulation.create(ScenarioConverter.convert(model, 0, null).scenario());
		assertEquals(2 * 1024, sim.hugePageCounters().hugeSubpages());
		assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
		assertEquals(1024, sim.snapshot().counters().pagesSharing());
		assertEquals(4, sim.hugePageCounters().thpSplitPage(), "each huge page split by its first merge");
	}

	@Test
	void aMissingOrDamagedPageContentsFileIsOneLine() throws Exception {
		Path file = saved();
		Path pages = ContentIdsFile.besides(file);
		ScenarioModel.init();
		byte[] bytes = Files.readAllBytes(pages);
		bytes[bytes.length - 2] ^= 0x40;
		Files.write(pages, bytes);
		String damaged = assertThrows(ConversionException.class,
				() -> ScenarioConverter.convert(ScenarioResources.load(file), 0, null)).getMessage();
		assertTrue(damaged.startsWith(pages.toString() + ": ") && !damaged.contains("\n"), damaged);

		Files.delete(pages);
		String missing = assertThrows(ConversionException.class,
				() -> ScenarioConverter.convert(ScenarioResources.load(file), 0, null)).getMessage();
		assertTrue(missing.contains("the page-contents file " + pages + " is missing"), missing);

		ContentIdsFile.write(pages, Map.of("elsewhere", PageContentIds.of(new int[3])));
		String noStream = assertThrows(ConversionException.class,
				() -> ScenarioConverter.convert(ScenarioResources.load(file), 0, null)).getMessage();
		assertTrue(noStream.contains(pages + " has no stream '300/anon@7f0000000000'"), noStream);
	}
}
