package org.ksmstudio.engine.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the engine needs to simulate KSM on a machine: immutable, validated on construction
 * ({@link ScenarioException} names the field and value).
 *
 * @param name       scenario name
 * @param topology   the machine
 * @param workload   processes and their mergeable regions
 * @param tunables   /sys/kernel/mm/ksm at the start (run usually 1)
 * @param costModel  time costs
 * @param timeline   events, any order (sorted by time, stable)
 * @param run        run settings
 */
public record Scenario(String name, Topology topology, Workload workload, KsmTunables tunables, CostModel costModel,
        List<TimelineEvent> timeline, RunSettings run) {
    public Scenario {
        name = name == null ? "scenario" : name;
        ScenarioException.require(topology, "scenario.topology", "is required");
        ScenarioException.require(workload, "scenario.workload", "is required");
        tunables = tunables == null ? KsmTunables.DEFAULTS.withRun(1) : tunables;
        costModel = costModel == null ? CostModel.THIS_MACHINE : costModel;
        List<TimelineEvent> sorted = new ArrayList<>(timeline == null ? List.of() : timeline);
        sorted.sort((a, b) -> a.at().compareTo(b.at()));
        timeline = List.copyOf(sorted);
        run = run == null ? RunSettings.converge() : run;
        Set<Integer> pids = new HashSet<>();
        List<ProcessSpec> ps = workload.processes();
        for (int i = 0; i < ps.size(); i++) {
            ProcessSpec p = ps.get(i);
            pids.add(p.pid());
            ScenarioException.check(p.homeNode() < topology.nodes().size(), "processes[" + i + "].homeNode",
                    p.homeNode(), "no such NUMA node (" + topology.nodes().size() + " nodes)");
            for (int cpu : p.cpus()) {
                ScenarioException.check(cpu >= 0 && cpu < topology.cpuCount(), "processes[" + i + "].cpus", cpu,
                        "no such CPU (" + topology.cpuCount() + " CPUs)");
            }
        }
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEvent e = timeline.get(i);
            ScenarioException.check(!e.at().isNegative(), "timeline[" + i + "].at", e.at(), "must be >= 0");
        }
    }

    /** A builder with defaults: one node, 2 CPUs, run=1, kernel default tunables, run until converged. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Scenario}. */
    public static final class Builder {
        private String name = "scenario";
        private Topology topology = Topology.singleNode(8L << 30, 2);
        private final List<ProcessSpec> processes = new ArrayList<>();
        private KsmTunables tunables = KsmTunables.DEFAULTS.withRun(1);
        private CostModel costModel = CostModel.THIS_MACHINE;
        private final List<TimelineEvent> timeline = new ArrayList<>();
        private RunSettings run = RunSettings.converge();

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder topology(Topology value) {
            this.topology = value;
            return this;
        }

        public Builder process(ProcessSpec value) {
            processes.add(value);
            return this;
        }

        public Builder tunables(KsmTunables value) {
            this.tunables = value;
            return this;
        }

        public Builder costModel(CostModel value) {
            this.costModel = value;
            return this;
        }

        public Builder event(TimelineEvent value) {
            timeline.add(value);
            return this;
        }

        public Builder run(RunSettings value) {
            this.run = value;
            return this;
        }

        public Scenario build() {
            return new Scenario(name, topology, new Workload(processes), tunables, costModel, timeline, run);
        }
    }
}
