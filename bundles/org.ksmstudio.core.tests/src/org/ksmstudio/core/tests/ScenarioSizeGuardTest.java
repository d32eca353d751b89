package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.convert.ScenarioSizeGuard;
import org.ksmstudio.engine.scenario.EngineFootprint;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.MemoryFailure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.validation.ScenarioLimits;

/** Scenarios too big to build are refused before anything is allocated, in one line naming the field. */
class ScenarioSizeGuardTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    /** The migrating fixture on nodes of 4 TiB, so that big regions are valid. */
    private static Scenario big(Consumer<Scenario> change) {
        Scenario s = TestScenarios.migrating(2, 100);
        s.getTopology().getNodes().forEach(n -> n.setMemoryMiB(4L << 20));
        change.accept(s);
        return s;
    }

    private static MergeableRegion region(Scenario s) {
        return s.getWorkload().getProcesses().get(0).getRegions().get(0);
    }

    private static String refused(Scenario s, String... fragments) {
        ConversionException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ConversionException.class, () -> ScenarioConverter.convert(s, 0, null)));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), f + " in " + e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void theEngineLimitIsTheModelLimit() {
        assertEquals(EngineFootprint.MAX_PAGES, ScenarioLimits.MAX_PAGES);
    }

    @Test
    void aHugeRegionBelowTheEngineLimitNeedsMoreHeap() {
        refused(big(s -> {
            UniquePages u = F.createUniquePages();
            u.setCount(ScenarioLimits.MAX_PAGES - 1000);
            region(s).setSizePages(ScenarioLimits.MAX_PAGES - 1000);
            region(s).getContents().clear();
            region(s).getContents().add(u);
        }), "region 'r' of process 10", "Size = 536869912", "MiB of Java heap", "--heap");
    }

    @Test
    void aOneTebibyteHostFitsTwentyGibibytesOfHeapAndTwoDoNot() {
        long samples = Duration.ofHours(24).toSeconds() + 1;
        long heap = 20L << 30;
        long oneTiB = ScenarioSizeGuard.heapNeeded(268_435_456L, 256, 0, samples);
        assertTrue(oneTiB <= heap, oneTiB + " bytes for 1 TiB");
        long twoTiB = ScenarioSizeGuard.heapNeeded(536_870_912L, 512, 0, samples);
        assertTrue(twoTiB > heap, twoTiB + " bytes for 2 TiB");
    }

    @Test
    void forkedChildrenCountTheirPages() {
        refused(big(s -> {
            Fork fork = F.createFork();
            fork.setCount(3000);
            region(s).setSizePages(200_000);
            ((RepeatedContent) region(s).getContents().get(0)).setCopies(200_000);
            s.getWorkload().getProcesses().get(0).getForks().add(fork);
        }), "fork of process 10", "Children = 3000", "600200100 pages, more than the engine's 536870912");
        refused(big(s -> {
            ForkProcess fork = F.createForkProcess();
            fork.setPid(10);
            fork.setCount(1000);
            fork.setPeriodMillis(1000);
            fork.setRepeat(5000);
            s.getTimeline().getEvents().add(0, fork);
        }), "Children = 1000", "5000002 processes, more than 4194304");
    }

    @Test
    void aMemoryFailureOverAHugeRangeIsRefused() {
        refused(big(s -> {
            region(s).setSizePages(ScenarioLimits.MAX_PAGES);
            MemoryFailure f = F.createMemoryFailure();
            f.setPid(10);
            f.setToPage(ScenarioLimits.MAX_PAGES);
            s.getTimeline().getEvents().add(0, f);
        }), "MiB of Java heap", "536870914 timeline events");
    }

    @Test
    void eventsEveryMillisecondForAWeekAreRefused() {
        refused(big(s -> {
            SysfsWrite w = F.createSysfsWrite();
            w.setFile("pages_to_scan");
            w.setValue("100");
            w.setPeriodMillis(1);
            w.setRepeat(0);
            s.getTimeline().getEvents().add(0, w);
            s.getRuns().get(0).setMode(RunMode.FOR_DURATION);
            s.getRuns().get(0).setDurationMillis(ScenarioLimits.MAX_DURATION_MILLIS);
            s.getRuns().get(0).setSamplingIntervalMillis(60_000);
        }), "= 1:", "604800001 times, more than the 100000000");
    }

    @Test
    void samplingTooOftenIsRefused() {
        refused(big(s -> {
            s.getRuns().get(0).setDurationMillis(ScenarioLimits.MAX_DURATION_MILLIS);
            s.getRuns().get(0).setSamplingIntervalMillis(1);
        }), "Sampling", "= 1", "604800001 samples");
    }

    @Test
    void aTimelineLongerThanAWeekIsRefused() {
        refused(big(s -> {
            for (int i = 0; i < 8; i++) {
                SysfsWrite w = F.createSysfsWrite();
                w.setFile("pages_to_scan");
                w.setValue("100");
                w.setTrigger(Trigger.AFTER_PREVIOUS);
                w.setTimeMillis(Duration.ofDays(1).toMillis());
                s.getTimeline().getEvents().add(0, w);
            }
        }), "happens at 691200000 ms", "604800000 ms");
    }

    @Test
    void aScenarioThatFitsIsConverted() throws ConversionException {
        ScenarioConverter.convert(big(s -> { }), 0, null);
    }
}
