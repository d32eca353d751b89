package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.EngineFootprint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/** The footprint the size guard uses is what a built and scanned engine really holds. */
class EngineFootprintTest {

    @Test
    void pagesCostWhatTheFootprintSays() {
        int processes = 2;
        int pages = 1 << 18;
        long used = heapOfConvergedEngine(processes, List.of(ContentGroup.duplicates(256, 512, Layout.BLOCK),
                ContentGroup.unique(pages / 2)));
        long estimate = EngineFootprint.heapBytes((long) processes * pages, processes);
        assertTrue(used <= estimate, "measured " + used + " bytes, estimate " + estimate);
        long perPage = estimate - EngineFootprint.BYTES_PER_ENGINE;
        assertTrue(perPage <= 3 * used, "estimate " + perPage + " beyond an engine's own far above the measured " + used);
    }

    @Test
    void processesCostWhatTheFootprintSays() {
        int processes = 5_000;
        long used = heapOfConvergedEngine(processes, List.of(ContentGroup.unique(4)));
        long estimate = EngineFootprint.heapBytes(4L * processes, processes);
        assertTrue(used <= estimate, "measured " + used + " bytes, estimate " + estimate);
        long perProcess = estimate - EngineFootprint.BYTES_PER_ENGINE;
        assertTrue(perProcess <= 4 * used, "estimate " + perProcess + " beyond an engine's own far above the measured " + used);
    }

    @Test
    void anEmptyEngineHoldsLessThanAnEnginesAllowance() {
        long used = heapOfConvergedEngine(1, List.of(ContentGroup.unique(16)));
        assertTrue(used <= EngineFootprint.heapBytes(16, 1), "measured " + used + " bytes");
    }

    @Test
    void arithmeticSaturates() {
        assertEquals(Long.MAX_VALUE, EngineFootprint.heapBytes(Long.MAX_VALUE / 2, 1));
        assertEquals(Long.MAX_VALUE, EngineFootprint.saturatedMultiply(1L << 40, 1L << 30));
        assertEquals(Long.MAX_VALUE, EngineFootprint.saturatedAdd(Long.MAX_VALUE, 1));
        assertEquals(6, EngineFootprint.saturatedMultiply(2, 3));
    }

    private static long heapOfConvergedEngine(int processes, List<ContentGroup> groups) {
        Scenario.Builder b = Scenario.builder().name("footprint")
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(100_000).withSleepMillisecs(10))
                .run(new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofSeconds(1)));
        for (int i = 0; i < processes; i++) {
            b.process(ProcessSpec.of(100 + i, "p" + i,
                    new MergeableRegion("heap", MergeMode.MADV_MERGEABLE, new ArrayList<>(groups), Volatility.NONE)));
        }
        Scenario scenario = b.build();
        long before = usedHeap();
        KsmSimulation simulation = KsmSimulation.create(scenario);
        simulation.runUntilConverged(Duration.ofHours(1));
        long after = usedHeap();
        Reference.reachabilityFence(simulation);
        System.out.printf("footprint: %d processes, %d bytes measured%n", processes, after - before);
        return after - before;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
