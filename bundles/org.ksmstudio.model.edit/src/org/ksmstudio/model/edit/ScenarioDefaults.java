package org.ksmstudio.model.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.ContentGroup;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.MovePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.PageRangeEvent;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.ProcessExit;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Timeline;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.ZeroPages;

/**
 * Valid values for what the editor creates and adds, so that validation stays green or names what
 * to fill in. A new child (New Child / New Sibling, {@link #initialize}) gets: a process a free pid,
 * a name and the home node with the fewest processes; a region a unique name, a size and a content
 * group filling half of it; a content group the pages its region has left; a NUMA node the next id,
 * memory and a SLIT row (the other nodes get a column, {@link #companions}); an event a time
 * {@value #EVENT_SPACING_MILLIS} ms after the last timed event and a process, region or node that
 * exists. Objects pasted or dropped into another parent ({@link #uniqueKeys}) get a free pid or a
 * unique region name when theirs is taken.
 */
public final class ScenarioDefaults {

    /** Pages of a new region (4 MiB with 4 KiB pages), less when its node has less memory. */
    public static final long REGION_PAGES = 1024;
    /** Copies of each content of a new region's repeated content. */
    public static final long COPIES = 8;
    /** A new event comes this long after the last timed event. */
    public static final long EVENT_SPACING_MILLIS = 10_000;
    /** Pid of the first process of an empty workload. */
    public static final int FIRST_PID = 1000;
    /** SLIT distance of a new node to the others (and theirs to it). */
    public static final int REMOTE_DISTANCE = 20;
    /** SLIT distance of a node to itself. */
    public static final int LOCAL_DISTANCE = 10;

    private static final ScenarioFactory FACTORY = ScenarioFactory.eINSTANCE;

    private ScenarioDefaults() {
    }

    /** Gives {@code child}, about to be created under {@code owner}, valid values. */
    public static void initialize(EObject owner, EObject child) {
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(owner);
        switch (child) {
            case Process process when scenario.isPresent() -> process(scenario.get(), process);
            case MergeableRegion region when owner instanceof Process process -> region(scenario, process, region);
            case ContentGroup group when owner instanceof MergeableRegion region -> content(region, group);
            case NumaNode node when owner instanceof Topology topology -> node(topology, node);
            case TimelineEvent event when owner instanceof Timeline timeline -> event(scenario, timeline, event);
            case Expectation expectation -> expectation.setCounter("pages_sharing");
            case RunSettings run when owner instanceof Scenario s -> {
                run.setName(unique("run", s.getRuns().stream().map(RunSettings::getName).toList()));
                run.getPolicies().add("stock");
            }
            default -> {
                // the ecore's defaults are valid
            }
        }
    }

    /**
     * What else must change when {@code child} is created in {@code feature} of {@code owner}: a new
     * NUMA node's column in the SLIT rows of the other nodes. Null when nothing.
     */
    public static @Nullable Command companions(EditingDomain domain, EObject owner, EStructuralFeature feature,
            Object child) {
        if (!(owner instanceof Topology topology) || feature != Literals.TOPOLOGY__NODES || !(child instanceof NumaNode)
                || topology.getNodes().stream().allMatch(n -> n.getDistances().isEmpty())) {
            return null;
        }
        CompoundCommand columns = new CompoundCommand();
        for (NumaNode other : topology.getNodes()) {
            columns.append(AddCommand.create(domain, other, Literals.NUMA_NODE__DISTANCES, REMOTE_DISTANCE));
        }
        return columns;
    }

    /** A new value for a key attribute of an added object. */
    public record KeyChange(EObject object, EAttribute attribute, Object value) {
    }

    /**
     * The changes that give the processes of {@code added} a free pid and its regions a name unused
     * in {@code owner} when theirs is taken (a pasted copy, a region dropped on another process);
     * empty when every key is free.
     */
    public static List<KeyChange> uniqueKeys(EObject owner, EStructuralFeature feature, Collection<?> added) {
        List<KeyChange> changes = new ArrayList<>();
        if (feature == Literals.WORKLOAD__PROCESSES) {
            Optional<Scenario> scenario = ScenarioQueries.scenarioOf(owner);
            Set<Integer> taken = new HashSet<>(scenario.map(s -> ScenarioQueries.pids(s).keySet()).orElse(Set.of()));
            for (Object object : added) {
                if (object instanceof Process process && !taken.add(process.getPid())) {
                    int pid = taken.stream().mapToInt(Integer::intValue).max().orElse(FIRST_PID - 1) + 1;
                    taken.add(pid);
                    changes.add(new KeyChange(process, Literals.PROCESS__PID, pid));
                }
            }
        } else if (feature == Literals.PROCESS__REGIONS && owner instanceof Process process) {
            List<String> taken = new ArrayList<>(process.getRegions().stream().map(MergeableRegion::getName).toList());
            for (Object object : added) {
                if (object instanceof MergeableRegion region && !region.getName().isEmpty()
                        && taken.contains(region.getName())) {
                    String name = unique(region.getName(), taken);
                    taken.add(name);
                    changes.add(new KeyChange(region, Literals.MERGEABLE_REGION__NAME, name));
                } else if (object instanceof MergeableRegion region) {
                    taken.add(region.getName());
                }
            }
        }
        return changes;
    }

    private static void process(Scenario scenario, Process process) {
        int pid = ScenarioQueries.pids(scenario).keySet().stream().mapToInt(Integer::intValue).max()
                .orElse(FIRST_PID - 1) + 1;
        process.setPid(pid);
        process.setName((process instanceof KvmGuest ? "guest-" : "process-") + pid);
        if (scenario.getTopology() != null && !scenario.getTopology().getNodes().isEmpty()) {
            List<Process> processes = scenario.getWorkload() == null ? List.of() : scenario.getWorkload().getProcesses();
            NumaNode emptiest = scenario.getTopology().getNodes().get(0);
            long fewest = Long.MAX_VALUE;
            for (NumaNode node : scenario.getTopology().getNodes()) {
                long homed = processes.stream().filter(p -> p.getHomeNode() == node.getId()).count();
                if (homed < fewest) {
                    fewest = homed;
                    emptiest = node;
                }
            }
            process.setHomeNode(emptiest.getId());
        }
    }

    private static void region(Optional<Scenario> scenario, Process process, MergeableRegion region) {
        region.setName(unique("region", process.getRegions().stream().map(MergeableRegion::getName).toList()));
        long pages = REGION_PAGES;
        if (scenario.isPresent() && scenario.get().getTopology() != null) {
            long pageSize = scenario.get().getTopology().getPageSize();
            Optional<NumaNode> node = ScenarioQueries.node(scenario.get(), process.getHomeNode());
            if (node.isPresent() && pageSize > 0) {
                pages = Math.max(1, Math.min(pages, (node.get().getMemoryMiB() << 20) / pageSize));
            }
        }
        region.setSizePages(pages);
        RepeatedContent half = FACTORY.createRepeatedContent();
        region.getContents().add(half);
        content(pages / 2, half);
    }

    private static void content(MergeableRegion region, ContentGroup group) {
        long contentPages = ScenarioQueries.contentPages(region);
        content(contentPages < 0 ? 0 : region.getSizePages() - contentPages, group);
    }

    /** Fills {@code free} pages; leaves a repeated content at 1 x 1 when there is no room (validation says so). */
    private static void content(long free, ContentGroup group) {
        long pages = Math.max(0, free);
        switch (group) {
            case RepeatedContent repeated when pages > 0 -> {
                long copies = Math.min(COPIES, pages);
                repeated.setCopies(copies);
                repeated.setDistinct(pages / copies);
            }
            case UniquePages unique -> unique.setCount(pages);
            case ZeroPages zero -> zero.setCount(pages);
            default -> {
                // no room: the region's size is what to fill in
            }
        }
    }

    private static void node(Topology topology, NumaNode node) {
        List<NumaNode> nodes = topology.getNodes();
        Set<Integer> ids = new HashSet<>(nodes.stream().map(NumaNode::getId).toList());
        int id = 0;
        while (ids.contains(id)) {
            id++;
        }
        node.setId(id);
        node.setMemoryMiB(nodes.isEmpty() ? node.getMemoryMiB() : nodes.get(nodes.size() - 1).getMemoryMiB());
        if (nodes.stream().anyMatch(n -> !n.getDistances().isEmpty())) {
            for (int i = 0; i < nodes.size(); i++) {
                node.getDistances().add(REMOTE_DISTANCE);
            }
            node.getDistances().add(LOCAL_DISTANCE);
        }
    }

    private static void event(Optional<Scenario> scenario, Timeline timeline, TimelineEvent event) {
        long last = timeline.getEvents().stream().filter(e -> e.getTrigger() == Trigger.AT_TIME)
                .mapToLong(TimelineEvent::getTimeMillis).max().orElse(-EVENT_SPACING_MILLIS);
        event.setTrigger(Trigger.AT_TIME);
        event.setTimeMillis(last + EVENT_SPACING_MILLIS);
        List<Process> processes = scenario.map(s -> s.getWorkload() == null ? List.<Process>of()
                : List.copyOf(s.getWorkload().getProcesses())).orElse(List.of());
        List<NumaNode> nodes = scenario.map(s -> s.getTopology() == null ? List.<NumaNode>of()
                : List.copyOf(s.getTopology().getNodes())).orElse(List.of());
        Optional<Process> first = processes.stream().findFirst();
        Optional<Process> withRegion = processes.stream().filter(p -> !p.getRegions().isEmpty()).findFirst();
        int home = first.map(Process::getHomeNode).orElse(nodes.isEmpty() ? 0 : nodes.get(0).getId());
        int other = nodes.stream().mapToInt(NumaNode::getId).filter(id -> id != home).findFirst().orElse(home);
        switch (event) {
            case SysfsWrite write -> {
                write.setFile(ScenarioLabels.label(Literals.KSM_CONFIG__RUN));
                write.setValue("1");
            }
            case MigratePages migrate -> {
                first.ifPresent(p -> migrate.setPid(p.getPid()));
                migrate.setFromNode(home);
                migrate.setToNode(other);
            }
            case PageRangeEvent range -> {
                withRegion.ifPresent(p -> {
                    MergeableRegion region = p.getRegions().get(0);
                    range.setPid(p.getPid());
                    range.setRegion(region.getName());
                    range.setToPage(Math.max(1, region.getSizePages() / 4));
                });
                if (range instanceof MovePages move) {
                    move.setToNode(other);
                }
            }
            case Compaction compaction -> compaction.setNode(home);
            case MemoryPressure pressure -> {
                pressure.setNode(home);
                pressure.setPages(REGION_PAGES);
            }
            case ForkProcess fork -> first.ifPresent(p -> fork.setPid(p.getPid()));
            case ProcessExit exit -> {
                if (!processes.isEmpty()) {
                    exit.setPid(processes.get(processes.size() - 1).getPid());
                }
            }
            case Checkpoint checkpoint -> {
                checkpoint.setTrigger(Trigger.AFTER_CONVERGENCE);
                checkpoint.setTimeMillis(0);
                checkpoint.setName(unique("checkpoint", timeline.getEvents().stream()
                        .filter(Checkpoint.class::isInstance).map(e -> ((Checkpoint) e).getName()).toList()));
            }
            default -> {
                // the ecore's defaults are valid
            }
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever {@code taken} does not hold. */
    static String unique(String base, Collection<String> taken) {
        String stem = base.replaceFirst("-\\d+$", "");
        if (!taken.contains(stem)) {
            return stem;
        }
        int n = 2;
        while (taken.contains(stem + "-" + n)) {
            n++;
        }
        return stem + "-" + n;
    }
}
