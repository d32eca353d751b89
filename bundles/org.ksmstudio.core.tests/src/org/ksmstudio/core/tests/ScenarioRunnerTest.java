package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Trigger;

/** Plans run on the engine: checkpoints compared with the kernel, live events after convergence. */
class ScenarioRunnerTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    @Test
    void everyReferenceScenarioMatchesTheKernelAtEveryCheckpoint() throws Exception {
        for (Examples.Example example : Examples.all()) {
            if (!example.file().startsWith("reference-")) {
                continue;
            }
            RunResult result = ScenarioRunner.run(ScenarioConverter.convert(example.load(), 0, null));
            assertTrue(!result.checkpoints().isEmpty(), example.file());
            result.checkpoints().forEach(c -> assertTrue(c.matches(), example.file() + " " + c));
        }
    }

    /**
     * Two nodes, one process on node 0 with 600 equal pages (100 pages per wake-up), migrated to node 1
     * and back three times after convergence, then a checkpoint of the counters.
     */
    private static Scenario bouncing() {
        Scenario s = TestScenarios.migrating(1, 600);
        s.getKsm().setPagesToScan(100);
        ((MigratePages) s.getTimeline().getEvents().get(0)).setRepeat(3);
        Checkpoint c = F.createCheckpoint();
        c.setName("after migrations");
        c.setTrigger(Trigger.AFTER_CONVERGENCE);
        for (String counter : List.of("pages_shared", "pages_sharing")) {
            Expectation e = F.createExpectation();
            e.setCounter(counter);
            e.setValue(counter.equals("pages_shared") ? 3 : 597);
            c.getExpectations().add(e);
        }
        s.getTimeline().getEvents().add(c);
        return s;
    }

    @Test
    void periodicEventAfterConvergenceFiresFromTheStepper() throws Exception {
        RunPlan plan = ScenarioConverter.convert(bouncing(), 0, null);
        List<RunPlan.Step> steps = plan.steps();
        assertInstanceOf(RunPlan.Converge.class, steps.get(0));
        TimelineEvent.Periodic periodic = (TimelineEvent.Periodic) ((RunPlan.Fire) steps.get(1)).event();
        assertEquals(3, periodic.count());
        assertEquals(Duration.ofSeconds(1), periodic.period());
        TimelineEvent.MigratePages first = (TimelineEvent.MigratePages) periodic.firing(0).get(0);
        assertEquals(List.of(0, 1), List.of(first.fromNode(), first.toNode()));
        TimelineEvent.MigratePages second = (TimelineEvent.MigratePages) periodic.firing(1).get(0);
        assertEquals(List.of(1, 0), List.of(second.fromNode(), second.toNode()), "bounces back");
        assertEquals(5, steps.size(), "converge, the periodic migration, converge, checkpoint, run out: " + steps);
        RunResult result = ScenarioRunner.run(plan);
        assertEquals(1, result.checkpoints().size());
        // 600 equal pages, max_page_sharing 256: dups of 256, 256 and 88 mappings.
        assertTrue(result.checkpoints().get(0).matches(), result.checkpoints().toString());
    }

    @Test
    void aFiredEventTakesTheEnginesPathLikeATimedOne() throws Exception {
        RunPlan plan = ScenarioConverter.convert(bouncing(), 0, null);
        KsmSimulation simulation = KsmSimulation.create(plan.scenario());
        assertTrue(simulation.runUntilConverged(Duration.ofMinutes(10)));
        TimelineEvent.Periodic periodic = (TimelineEvent.Periodic) ((RunPlan.Fire) plan.steps().get(1)).event();
        simulation.fire(periodic.firing(0).get(0));
        simulation.fire(new TimelineEvent.Compaction(Duration.ZERO, 1));
        List<OperationResult> operations = simulation.rmapOperations();
        assertEquals(List.of(RmapOperation.MIGRATE_PAGES, RmapOperation.COMPACTION),
                operations.stream().map(OperationResult::operation).toList());
        assertEquals(3, operations.get(0).ksmPages(), "the three KSM pages (dups) of the 600 equal pages move");
    }

    /**
     * Three processes of 300 pages (100 contents, 3 copies each, the same in every process); then
     * process 1002 exits and every process writes every third page with new content, either at a
     * fixed time ({@code timed}) or right after a convergence checkpoint.
     */
    private static Scenario exitThenEveryProcessWrites(boolean timed) {
        Scenario s = org.ksmstudio.model.Scenarios.create("exit then write", 2, 1024);
        for (int i = 0; i < 3; i++) {
            org.ksmstudio.model.scenario.Process p = F.createProcess();
            p.setPid(1000 + i);
            p.setName("p" + i);
            org.ksmstudio.model.scenario.MergeableRegion r = F.createMergeableRegion();
            r.setName("r");
            r.setSizePages(300);
            org.ksmstudio.model.scenario.RepeatedContent g = F.createRepeatedContent();
            g.setDistinct(100);
            g.setCopies(3);
            r.getContents().add(g);
            p.getRegions().add(r);
            s.getWorkload().getProcesses().add(p);
        }
        s.getKsm().setRun(1);
        s.getKsm().setPagesToScan(200);
        if (!timed) {
            Checkpoint c = F.createCheckpoint();
            c.setName("converged");
            c.setTrigger(Trigger.AFTER_CONVERGENCE);
            s.getTimeline().getEvents().add(c);
        }
        org.ksmstudio.model.scenario.ProcessExit exit = F.createProcessExit();
        exit.setPid(1002);
        exit.setTrigger(timed ? Trigger.AT_TIME : Trigger.AFTER_PREVIOUS);
        exit.setTimeMillis(timed ? 30_000 : 0);
        s.getTimeline().getEvents().add(exit);
        org.ksmstudio.model.scenario.WritePages write = F.createWritePages();
        write.setEveryProcess(true);
        write.setRegion("r");
        write.setFromPage(0);
        write.setToPage(300);
        write.setStep(3);
        write.setContent(org.ksmstudio.model.scenario.WriteContent.UNIQUE);
        write.setTrigger(Trigger.AFTER_PREVIOUS);
        s.getTimeline().getEvents().add(write);
        s.getRuns().get(0).setMode(org.ksmstudio.model.scenario.RunMode.FOR_DURATION);
        s.getRuns().get(0).setDurationMillis(120_000);
        return s;
    }

    /**
     * The reproduction: "process 1002 exits, then every process writes every third page" gives
     * the same converged counters whether the write is timed or follows a convergence checkpoint
     * ("every process" is resolved when the write fires: 1000 and 1001, not the exited 1002).
     */
    @Test
    void exitThenWriteEveryProcessGivesTheSameCountersTimedOrAfterACheckpoint() throws Exception {
        RunResult timed = ScenarioRunner.run(ScenarioConverter.convert(exitThenEveryProcessWrites(true), 0, null));
        RunResult afterCheckpoint = ScenarioRunner
                .run(ScenarioConverter.convert(exitThenEveryProcessWrites(false), 0, null));
        assertEquals(1, afterCheckpoint.checkpoints().size());
        assertTrue(afterCheckpoint.checkpoints().get(0).timeNanos() < 30_000_000_000L,
                "converged before the timed form's events");
        for (RunResult r : List.of(timed, afterCheckpoint)) {
            assertEquals(120_000_000_000L, r.last().timeNanos());
        }
        KsmSnapshot a = timed.last();
        KsmSnapshot b = afterCheckpoint.last();
        for (String counter : List.of("pages_shared", "pages_sharing", "ksm_zero_pages", "stable_node_chains",
                "stable_node_dups", "general_profit")) {
            assertEquals(a.counters().value(counter), b.counters().value(counter), counter);
        }
        assertEquals(a.counters().pagesUnshared() + a.counters().pagesVolatile(),
                b.counters().pagesUnshared() + b.counters().pagesVolatile(), "pages_unshared + pages_volatile");
        // 2 processes x 200 unwritten pages of 100 contents merged: 100 KSM pages, 300 mappings sharing them
        assertEquals(100, a.counters().pagesShared());
        assertEquals(300, a.counters().pagesSharing());
        assertEquals(a.processes().stream().map(ProcessKsmStat::ksmMergingPages).toList(),
                b.processes().stream().map(ProcessKsmStat::ksmMergingPages).toList());
    }
}
