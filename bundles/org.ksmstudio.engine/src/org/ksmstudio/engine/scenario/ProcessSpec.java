package org.ksmstudio.engine.scenario;

import java.util.List;

/**
 * A process (an mm) of the workload. Processes are registered with KSM in list order (the order
 * in which they called madvise / prctl), which is ksmd's scan order.
 *
 * @param pid        process id (&gt; 0, unique)
 * @param name       command name
 * @param homeNode   NUMA node its pages are allocated on
 * @param cpus       CPUs it runs on (TLB flush IPIs go there when active)
 * @param active     whether it is running (has its mm loaded on its CPUs)
 * @param kvm        a KVM guest: mappings are shadowed by a secondary MMU (MMU notifier work)
 * @param forkOf     pid of the parent this process is a fork of, 0 if none; a fork inherits the
 *                   parent's regions (its own {@code regions} must then be empty)
 * @param forkPoint  when the fork happened relative to the parent's fill
 * @param regions    its mergeable regions, in address order
 */
public record ProcessSpec(int pid, String name, int homeNode, List<Integer> cpus, boolean active, boolean kvm,
        int forkOf, ForkPoint forkPoint, List<MergeableRegion> regions) {
    public ProcessSpec {
        ScenarioException.check(pid > 0, "process.pid", pid, "must be > 0");
        ScenarioException.check(homeNode >= 0, "process[" + pid + "].homeNode", homeNode, "must be >= 0");
        ScenarioException.check(forkOf >= 0 && forkOf != pid, "process[" + pid + "].forkOf", forkOf,
                "must be 0 or another process's pid");
        name = name == null ? "proc" + pid : name;
        cpus = cpus == null ? List.of() : List.copyOf(cpus);
        forkPoint = forkPoint == null ? ForkPoint.AFTER_FILL : forkPoint;
        regions = regions == null ? List.of() : List.copyOf(regions);
        ScenarioException.check(forkOf == 0 || regions.isEmpty(), "process[" + pid + "].regions", regions.size(),
                "a fork inherits its parent's regions and declares none");
    }

    /** A plain process with one region. */
    public static ProcessSpec of(int pid, String name, MergeableRegion region) {
        return new ProcessSpec(pid, name, 0, List.of(), true, false, 0, ForkPoint.AFTER_FILL, List.of(region));
    }
}
