package org.ksmstudio.engine.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes of a scenario, in KSM registration order.
 *
 * @param processes processes; forks must come after their parent
 */
public record Workload(List<ProcessSpec> processes) {
    public Workload {
        processes = List.copyOf(processes);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < processes.size(); i++) {
            ProcessSpec p = processes.get(i);
            ScenarioException.check(seen.add(p.pid()), "processes[" + i + "].pid", p.pid(), "duplicate pid");
            ScenarioException.check(p.forkOf() == 0 || seen.contains(p.forkOf()), "processes[" + i + "].forkOf",
                    p.forkOf(), "parent must be listed before the fork");
        }
    }
}
