package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.KsmSimulation;
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
    void periodicEventAfterConvergenceIsAppliedLive() throws Exception {
        SimulationPlan plan = ScenarioConverter.convert(bouncing(), 0, null);
        List<SimulationPlan.Step> steps = plan.steps();
        assertInstanceOf(SimulationPlan.Converge.class, steps.get(0));
        TimelineEvent.MigratePages first = (TimelineEvent.MigratePages) ((SimulationPlan.Apply) steps.get(1)).event();
        assertEquals(List.of(0, 1), List.of(first.fromNode(), first.toNode()));
        assertEquals(new SimulationPlan.Advance(Duration.ofSeconds(1)), steps.get(2));
        TimelineEvent.MigratePages second = (TimelineEvent.MigratePages) ((SimulationPlan.Apply) steps.get(3)).event();
        assertEquals(List.of(1, 0), List.of(second.fromNode(), second.toNode()), "bounces back");
        assertEquals(8, steps.size(), "converge, 3 migrations with 2 periods between, converge, checkpoint: "
                + steps);
        RunResult result = ScenarioRunner.run(plan);
        assertEquals(1, result.checkpoints().size());
        // 600 equal pages, max_page_sharing 256: dups of 256, 256 and 88 mappings.
        assertTrue(result.checkpoints().get(0).matches(), result.checkpoints().toString());
    }

    @Test
    void applyRunsAMigrationAfterConvergenceThroughTheLiveApi() throws Exception {
        SimulationPlan plan = ScenarioConverter.convert(bouncing(), 0, null);
        KsmSimulation simulation = KsmSimulation.create(plan.scenario());
        assertTrue(simulation.runUntilConverged(Duration.ofMinutes(10)));
        TimelineEvent.MigratePages first = (TimelineEvent.MigratePages) ((SimulationPlan.Apply) plan.steps().get(1))
                .event();
        ScenarioRunner.apply(simulation, first);
        ScenarioRunner.apply(simulation, new TimelineEvent.Compaction(Duration.ZERO, 1));
        List<OperationResult> operations = simulation.rmapOperations();
        assertEquals(List.of(RmapOperation.MIGRATE_PAGES, RmapOperation.COMPACTION),
                operations.stream().map(OperationResult::operation).toList());
        assertEquals(3, operations.get(0).ksmPages(), "the three KSM pages (dups) of the 600 equal pages move");
    }
}
