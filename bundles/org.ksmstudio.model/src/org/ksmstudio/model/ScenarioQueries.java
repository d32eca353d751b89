package org.ksmstudio.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.validation.ScenarioLimits;

/** Lookups over a scenario that validation, conversion and labels share. */
public final class ScenarioQueries {

    private ScenarioQueries() {
    }

    /** The scenario containing {@code object}, if any. */
    public static Optional<Scenario> scenarioOf(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Scenario scenario) {
                return Optional.of(scenario);
            }
        }
        return Optional.empty();
    }

    /** The node with {@code id}, if the scenario has one. */
    public static Optional<NumaNode> node(Scenario scenario, int id) {
        if (scenario.getTopology() == null) {
            return Optional.empty();
        }
        return scenario.getTopology().getNodes().stream().filter(n -> n.getId() == id).findFirst();
    }

    /**
     * Every pid of the scenario mapped to the process that owns it: the process itself, or the
     * parent of a forked child (children of a {@link Fork} get consecutive pids from
     * {@link #firstChildPid}). The children of a fork of more than {@link ScenarioLimits#MAX_PROCESSES}
     * are left out (validation refuses such a fork), so that a huge count costs nothing here.
     */
    public static Map<Integer, Process> pids(Scenario scenario) {
        Map<Integer, Process> pids = new LinkedHashMap<>();
        if (scenario.getWorkload() == null) {
            return pids;
        }
        for (Process process : scenario.getWorkload().getProcesses()) {
            pids.putIfAbsent(process.getPid(), process);
        }
        for (Process process : scenario.getWorkload().getProcesses()) {
            for (Fork fork : process.getForks()) {
                int first = firstChildPid(scenario, fork);
                int children = fork.getCount() > ScenarioLimits.MAX_PROCESSES ? 0 : fork.getCount();
                for (int i = 0; i < children; i++) {
                    pids.putIfAbsent(first + i, process);
                }
            }
        }
        return pids;
    }

    /** The pid of the first child of {@code fork}: its firstPid, or one past the highest pid before it. */
    public static int firstChildPid(Scenario scenario, Fork fork) {
        if (fork.getFirstPid() > 0) {
            return fork.getFirstPid();
        }
        int highest = 0;
        for (Process process : scenario.getWorkload().getProcesses()) {
            highest = Math.max(highest, process.getPid());
        }
        for (Process process : scenario.getWorkload().getProcesses()) {
            for (Fork f : process.getForks()) {
                if (f == fork) {
                    return highest + 1;
                }
                int first = f.getFirstPid() > 0 ? f.getFirstPid() : highest + 1;
                highest = Math.max(highest, first + f.getCount() - 1);
            }
        }
        return highest + 1;
    }

    /** The region named {@code name} of {@code process} (its first region for an empty name). */
    public static Optional<MergeableRegion> region(Process process, String name) {
        if (name == null || name.isEmpty()) {
            return process.getRegions().stream().findFirst();
        }
        return process.getRegions().stream().filter(r -> name.equals(r.getName())).findFirst();
    }

    /** Processes that have a region named {@code name} (or any region for an empty name). */
    public static List<Process> processesWithRegion(Scenario scenario, String name) {
        List<Process> result = new ArrayList<>();
        for (Process process : scenario.getWorkload().getProcesses()) {
            if (region(process, name).isPresent()) {
                result.add(process);
            }
        }
        return result;
    }

    /** Pages the content groups of {@code region} fill, or -1 when the sum overflows a long. */
    public static long contentPages(MergeableRegion region) {
        long total = 0;
        try {
            for (var group : region.getContents()) {
                total = Math.addExact(total, groupPages(group));
            }
        } catch (ArithmeticException e) {
            return -1;
        }
        return total;
    }

    /** Pages of one content group; throws ArithmeticException when K x R overflows. */
    public static long groupPages(org.ksmstudio.model.scenario.ContentGroup group) {
        if (group instanceof org.ksmstudio.model.scenario.RepeatedContent repeated) {
            return Math.multiplyExact(repeated.getDistinct(), repeated.getCopies());
        }
        if (group instanceof org.ksmstudio.model.scenario.UniquePages unique) {
            return unique.getCount();
        }
        if (group instanceof org.ksmstudio.model.scenario.ZeroPages zero) {
            return zero.getCount();
        }
        if (group instanceof org.ksmstudio.model.scenario.CapturedContent captured) {
            return captured.getPages();
        }
        return 0;
    }
}
