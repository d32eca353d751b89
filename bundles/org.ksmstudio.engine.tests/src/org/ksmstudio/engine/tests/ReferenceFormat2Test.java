package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.io.JsonFormatException;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.reference.PhaseResult;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;
import org.ksmstudio.engine.reference.ReferenceWorkload;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Format 2 of the reference file: its workloads, and format 1 still read into the same workloads. */
class ReferenceFormat2Test {

    @TempDir
    Path temp;

    private static final String SHAPES = """
            {"format": "ksmstudio-kernel-reference-2", "page_size": 4096, "cases": [{
              "name": "shapes",
              "tunables": {"max_page_sharing": 256},
              "workload": {"processes": [
                {"regions": [{"contents": [{"duplicates": {"distinct": 2, "copies": 100}}, {"unique": 10}]}]},
                {"fork_of": 1000},
                {"pid": 2000, "name": "small", "regions": [
                  {"name": "a", "contents": [{"duplicates": {"distinct": 2, "copies": 20, "layout": "interleave"}},
                                             {"zero": 5}]},
                  {"name": "hot", "pages": 64, "contents": [{"unique": 64}],
                   "volatile": {"pages_per_second": 6400, "fraction": 0.5}},
                  {"name": "cap", "contents": [{"captured": {"stream": "s", "space": "cap", "salted": true}}]}]}
              ]},
              "phases": [{"name": "initial", "action": {"start": "run=1"}, "expect": {"pages_shared": 4, "pages_sharing": 444}}]}]}
            """;

    @Test
    void format2HoldsUnequalProcessesForksVolatileAndCapturedRegions() throws Exception {
        Path file = temp.resolve("shapes.json");
        Files.writeString(file, SHAPES);
        ContentIdsFile.write(ContentIdsFile.besides(file), Map.of("s", PageContentIds.of(new int[] { 1, 1, 0 })));
        ReferenceFile f = ReferenceFile.parse(StrictJson.parse(SHAPES), ReferenceWorkload.besides(file));
        Scenario s = ReferenceRunner.scenarioOf(f.pageSize(), f.cases().get(0));
        List<ProcessSpec> p = s.workload().processes();
        assertEquals(List.of(1000, 1001, 2000), p.stream().map(ProcessSpec::pid).toList());
        assertEquals(210, p.get(0).regions().get(0).pages());
        assertEquals(1000, p.get(1).forkOf(), "a fork after the fill shares its parent's pages");
        assertEquals(List.of("a", "hot", "cap"), p.get(2).regions().stream().map(r -> r.name()).toList());
        assertEquals(new Volatility(6400, NewContent.UNIQUE, 0.5), p.get(2).regions().get(1).volatility());
        ContentGroup captured = p.get(2).regions().get(2).groups().get(0);
        assertEquals(ContentGroup.Kind.EXPLICIT, captured.kind());
        assertEquals(ContentSharing.SALTED, captured.sharing());
        assertEquals(PageContentIds.of(new int[] { 1, 1, 0 }), captured.contentIds());

        // it runs: each duplicate content of the first process (100 copies), its fork (the same 100 frames) and
        // the small process (20) is one KSM page of 220 mappings; the 6 zero pages and the 2 salted captured pages
        // one each; the unique pages, the forked unique frames and the volatile pages stay apart
        List<PhaseResult> r = ReferenceRunner.runCase(f.pageSize(), f.cases().get(0));
        assertTrue(r.get(0).passed(), r.get(0).line());

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> ReferenceFile.parse(SHAPES));
        assertTrue(e.getMessage().contains("$.cases[0].workload.processes[2].regions[2].contents[0].captured.stream"),
                e.getMessage());
    }

    @Test
    void eachFormat1CaseReadsAndRunsAlikeWrittenAsFormat2() {
        ReferenceFile v1 = TestData.reference(TestData.KERNEL_REFERENCE);
        for (String name : List.of("a_b_2000x1_mps256", "f_10000x1_cow3_unique")) {
            ReferenceCase c = v1.cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            Map<String, PageContentIds> streams = new LinkedHashMap<>();
            Map<String, Object> workload = ReferenceWorkload.toJson(c.workload(), 0, streams);
            assertTrue(streams.isEmpty());
            ObjectNode w = (ObjectNode) StrictJson.parse(StrictJson.write(workload));
            assertEquals(c.workload(), ReferenceWorkload.readV2(w, "$", ReferenceWorkload.Streams.NONE), name);
            ReferenceCase again = new ReferenceCase(c.name(), c.tunables(),
                    ReferenceWorkload.readV2(w, "$", ReferenceWorkload.Streams.NONE), c.phases(),
                    c.ksmdCpuSecondsBeforeStart());
            assertEquals(lines(ReferenceRunner.runCase(v1.pageSize(), c)),
                    lines(ReferenceRunner.runCase(v1.pageSize(), again)), name);
        }
    }

    private static List<String> lines(List<PhaseResult> results) {
        return results.stream().map(PhaseResult::line).toList();
    }

    @Test
    void aFormat1WorkloadWhosePagesDoNotAddUpIsRefusedByPath() {
        String text = """
                {"format": "ksmstudio-kernel-reference-1", "cases": [{"name": "x", "phases": [],
                 "workload": {"processes": 2, "pages_per_process": 100, "distinct_contents": 1,
                              "copies_per_content": 90}}]}
                """;
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> ReferenceFile.parse(text));
        assertTrue(e.getMessage().startsWith("$.cases[0].workload.pages_per_process = 100: differs"), e.getMessage());
        e = assertThrows(JsonFormatException.class,
                () -> ReferenceFile.parse(text.replace("reference-1", "reference-3")));
        assertTrue(e.getMessage().contains("expected \"ksmstudio-kernel-reference-2\" or"), e.getMessage());
    }

    private static final String HUGE = """
            {"format": "ksmstudio-kernel-reference-2", "cases": [{"name": "huge", "workload": {"processes": [
              {"regions": [{"contents": [{"duplicates": {"distinct": 2, "copies": 550}}], "huge_pages": 2,
                            "pinned_pages": 30}]}]},
              "phases": [{"name": "initial", "action": {"start": "run=1"},
                          "vmstat": {"thp_split_page": 2, "thp_split_page_failed": 1}}]}]}
            """;

    @Test
    void hugePagesPinnedPagesAndTheirSplitEventsReadRunAndWriteBack() {
        ReferenceCase c = ReferenceFile.parse(HUGE).cases().get(0);
        var region = c.workload().processes().get(0).regions().get(0);
        assertEquals(new org.ksmstudio.engine.scenario.RegionBacking(2, 30), region.backing());
        assertEquals(Map.of("thp_split_page", 2L, "thp_split_page_failed", 1L), c.phases().get(0).vmstat());
        // written back as format 2 and read again: the same workload
        ObjectNode w = (ObjectNode) StrictJson.parse(StrictJson.write(ReferenceWorkload.toJson(c.workload(), 0,
                new LinkedHashMap<>())));
        assertEquals(2L, w.get("processes").get(0).get("regions").get(0).get("huge_pages").longValue());
        assertEquals(c.workload(), ReferenceWorkload.readV2(w, "$", ReferenceWorkload.Streams.NONE));
        // the simulator's split counts are compared: the second huge page is split once, the first (pinned) never
        PhaseResult r = ReferenceRunner.runCase(4096, c).get(0);
        PhaseResult.Check splits = r.checks().stream().filter(k -> k.name().equals("thp_split_page")).findFirst()
                .orElseThrow();
        assertEquals("1", splits.simulated(), r.line());
        assertTrue(r.checks().stream().anyMatch(k -> k.name().equals("thp_split_page_failed") && !k.ok()), r.line());

        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> ReferenceFile.parse(HUGE.replace("\"huge_pages\": 2", "\"huge_pages\": 3")));
        assertTrue(e.getMessage().startsWith("$.cases[0].workload.processes[0].regions[0].huge_pages = 3"),
                e.getMessage());
        e = assertThrows(JsonFormatException.class,
                () -> ReferenceFile.parse(HUGE.replace("\"thp_split_page\":", "\"thp_split_pmd\":")));
        assertTrue(e.getMessage().contains("$.cases[0].phases[0].vmstat: unknown member \"thp_split_pmd\""),
                e.getMessage());
    }
}
