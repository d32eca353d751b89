package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ksmstudio.engine.EventOutcome;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;

/**
 * The CPU a reverse-map operation holds: a migrate_pages call is a system call of its process, so the
 * process's next call starts when it returns, while another process's call runs beside it; ksmd runs on
 * another CPU when there is one, and on a single CPU waits for the end of the R-state stretch its
 * wake-up falls in (the whole migration in the 2016 kernels, which had no reschedule point in the walk).
 */
class OperationCpuTest {
    private static final int PAGES = 200_000;
    private static final Duration FIRST = Duration.ofSeconds(5);

    /**
     * Processes 1000 and 1001 on CPU 0 each map {@link #PAGES} copies of one content (one KSM page of 400,000
     * PTEs); node 0 has the {@code cpus} CPUs, node 1 memory only.
     */
    private static Scenario twoProcesses(String policy, int cpus, List<TimelineEvent> events) {
        List<Integer> ids = java.util.stream.IntStream.range(0, cpus).boxed().toList();
        Topology machine = new Topology("x86_64", 4096, cpus, List.of(new NumaNode(0, 64L << 30, ids),
                new NumaNode(1, 64L << 30, List.of())), List.of(List.of(10, 20), List.of(20, 10)));
        Scenario.Builder b = Scenario.builder().name("operation cpu").topology(machine)
                .tunables(RmapScenarios.fastKsmd(1 << 30))
                .run(new RunSettings(Duration.ofSeconds(20), false, 1, policy, Duration.ofSeconds(1)));
        b.process(RmapScenarios.process(1000, 0, List.of(0), false, false, RmapScenarios.identical("heap", PAGES)));
        b.process(RmapScenarios.process(1001, 0, List.of(0), false, false, RmapScenarios.identical("heap", PAGES)));
        events.forEach(b::event);
        return b.build();
    }

    private static TimelineEvent migrate(Duration at, int pid, int toNode) {
        return new TimelineEvent.MigratePages(at, pid, -1, toNode);
    }

    @Test
    void aProcesssNextCallStartsWhenItsCallReturnsAnotherProcessRunsBeside() {
        Duration oneMs = Duration.ofMillis(1);
        KsmSimulation sim = KsmSimulation.create(twoProcesses("stock", 1, List.of(migrate(FIRST, 1000, 1),
                migrate(FIRST.plus(oneMs), 1000, 0), migrate(FIRST.plus(oneMs), 1001, 0))));
        sim.runFor(Duration.ofSeconds(10));
        List<OperationResult> ops = sim.rmapOperations();
        assertEquals(3, ops.size(), ops.toString());
        OperationResult first = ops.get(0);
        assertEquals(FIRST.toNanos(), first.startNanos());
        assertTrue(first.latencyNanos() > 50_000_000, "migrating 400,000 PTEs takes over 50 ms: " + first);
        OperationResult other = ops.stream().filter(o -> o.startNanos() == FIRST.plus(oneMs).toNanos()).findFirst()
                .orElseThrow(() -> new AssertionError("process 1001's call was not issued at once: " + ops));
        assertEquals(1, other.ksmPages(), "process 1001 moved the shared KSM page back to node 0");
        OperationResult second = ops.stream().filter(o -> o != first && o != other).findFirst().orElseThrow();
        assertEquals(first.startNanos() + first.latencyNanos(), second.startNanos(),
                "process 1000's second call starts when its first returns");
    }

    @ParameterizedTest(name = "policy {0}, {1} CPUs: ksmd wakes {2} during the migration")
    @CsvSource({ "2016, 1, false", "2016, 2, true", "stock, 1, true" })
    void ksmdWaitsOnlyWhenItHasNoOtherCpuAndTheWalkCannotBePreempted(String policy, int cpus, boolean wakes) {
        KsmSimulation sim = KsmSimulation.create(twoProcesses(policy, cpus, List.of(migrate(FIRST, 1000, 1))));
        sim.runFor(FIRST.plusNanos(1));
        OperationResult m = sim.rmapOperations().get(0);
        long before = sim.snapshot().wakeups();
        sim.runFor(Duration.ofNanos(m.latencyNanos() - 1));
        long during = sim.snapshot().wakeups() - before;
        System.out.printf("%s, %d CPU(s): migration %.1f ms, longest stretch %.3f ms, %d ksmd wake-ups%n",
                policy, cpus, m.latencyNanos() / 1e6, m.longestStretchNanos() / 1e6, during);
        assertEquals(wakes, during > 0, during + " ksmd wake-ups during a " + m.latencyNanos() / 1e6 + " ms migration");
    }

    @Test
    void anOperationScheduledAtOneInstantRunsThereInRunsAtDifferentClocks() throws Exception {
        SimulationRun ahead = SimulationRun.start(RunPlan.of(twoProcesses("stock", 2, List.of())));
        SimulationRun behind = SimulationRun.start(RunPlan.of(twoProcesses("2016", 2, List.of())));
        ahead.advance(FIRST.toNanos());
        behind.advance(FIRST.toNanos() / 2);
        long at = Math.max(ahead.simulation().nowNanos(), behind.simulation().nowNanos());
        TimelineEvent migration = migrate(Duration.ZERO, 1000, 1);
        CompletableFuture<EventOutcome> a = ahead.schedule(migration, at);
        CompletableFuture<EventOutcome> b = behind.schedule(migration, at);
        ahead.fireDue();
        assertTrue(a.isDone(), "the run at that instant migrates without advancing");
        assertFalse(b.isDone(), "the run behind migrates when it gets there");
        behind.advance(FIRST.toNanos());
        for (CompletableFuture<EventOutcome> fired : List.of(a, b)) {
            OperationResult r = fired.get().operation();
            assertNotNull(r, "a migration answers with its result");
            assertEquals(at, r.startNanos(), "both runs migrate at the same simulated instant");
            assertEquals(1, r.ksmPages(), "the KSM page moved to node 1");
        }
    }
}
