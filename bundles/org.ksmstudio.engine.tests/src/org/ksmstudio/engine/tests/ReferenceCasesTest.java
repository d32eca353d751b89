package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.engine.reference.PhaseResult;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;

/**
 * Every phase of every case of the kernel reference files shipped with the engine (format 1:
 * kernel-reference.json; format 2: kernel-reference-shapes.json and kernel-reference-huge-and-pinned.json),
 * and of the cases measured on
 * this kind of machine's kernel (data/measured-reference.json), must match.
 */
class ReferenceCasesTest {

    static Stream<Arguments> kernelPhases() {
        return phases(TestData.KERNEL_REFERENCE);
    }

    static Stream<Arguments> measuredPhases() {
        return phases(TestData.MEASURED_REFERENCE);
    }

    static Stream<Arguments> shapesPhases() {
        return phases(TestData.referenceWithPages(TestData.SHAPES_REFERENCE));
    }

    static Stream<Arguments> hugeAndPinnedPhases() {
        return phases(TestData.reference(TestData.HUGE_AND_PINNED_REFERENCE));
    }

    private static Stream<Arguments> phases(String file) {
        return phases(TestData.reference(file));
    }

    private static Stream<Arguments> phases(ReferenceFile f) {
        List<Arguments> args = new ArrayList<>();
        for (ReferenceCase c : f.cases()) {
            List<PhaseResult> results = ReferenceRunner.runCase(f.pageSize(), c);
            for (PhaseResult r : results) {
                args.add(Arguments.of(c.name() + "/" + r.phaseName(), r));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelPhases")
    void kernelReferencePhase(String name, PhaseResult result) {
        assertTrue(result.passed(), result.line());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapesPhases")
    void shapesReferencePhase(String name, PhaseResult result) {
        assertTrue(result.passed(), result.line());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeAndPinnedPhases")
    void hugeAndPinnedReferencePhase(String name, PhaseResult result) {
        assertTrue(result.passed(), result.line());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measuredPhases")
    void measuredPhase(String name, PhaseResult result) {
        assertTrue(result.passed(), result.line());
    }

    @Test
    void everyCaseOfTheKernelFileIsRun() {
        ReferenceFile f = TestData.reference(TestData.KERNEL_REFERENCE);
        int phases = f.cases().stream().mapToInt(c -> c.phases().size()).sum();
        assertEquals(phases, kernelPhases().count());
        assertFalse(f.cases().isEmpty());
    }

    @Test
    void theShapesFileHasACaseOfEveryFormat2Shape() {
        ReferenceFile f = TestData.referenceWithPages(TestData.SHAPES_REFERENCE);
        List<org.ksmstudio.engine.scenario.ProcessSpec> all = f.cases().stream()
                .flatMap(c -> c.workload().processes().stream()).toList();
        assertTrue(f.cases().stream().anyMatch(c -> c.workload().processes().stream()
                .map(p -> p.regions().stream().mapToLong(r -> r.pages()).sum()).distinct().count() > 2),
                "processes of different sizes");
        assertTrue(all.stream().anyMatch(p -> p.forkOf() != 0), "a fork after the fill");
        assertTrue(all.stream().flatMap(p -> p.regions().stream()).anyMatch(r -> r.volatility().pagesPerSecond() > 0),
                "a volatile writer");
        assertTrue(f.cases().stream().anyMatch(c -> c.workload().processes().stream().anyMatch(p -> p.forkOf() != 0)
                && c.workload().processes().stream().flatMap(p -> p.regions().stream())
                        .anyMatch(r -> r.volatility().pagesPerSecond() > 0)), "a volatile writer forked after the fill");
        assertTrue(all.stream().flatMap(p -> p.regions().stream()).flatMap(r -> r.groups().stream())
                .anyMatch(g -> g.kind() == org.ksmstudio.engine.scenario.ContentGroup.Kind.EXPLICIT),
                "captured contents");
    }

    @Test
    void theHugeAndPinnedFileChecksSplitsPinsAndForksOfPinnedPages() {
        ReferenceFile f = TestData.reference(TestData.HUGE_AND_PINNED_REFERENCE);
        List<org.ksmstudio.engine.scenario.MergeableRegion> regions = f.cases().stream()
                .flatMap(c -> c.workload().processes().stream()).flatMap(p -> p.regions().stream()).toList();
        assertTrue(regions.stream().anyMatch(r -> r.backing().hugePages() > 0), "a region of huge pages");
        assertTrue(regions.stream().anyMatch(r -> r.backing().hugePages() > 0
                && r.backing().hugePageSubpages() < r.pages()), "huge and base pages in one region");
        assertTrue(regions.stream().anyMatch(r -> r.backing().pinnedPages() > 0), "a pinned range");
        assertTrue(f.cases().stream().anyMatch(c -> c.workload().processes().stream().anyMatch(p -> p.forkOf() != 0)
                && c.workload().processes().stream().flatMap(p -> p.regions().stream())
                        .anyMatch(r -> r.backing().pinnedPages() > 0)), "a fork of a process with pinned pages");
        assertTrue(f.cases().stream().flatMap(c -> c.phases().stream())
                .allMatch(p -> p.vmstat().keySet().equals(java.util.Set.copyOf(ReferenceCase.Phase.VMSTAT_EVENTS))),
                "every phase checks the THP split events");
        assertTrue(f.cases().stream().flatMap(c -> c.phases().stream())
                .anyMatch(p -> p.vmstat().get("thp_split_page_failed") > 0), "a split refused");
    }
}
