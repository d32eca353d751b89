package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.EventOutcome;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;

/** The one stepper: budgets, fired and periodic events, checkpoints, scheduled live changes, the bounded series. */
class SimulationRunTest {

    private static Scenario withRun(Scenario s, RunSettings run, List<TimelineEvent> timeline) {
        return new Scenario(s.name(), s.topology(), s.workload(), s.tunables(), s.costModel(), timeline, run);
    }

    @Test
    void advanceRunsAtMostItsBudgetAndSlicesGiveTheSameRunAsOneCall() {
        Scenario s = withRun(Scenarios.identicalPages(2, 2000, 256, 100, 20), RunSettings.forDuration(Duration.ofSeconds(20)),
                List.of());
        RunPlan plan = new RunPlan(s, List.of(new RunPlan.Converge(), new RunPlan.Checkpoint("converged", List.of()),
                new RunPlan.Fire(new TimelineEvent.WritePages(Duration.ZERO, 0, Scenarios.REGION, 0, 2000, 2,
                        NewContent.UNIQUE)),
                new RunPlan.RunOut()));
        SimulationRun sliced = SimulationRun.start(plan);
        while (!sliced.done()) {
            long advanced = sliced.advance(50_000_000L);
            assertTrue(advanced <= 50_000_000L, "at most the budget: " + advanced);
        }
        SimulationRun whole = SimulationRun.start(plan).runToEnd();
        assertEquals(whole.simulation().snapshot(), sliced.simulation().snapshot(), "slicing does not change the run");
        assertEquals(whole.checkpoints(), sliced.checkpoints());
        assertEquals(20_000_000_000L, whole.simulation().nowNanos());
    }

    @Test
    void aPeriodicEventIsGeneratedLazilyEvenEveryMillisecondForADay() {
        Scenario base = Scenarios.identicalPages(1, 1000, 256, 100, 20);
        TimelineEvent.Periodic everyMs = new TimelineEvent.Periodic(Duration.ZERO, Duration.ofMillis(1), 0,
                List.of(List.of(new TimelineEvent.WritePages(Duration.ZERO, 0, Scenarios.REGION, 0, 1, 1,
                        NewContent.UNIQUE))));
        Scenario s = withRun(base, RunSettings.forDuration(Duration.ofDays(1)), List.of(everyMs));
        SimulationRun run = SimulationRun.start(RunPlan.of(s));
        run.advance(2_000_000_000L);
        assertFalse(run.done());
        assertEquals(2_000_000_000L, run.simulation().nowNanos());
        assertTrue(run.simulation().nextEventNanos() <= 2_001_000_000L, "the next firing is the only one pending");
        assertTrue(run.simulation().snapshot().counters().pagesShared() > 0, "the other pages merged");
    }

    @Test
    void aPeriodicStepFiresItsFiringsBeforeTheNextStep() {
        Scenario s = withRun(Scenarios.identicalPages(1, 1000, 256, 100, 20), RunSettings.forDuration(Duration.ofMinutes(5)),
                List.of());
        TimelineEvent.Periodic threeWrites = new TimelineEvent.Periodic(Duration.ZERO, Duration.ofSeconds(1), 3,
                List.of(List.of(new TimelineEvent.SysfsWrite(Duration.ZERO, "pages_to_scan", "200")),
                        List.of(new TimelineEvent.SysfsWrite(Duration.ZERO, "pages_to_scan", "300"))));
        SimulationRun run = SimulationRun.start(new RunPlan(s, List.of(new RunPlan.Fire(threeWrites),
                new RunPlan.Checkpoint("after", List.of()))));
        run.runToEnd();
        assertEquals(2_000_000_000L, run.checkpoints().get(0).timeNanos(), "firings at 0, 1 and 2 s");
        assertEquals(200, run.simulation().snapshot().counters().pagesToScan(), "firings 0 and 2 write 200");
    }

    @Test
    void aScheduledLiveChangeAfterThePlanEndedRunsToItsInstantAndConvergesAgain() {
        Scenario s = Scenarios.identicalPages(1, 1000, 256, 100, 20);
        SimulationRun run = SimulationRun.start(RunPlan.of(s)).runToEnd();
        assertTrue(run.done());
        long end = run.simulation().nowNanos();
        long at = end + 500_000_000L;
        run.schedule(new TimelineEvent.SysfsWrite(Duration.ZERO, "pages_to_scan", "300"), at);
        assertFalse(run.done(), "a pending change keeps the run going");
        run.runToEnd();
        assertTrue(run.simulation().nowNanos() > at);
        assertEquals(300, run.simulation().snapshot().counters().pagesToScan());
        assertEquals(Long.MAX_VALUE, run.simulation().nextEventNanos());
    }

    @Test
    void aWriteScheduledAtOneInstantFiresAtThatInstantInRunsAtDifferentClocks() throws Exception {
        Scenario s = withRun(Scenarios.identicalPages(1, 1000, 256, 100, 20),
                RunSettings.forDuration(Duration.ofSeconds(10)), List.of());
        SimulationRun ahead = SimulationRun.start(RunPlan.of(s));
        SimulationRun behind = SimulationRun.start(RunPlan.of(s));
        ahead.advance(1_000_000_000L);
        behind.advance(400_000_000L);
        long at = Math.max(ahead.simulation().nowNanos(), behind.simulation().nowNanos());
        assertEquals(1_000_000_000L, at);
        TimelineEvent write = new TimelineEvent.SysfsWrite(Duration.ZERO, "pages_to_scan", "300");
        CompletableFuture<EventOutcome> a = ahead.schedule(write, at);
        CompletableFuture<EventOutcome> b = behind.schedule(write, at);
        ahead.fireDue();
        assertTrue(a.isDone(), "the run at that instant applies it without advancing");
        assertEquals(at, ahead.simulation().nowNanos());
        assertFalse(b.isDone(), "the run behind applies it when it gets there");
        behind.advance(1_000_000_000L);
        assertTrue(a.get().sysfs().ok() && b.get().sysfs().ok());
        ahead.advance(400_000_000L);
        for (SimulationRun run : List.of(ahead, behind)) {
            CounterSeries.View series = run.simulation().series();
            assertEquals(100, series.value("pages_to_scan", 10), "the sample at 1.0 s is taken before the write");
            assertEquals(300, series.value("pages_to_scan", 11), "the sample at 1.1 s shows it");
        }
    }

    @Test
    void theSeriesStaysBoundedForAnyRunLength() {
        Scenario s = withRun(Scenarios.identicalPages(1, 1000, 256, 100, 20),
                new RunSettings(Duration.ofHours(2), false, 1, "stock", Duration.ofMillis(100)), List.of());
        KsmSimulation sim = KsmSimulation.create(s);
        sim.runFor(Duration.ofHours(2));
        CounterSeries.View series = sim.series();
        assertTrue(series.size() <= CounterSeries.DEFAULT_CAPACITY, "72,001 samples offered, " + series.size() + " kept");
        assertTrue(series.size() > CounterSeries.DEFAULT_CAPACITY / 2);
        long step = series.timeNanos(1) - series.timeNanos(0);
        for (int i = 1; i < series.size(); i++) {
            assertEquals(step, series.timeNanos(i) - series.timeNanos(i - 1), "evenly spaced after decimation");
        }
        assertEquals(0, series.timeNanos(0));
        assertEquals(100_000_000L * series.stride(), step);
    }

    /**
     * Batches of 5,000 pages (several ms of ksmd CPU time, charged at their wake-up) sampled every
     * millisecond: the share between two rows stays within one CPU, and the rows add up to ksmd's
     * CPU time once it sleeps.
     */
    @Test
    void ksmdCpuTimeIsCountedAsItRunsNeverAboveOneCpu() {
        Scenario s = withRun(Scenarios.identicalPages(1, 20_000, 2, 5000, 5),
                new RunSettings(Duration.ofMillis(400), false, 1, "stock", Duration.ofMillis(1)), List.of());
        KsmSimulation sim = KsmSimulation.create(s);
        sim.runFor(Duration.ofMillis(400));
        CounterSeries.View series = sim.series();
        double busiest = 0;
        double sum = 0;
        for (int i = 0; i < series.size(); i++) {
            double share = series.ksmdCpuShare(i);
            assertTrue(share >= 0 && share <= 1, "row " + i + ": " + share);
            busiest = Math.max(busiest, share);
            sum += share * (series.timeNanos(i) - (i == 0 ? 0 : series.timeNanos(i - 1)));
        }
        assertEquals(1.0, busiest, 1e-9, "a batch longer than a sample interval keeps ksmd busy for the whole interval");
        double charged = sim.snapshot().ksmdCpuShare() * sim.snapshot().timeNanos();
        long spent = series.ksmdBusyNanos(series.size() - 1);
        assertTrue(spent <= charged + 1 && spent > 0.5 * charged, "spent " + spent + " of " + charged + " ns charged");
        assertEquals(spent, sum, series.size(), "the shares add up to the CPU time spent, none cut off");
    }
}
