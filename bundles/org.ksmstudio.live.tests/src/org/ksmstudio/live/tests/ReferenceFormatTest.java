package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.scenario.Workload;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReplayCase;

import com.fasterxml.jackson.databind.JsonNode;

class ReferenceFormatTest {

	@TempDir
	Path temp;

	@Test
	void readsTheShippedReferenceFile() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		assertEquals(4096, doc.pageSize());
		assertEquals(17, doc.cases().size());
		RecordedCase f = doc.cases().stream().filter(c -> c.replayCase().name().equals("f_10000x1_cow3_unique"))
				.findFirst().orElseThrow();
		assertEquals(new PhaseAction.Write(0, 10000, 3, true, true), f.phases().get(1).action());
		assertEquals(6626L, f.phases().get(1).expect().get("pages_sharing"));
		assertEquals(16.1175, f.phases().get(1).wallSecondsToLastChange());
		assertEquals(0.0683, f.phases().get(1).ksmdCpuSecondsToLastChange(), "ksmd's schedstat to the last change");
		assertTrue(f.ksmdCpuSecondsBeforeStart() > 1, "ksmd's CPU time since boot before run=1");
		assertEquals(new PhaseAction.Wait(5.0, null), f.phases().get(2).action());
		RecordedCase i = doc.cases().stream().filter(c -> c.replayCase().name().equals("i_2000x1_runtime_sysfs"))
				.findFirst().orElseThrow();
		RecordedPhase busy = i.phases().get(1);
		assertEquals(new PhaseAction.Sysfs(List.of(new PhaseAction.SysfsWrite(KsmSysfsFile.MAX_PAGE_SHARING, "10", "EBUSY"))),
				busy.action());
		assertEquals("256", busy.tunablesReadBack().get(KsmSysfsFile.MAX_PAGE_SHARING));
		assertEquals(0L, i.phases().get(2).expect().get("full_scans"));
		assertEquals(null, i.phases().get(2).fullScansToLastChange());
		assertTrue(doc.rmapWalks().size() >= 2);
	}

	@Test
	void writesWhatItReads() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		Path out = temp.resolve("copy.json");
		ReferenceFormat.write(doc, out);
		ReferenceDocument again = ReferenceFormat.read(out);
		assertTrue(Files.getPosixFilePermissions(out).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
				"a recorded reference file is meant to be shared");
		assertEquals(ReferenceFormat.toJson(doc), ReferenceFormat.toJson(again));
		assertEquals(doc.cases().get(5).phases(), again.cases().get(5).phases());
		assertEquals(doc.rmapWalks(), again.rmapWalks());
	}

	@Test
	void theActionDelayOfAPhaseIsReadAndWritten() throws Exception {
		ReferenceDocument doc = ReferenceFormat.read(ReferenceData.kernelReference());
		RecordedCase k = doc.cases().stream().filter(c -> c.replayCase().name().equals("k_4000x1_cow_strides"))
				.findFirst().orElseThrow();
		assertEquals(null, k.phases().get(0).actionDelaySeconds(), "the first phase has no previous phase to wait for");
		Double delay = k.phases().get(2).actionDelaySeconds();
		assertTrue(delay != null && delay > 0 && delay < 1, "write_0_4000_every_5: " + delay);
		Path out = temp.resolve("delay.json");
		ReferenceFormat.write(doc, out);
		assertTrue(Files.readString(out).contains("\"action_delay_s\": " + delay), "written as recorded");
		RecordedCase again = ReferenceFormat.read(out).cases().stream()
				.filter(c -> c.replayCase().name().equals("k_4000x1_cow_strides")).findFirst().orElseThrow();
		assertEquals(delay, again.phases().get(2).actionDelaySeconds());
	}

	@Test
	void badFilesNameFileAndPlace() throws Exception {
		Path truncated = temp.resolve("truncated.json");
		Files.writeString(truncated, "{\n \"format\": \"ksmstudio-kernel-reference-1\",\n \"cases\": [");
		IOException e = assertThrows(IOException.class, () -> ReferenceFormat.read(truncated));
		assertTrue(e.getMessage().contains("truncated.json") && e.getMessage().contains("line 3"), e.getMessage());

		Path foreign = temp.resolve("foreign.json");
		Files.writeString(foreign, "{\"format\": \"something-else\", \"cases\": []}");
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(foreign));
		assertTrue(e.getMessage().contains("$.format = something-else"), e.getMessage());

		Path badValue = temp.resolve("bad.json");
		String text = Files.readString(ReferenceData.kernelReference()).replaceFirst("\"pages_per_process\": 2000",
				"\"pages_per_process\": 20");
		Files.writeString(badValue, text);
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(badValue));
		assertTrue(e.getMessage().contains("$.cases[0].workload") && e.getMessage().contains("pages_per_process = 20"),
				e.getMessage());

		Path badFile = temp.resolve("badfile.json");
		Files.writeString(badFile, Files.readString(ReferenceData.kernelReference()).replace("\"file\": \"run\"",
				"\"file\": \"pages_shared\""));
		e = assertThrows(IOException.class, () -> ReferenceFormat.read(badFile));
		assertTrue(e.getMessage().contains("pages_shared: is not a writable file"), e.getMessage());
	}

	/** A case of every format-2 shape: unequal processes, a fork after the fill, a volatile and a captured region. */
	static ReplayCase shapes() {
		MergeableRegion big = new MergeableRegion("heap", MergeMode.MADV_MERGEABLE,
				List.of(ContentGroup.duplicates(4, 500, Layout.INTERLEAVE), ContentGroup.unique(7)), Volatility.NONE);
		MergeableRegion captured = new MergeableRegion("captured", MergeMode.MADV_MERGEABLE,
				List.of(ContentGroup.explicit(PageContentIds.of(new int[] { 3, 3, 0, 9, 3 }), "cap")), Volatility.NONE);
		MergeableRegion hot = new MergeableRegion("hot", MergeMode.MADV_MERGEABLE,
				List.of(new ContentGroup(ContentGroup.Kind.DUPLICATES, 1, 32, Layout.BLOCK, 0, ContentSharing.SALTED,
						"hot")),
				new Volatility(6400, NewContent.UNIQUE, 0.25));
		Workload workload = new Workload(List.of(ProcessSpec.of(1000, "ksm-workload", big),
				new ProcessSpec(1001, "ksm-workload", 0, List.of(), true, false, 1000, ForkPoint.AFTER_FILL, List.of()),
				new ProcessSpec(1002, "small", 0, List.of(), true, false, 0, ForkPoint.AFTER_FILL,
						List.of(captured, hot))));
		return new ReplayCase("shapes", Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "16"), workload,
				List.of(new ReplayCase.Phase("initial", new PhaseAction.Start())));
	}

	@Test
	void format2KeepsUnequalProcessesForksVolatileAndCapturedRegions() throws Exception {
		ReplayCase c = shapes();
		RecordedPhase phase = new RecordedPhase("initial", new PhaseAction.Start(), List.of(),
				Map.of("pages_shared", 4L, "pages_sharing", 1996L), Map.of(), true, 3L, 4000L, 1.5,
				List.of(Map.of("ksm_rmap_items", 2007L), Map.of(), Map.of()), null);
		ReferenceDocument doc = new ReferenceDocument("6.18 x86_64", 4096, "how", "", List.of(
				new RecordedCase(c, List.of(phase))), List.of());
		Path out = temp.resolve("shapes.json");
		ReferenceFormat.write(doc, out);
		String json = Files.readString(out);
		JsonNode root = StrictJson.parse(json);
		assertEquals("ksmstudio-kernel-reference-2", root.get("format").asText(), json);
		JsonNode processes = root.get("cases").get(0).get("workload").get("processes");
		assertEquals(List.of("1000", "1001", "1002"), List.of(processes.get(0).get("pid").asText(),
				processes.get(1).get("pid").asText(), processes.get(2).get("pid").asText()), json);
		assertEquals(1000, processes.get(1).get("fork_of").asInt(), json);
		JsonNode small = processes.get(2).get("regions");
		assertEquals("captured", small.get(0).get("name").asText(), json);
		assertTrue(small.get(0).get("contents").get(0).has("captured"), json);
		assertEquals(6400, small.get(1).get("volatile").get("pages_per_second").asDouble(), json);
		assertEquals(0.25, small.get(1).get("volatile").get("fraction").asDouble(), json);
		assertTrue(Files.isRegularFile(temp.resolve("shapes.json.pages")), "captured ids go into the sidecar");
		ReferenceDocument again = ReferenceFormat.read(out);
		assertEquals(c.workload(), again.cases().get(0).replayCase().workload());
		assertEquals(doc.cases().get(0).phases().get(0).perProcess(), again.cases().get(0).phases().get(0).perProcess());
		assertEquals(json, ReferenceFormat.toJson(again));

		Files.delete(temp.resolve("shapes.json.pages"));
		IOException e = assertThrows(IOException.class, () -> ReferenceFormat.read(out));
		assertTrue(e.getMessage().contains("shapes.json: $.cases[0].workload.processes[2].regions[0].contents[0]"
				+ ".captured.stream") && e.getMessage().contains("shapes.json.pages, which is missing"), e.getMessage());
	}

	@Test
	void badFormat2WorkloadsNameThePlace() throws Exception {
		String head = "{\"format\": \"ksmstudio-kernel-reference-2\", \"cases\": [{\"name\": \"x\", \"tunables\": {}, "
				+ "\"phases\": [], \"workload\": ";
		Map<String, String> bad = Map.of(
				"{\"processes\": [{\"fork_of\": 7}]}", "processes[0].fork_of = 7: no earlier process has this pid",
				"{\"processes\": [{\"regions\": [{\"contents\": [{\"uniq\": 3}]}]}]}",
				"contents[0]: \"uniq\" is not a content kind",
				"{\"processes\": [{\"regions\": [{\"contents\": [{\"unique\": 3}], \"huge\": true}]}]}",
				"regions[0]: unknown member \"huge\"",
				"{\"processes\": [{\"regions\": [{\"pages\": 4, \"contents\": [{\"zero\": 3}]}]}]}",
				"regions[0].pages = 4: differs from the 3 pages of its contents",
				"{\"processes\": [{\"regions\": [{\"contents\": [{\"unique\": 3}], "
						+ "\"volatile\": {\"pages_per_second\": 10, \"fraction\": 2}}]}]}",
				"volatile.fraction = 2");
		for (Map.Entry<String, String> b : bad.entrySet()) {
			Path file = temp.resolve("bad2.json");
			Files.writeString(file, head + b.getKey() + "}]}");
			IOException e = assertThrows(IOException.class, () -> ReferenceFormat.read(file), b.getKey());
			assertTrue(e.getMessage().contains("bad2.json: $.cases[0].workload")
					&& e.getMessage().contains(b.getValue()) && !e.getMessage().contains("\n"), e.getMessage());
		}
	}

	@Test
	void hugeAndPinnedRegionsAndTheSplitEventsOfAPhaseAreWrittenAndRead() throws Exception {
		Workload w = new Workload(List.of(ProcessSpec.of(1000, "huge",
				new MergeableRegion("region", MergeMode.MADV_MERGEABLE, List.of(ContentGroup.duplicates(2, 600,
						Layout.BLOCK)), Volatility.NONE, new org.ksmstudio.engine.scenario.RegionBacking(2, 40)))));
		ReplayCase c = new ReplayCase("thp", Map.of(), w, List.of(new ReplayCase.Phase("initial", new PhaseAction.Start())));
		RecordedPhase phase = new RecordedPhase("initial", new PhaseAction.Start(), List.of(),
				Map.of("pages_shared", 2L), Map.of(), true, 2L, 2400L, 1.2, List.of(Map.of()), null)
				.withVmstat(Map.of("thp_split_page", 1L, "thp_split_page_failed", 3L));
		Path out = temp.resolve("thp.json");
		ReferenceFormat.write(new ReferenceDocument("6.18 x86_64", 4096, "how", "",
				List.of(new RecordedCase(c, List.of(phase))), List.of()), out);
		String json = Files.readString(out);
		assertTrue(json.contains("\"huge_pages\": 2") && json.contains("\"pinned_pages\": 40")
				&& json.contains("\"thp_split_page_failed\": 3"), json);
		ReferenceDocument again = ReferenceFormat.read(out);
		assertEquals(w, again.cases().get(0).replayCase().workload());
		assertEquals(phase.vmstat(), again.cases().get(0).phases().get(0).vmstat());
		assertEquals(json, ReferenceFormat.toJson(again));

		Files.writeString(out, json.replace("\"thp_split_page\":", "\"thp_split_pud\":"));
		IOException e = assertThrows(IOException.class, () -> ReferenceFormat.read(out));
		assertTrue(e.getMessage().contains("thp.json: $.cases[0].phases[0].vmstat = thp_split_pud"), e.getMessage());
	}
}
