package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.model.CostModelPresets;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.Examples.Example;
import org.ksmstudio.model.scenario.ScenarioFactory;

/** The conversion of model scenarios to the engine's, on every shipped example. */
class ScenarioConverterTest {

    static Stream<Example> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleConvertsForEveryPolicy(Example example) throws Exception {
        var model = example.load();
        for (String policy : ScenarioConverter.policies(model, 0)) {
            RunPlan plan = ScenarioConverter.convert(model, 0, policy);
            Scenario s = plan.scenario();
            assertEquals(policy, s.run().policy());
            assertEquals(model.getTopology().getNodes().size(), s.topology().nodes().size());
            assertEquals(model.getKsm().getMaxPageSharing(), s.tunables().maxPageSharing());
            long modelPages = model.getWorkload().getProcesses().stream().flatMap(p -> p.getRegions().stream())
                    .mapToLong(r -> r.getContents().stream().mapToLong(g -> org.ksmstudio.model.ScenarioQueries.groupPages(g)).sum())
                    .sum();
            long enginePages = s.workload().processes().stream().flatMap(p -> p.regions().stream())
                    .mapToLong(r -> r.pages()).sum();
            assertEquals(modelPages, enginePages, "every faulted-in page reaches the engine");
        }
    }

    @Test
    void referenceCaseBecomesPhases() throws Exception {
        var model = Examples.byFile("reference-f-10000x1-cow3-unique.ksm").orElseThrow().load();
        RunPlan plan = ScenarioConverter.convert(model, 0, null);
        Scenario s = plan.scenario();
        assertEquals(KsmTunables.DEFAULTS.withRun(1), s.tunables());
        ProcessSpec p = s.workload().processes().get(0);
        assertEquals(1001, p.pid());
        ContentGroup g = p.regions().get(0).groups().get(0);
        assertEquals(ContentGroup.Kind.DUPLICATES, g.kind());
        assertEquals(1, g.distinctContents());
        assertEquals(10000, g.copiesPerContent());
        assertTrue(s.timeline().isEmpty(), "every event follows a convergence wait");
        List<RunPlan.Step> steps = plan.steps();
        assertInstanceOf(RunPlan.Converge.class, steps.get(0));
        assertEquals("initial", ((RunPlan.Checkpoint) steps.get(1)).name());
        TimelineEvent.WritePages write = (TimelineEvent.WritePages) ((RunPlan.Fire) steps.get(2)).event();
        assertEquals(0, write.pid(), "a write to every process stays one event, resolved when it fires");
        assertEquals(3, write.step());
        assertInstanceOf(RunPlan.Converge.class, steps.get(3));
        assertEquals("after_cow", ((RunPlan.Checkpoint) steps.get(4)).name());
        assertEquals(new RunPlan.Advance(Duration.ofSeconds(5)), steps.get(5));
        assertEquals("after_cow_plus_5s", ((RunPlan.Checkpoint) steps.get(6)).name());
        assertEquals(new RunPlan.RunOut(), steps.get(7), "then the rest of the run as its settings say");
    }

    @Test
    void sharingLimitExampleMigratesEverySecondBouncingBetweenNodes() throws Exception {
        var model = Examples.byFile("2016-sharing-limit.ksm").orElseThrow().load();
        assertEquals(List.of("2016", "stock"), ScenarioConverter.policies(model, 0));
        Scenario s = ScenarioConverter.convert(model, 0, "2016").scenario();
        assertEquals(1, s.timeline().size(), "one periodic event, its firings generated while the run goes");
        TimelineEvent.Periodic periodic = (TimelineEvent.Periodic) s.timeline().get(0);
        assertEquals(Duration.ofSeconds(60), periodic.at());
        assertEquals(Duration.ofSeconds(1), periodic.period());
        assertEquals(10, periodic.count());
        for (int i = 0; i < 10; i++) {
            TimelineEvent.MigratePages m = (TimelineEvent.MigratePages) periodic.firing(i).get(0);
            assertEquals(i % 2 == 0 ? 1 : 2, m.fromNode());
            assertEquals(i % 2 == 0 ? 2 : 1, m.toNode());
        }
        assertEquals(97, s.workload().processes().size());
        assertTrue(s.workload().processes().stream().filter(ProcessSpec::kvm).count() == 96);
        assertEquals(6_291_457, s.workload().processes().stream().flatMap(p -> p.regions().stream())
                .mapToLong(r -> r.pages()).sum(), "one content with 6.3 million mappings");
        assertEquals(org.ksmstudio.engine.scenario.CostModel.KVM_HOST_2016, s.costModel());
    }

    @Test
    void forkedChildrenFollowTheirParent() throws Exception {
        var model = Examples.byFile("fork-heavy-server.ksm").orElseThrow().load();
        Scenario s = ScenarioConverter.convert(model, 0, null).scenario();
        List<ProcessSpec> processes = s.workload().processes();
        assertEquals(41, processes.size());
        assertEquals(100, processes.get(0).pid());
        assertEquals(100, processes.get(1).forkOf());
        assertEquals(101, processes.get(1).pid());
        assertTrue(processes.get(1).regions().isEmpty());
        assertEquals(133, processes.get(33).pid());
        assertEquals(org.ksmstudio.engine.scenario.ForkPoint.BEFORE_FILL, processes.get(33).forkPoint());
        assertFalse(processes.get(33).active());
        assertEquals(8, s.timeline().stream().filter(e -> e instanceof TimelineEvent.Fork).count());
        assertEquals(List.of("stock", "resched"), ScenarioConverter.policies(model, 0), "compared with reschedule points");
        assertEquals("resched", ScenarioConverter.convert(model, 0, "resched").scenario().run().policy());
    }

    @Test
    void volatileFractionReachesTheEngine() throws Exception {
        var model = Examples.byFile("fork-heavy-server.ksm").orElseThrow().load();
        Volatility v = ScenarioConverter.convert(model, 0, null).scenario().workload().processes().get(0).regions()
                .get(0).volatility();
        assertEquals(500, v.pagesPerSecond());
        assertEquals(0.1, v.fraction());
        assertEquals(NewContent.SAME, v.content());
        assertEquals(6554, v.volatilePages(65536), "a tenth of the heap");
        assertEquals(List.of(0L, 10L, 20L, 65530L), List.of(v.page(0, 65536), v.page(1, 65536), v.page(2, 65536),
                v.page(6553, 65536)), "spread evenly over the region");
        model.getWorkload().getProcesses().get(0).getRegions().get(0).setVolatileFraction(0);
        assertEquals(Volatility.NONE, ScenarioConverter.convert(model, 0, null).scenario().workload().processes().get(0)
                .regions().get(0).volatility(), "no volatile page, no writes");
    }

    @Test
    void onlyTheVolatileFractionIsRewritten() throws Exception {
        // 1000 pages of 10 contents x 100 copies; a tenth is rewritten with unique content 50 times a second
        var model = TestScenarios.migrating(1, 1000);
        model.getTimeline().getEvents().clear();
        var region = model.getWorkload().getProcesses().get(0).getRegions().get(0);
        ((org.ksmstudio.model.scenario.RepeatedContent) region.getContents().get(0)).setDistinct(10);
        ((org.ksmstudio.model.scenario.RepeatedContent) region.getContents().get(0)).setCopies(100);
        region.setWritesPerSecond(50);
        region.setVolatileFraction(0.1);
        model.getRuns().get(0).setMode(org.ksmstudio.model.scenario.RunMode.FOR_DURATION);
        model.getRuns().get(0).setDurationMillis(60_000);
        var counters = org.ksmstudio.core.run.ScenarioRunner.run(ScenarioConverter.convert(model, 0, null)).last()
                .counters();
        long merged = counters.pagesShared() + counters.pagesSharing();
        assertTrue(merged >= 900 && merged < 1000, "the 900 stable pages merge, the volatile ones do not stay: "
                + merged);
    }

    @Test
    void invalidModelIsRefusedWithTheValidatorsMessage() throws Exception {
        var model = Examples.byFile("vm-consolidation.ksm").orElseThrow().load();
        model.getKsm().setMaxPageSharing(1);
        ConversionException e = assertThrows(ConversionException.class, () -> ScenarioConverter.convert(model, 0, null));
        assertTrue(e.getMessage().contains("max_page_sharing = 1"), e.getMessage());
        assertTrue(!e.getMessage().contains("more problem"), e.getMessage());
    }

    @Test
    void furtherProblemsAreCountedInTheRightNumber() throws Exception {
        var model = Examples.byFile("vm-consolidation.ksm").orElseThrow().load();
        model.getKsm().setMaxPageSharing(1);
        model.getKsm().setPagesToScan(-1);
        ConversionException two = assertThrows(ConversionException.class, () -> ScenarioConverter.convert(model, 0, null));
        assertTrue(two.getMessage().endsWith("(and 1 more problem)"), two.getMessage());
        model.getKsm().setSleepMillisecs(-1);
        ConversionException three = assertThrows(ConversionException.class, () -> ScenarioConverter.convert(model, 0, null));
        assertTrue(three.getMessage().endsWith("(and 2 more problems)"), three.getMessage());
    }

    @Test
    void tunablesAndCostsConvertFieldByField() {
        var ksm = ScenarioFactory.eINSTANCE.createKsmConfig();
        assertEquals(KsmTunables.DEFAULTS, ScenarioConverter.tunables(ksm));
        assertEquals(org.ksmstudio.engine.scenario.CostModel.THIS_MACHINE,
                ScenarioConverter.costModel(ScenarioFactory.eINSTANCE.createCostModel()),
                "the model's default cost model is the engine's THIS_MACHINE");
        assertEquals(org.ksmstudio.engine.scenario.CostModel.THIS_MACHINE,
                ScenarioConverter.costModel(CostModelPresets.create(CostModelPresets.THIS_MACHINE)));
        assertEquals(org.ksmstudio.engine.scenario.CostModel.KVM_HOST_2016,
                ScenarioConverter.costModel(CostModelPresets.create(CostModelPresets.KVM_HOST_2016)));
    }
}
