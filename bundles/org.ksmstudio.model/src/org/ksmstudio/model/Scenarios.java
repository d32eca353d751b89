package org.ksmstudio.model;

import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Topology;

/** Creates new scenarios with every part present and the kernel's defaults. */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * An empty scenario: one NUMA node of {@code memoryMiB} with CPUs 0 to cpuCount-1, the kernel's
     * default tunables, the measured cost model, an empty timeline and one run until converged.
     */
    public static Scenario create(String name, int cpuCount, long memoryMiB) {
        ScenarioFactory factory = ScenarioFactory.eINSTANCE;
        Scenario scenario = factory.createScenario();
        scenario.setName(name);
        Topology topology = factory.createTopology();
        topology.setCpuCount(cpuCount);
        NumaNode node = factory.createNumaNode();
        node.setId(0);
        node.setMemoryMiB(memoryMiB);
        node.setCpus(cpuCount == 1 ? "0" : "0-" + (cpuCount - 1));
        node.getDistances().add(10);
        topology.getNodes().add(node);
        scenario.setTopology(topology);
        scenario.setWorkload(factory.createWorkload());
        scenario.setKsm(factory.createKsmConfig());
        scenario.setCostModel(CostModelPresets.create(CostModelPresets.THIS_MACHINE));
        scenario.setTimeline(factory.createTimeline());
        RunSettings run = factory.createRunSettings();
        run.setName("until converged");
        run.getPolicies().add("stock");
        scenario.getRuns().add(run);
        return scenario;
    }
}
