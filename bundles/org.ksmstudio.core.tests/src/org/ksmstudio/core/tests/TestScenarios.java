package org.ksmstudio.core.tests;

import java.nio.file.Path;
import java.util.List;

import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Trigger;

/** Small scenarios built in code for the headless tests. */
final class TestScenarios {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    private TestScenarios() {
    }

    /**
     * Two nodes; {@code processes} processes on node 0 with {@code pages} equal pages each; after
     * convergence the first is migrated to node 1 and back, twice.
     */
    static Scenario migrating(int processes, int pages) {
        Scenario s = Scenarios.create("migrating", 4, 1024);
        NumaNode n0 = s.getTopology().getNodes().get(0);
        n0.setCpus("0-1");
        n0.getDistances().add(20);
        NumaNode n1 = F.createNumaNode();
        n1.setId(1);
        n1.setMemoryMiB(1024);
        n1.setCpus("2-3");
        n1.getDistances().addAll(List.of(20, 10));
        s.getTopology().getNodes().add(n1);
        for (int i = 0; i < processes; i++) {
            Process p = F.createProcess();
            p.setPid(10 + i);
            p.setName("p" + i);
            MergeableRegion r = F.createMergeableRegion();
            r.setName("r");
            r.setSizePages(pages);
            RepeatedContent g = F.createRepeatedContent();
            g.setCopies(pages);
            r.getContents().add(g);
            p.getRegions().add(r);
            s.getWorkload().getProcesses().add(p);
        }
        s.getKsm().setRun(1);
        s.getKsm().setPagesToScan(1000);
        MigratePages m = F.createMigratePages();
        m.setPid(10);
        m.setFromNode(0);
        m.setToNode(1);
        m.setBounce(true);
        m.setTrigger(Trigger.AFTER_CONVERGENCE);
        m.setPeriodMillis(1000);
        m.setRepeat(2);
        s.getTimeline().getEvents().add(m);
        s.getRuns().get(0).setMode(RunMode.UNTIL_CONVERGED);
        s.getRuns().get(0).setDurationMillis(600_000);
        return s;
    }

    /** Saves {@code scenario} as {@code dir/name}. */
    static Path save(Scenario scenario, Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        ScenarioResources.save(scenario, file);
        return file;
    }
}
