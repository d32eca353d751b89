package org.ksmstudio.model.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.ksmstudio.model.CpuList;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.Architecture;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.KsmConfig;
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
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;

/**
 * The constraints of the scenario model: the kernel's rules for /sys/kernel/mm/ksm and the sanity
 * of topology, workload, costs, timeline and runs. The generated {@code ScenarioValidator}
 * delegates each constraint of the ecore here. Every message names the object, the feature and the
 * value and says what is allowed; each diagnostic's data is {object, feature}.
 */
public final class ScenarioConstraints {

    /** Diagnostic source of every problem reported here. */
    public static final String SOURCE = "org.ksmstudio.model";

    /** Largest number of pages the engine accepts in one region. */
    public static final long MAX_REGION_PAGES = (1L << 31) - 1;

    /** Policy ids shipped with KSM Studio; others may come from plug-ins (a warning, not an error). */
    public static final List<String> KNOWN_POLICIES = List.of("no-limit", "stock", "batched-tlb", "skip-walk",
            "refile", "resched");

    /** Counters of /sys/kernel/mm/ksm an expectation may name. */
    public static final Set<String> SYSFS_COUNTERS = Set.of("pages_scanned", "pages_shared", "pages_sharing",
            "pages_unshared", "pages_volatile", "pages_skipped", "ksm_zero_pages", "full_scans", "stable_node_chains",
            "stable_node_dups", "general_profit", "run", "pages_to_scan", "sleep_millisecs", "max_page_sharing",
            "merge_across_nodes", "stable_node_chains_prune_millisecs", "use_zero_pages", "smart_scan", "advisor_mode",
            "advisor_max_cpu", "advisor_min_pages_to_scan", "advisor_max_pages_to_scan", "advisor_target_scan_time");

    /** Fields of /proc/PID/ksm_stat an expectation with a pid may name. */
    public static final Set<String> KSM_STAT_COUNTERS = Set.of("ksm_rmap_items", "ksm_zero_pages", "ksm_merging_pages",
            "ksm_process_profit", "ksm_merge_any", "ksm_mergeable");

    private final DiagnosticChain diagnostics;
    private boolean valid = true;

    private ScenarioConstraints(DiagnosticChain diagnostics) {
        this.diagnostics = diagnostics;
    }

    private boolean result() {
        return valid;
    }

    private void error(EObject object, EStructuralFeature feature, Object value, String allowed) {
        report(Diagnostic.ERROR, object, feature, value, allowed);
    }

    private void warning(EObject object, EStructuralFeature feature, Object value, String allowed) {
        report(Diagnostic.WARNING, object, feature, value, allowed);
    }

    private void report(int severity, EObject object, EStructuralFeature feature, Object value, String allowed) {
        if (severity == Diagnostic.ERROR) {
            valid = false;
        }
        if (diagnostics != null) {
            String message = ObjectNames.of(object) + ": " + ObjectNames.of(feature) + " = " + show(value) + ": "
                    + allowed;
            diagnostics.add(new BasicDiagnostic(severity, SOURCE, 0, message, new Object[] { object, feature }));
        }
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof List<?> list) {
            return list.toString();
        }
        return String.valueOf(value);
    }

    // ---- the kernel's rules ---------------------------------------------------------------------

    /** Every /sys/kernel/mm/ksm rule that depends on the values alone. */
    public static boolean kernelRules(KsmConfig config, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.tunable(config, Literals.KSM_CONFIG__RUN, "run", config.getRun());
        c.tunable(config, Literals.KSM_CONFIG__PAGES_TO_SCAN, "pages_to_scan", config.getPagesToScan());
        c.tunable(config, Literals.KSM_CONFIG__SLEEP_MILLISECS, "sleep_millisecs", config.getSleepMillisecs());
        c.tunable(config, Literals.KSM_CONFIG__MAX_PAGE_SHARING, "max_page_sharing", config.getMaxPageSharing());
        c.tunable(config, Literals.KSM_CONFIG__STABLE_NODE_CHAINS_PRUNE_MILLISECS, "stable_node_chains_prune_millisecs",
                config.getStableNodeChainsPruneMillisecs());
        c.tunable(config, Literals.KSM_CONFIG__MERGE_ACROSS_NODES, "merge_across_nodes", config.getMergeAcrossNodes());
        c.tunable(config, Literals.KSM_CONFIG__ADVISOR_MAX_CPU, "advisor_max_cpu", config.getAdvisorMaxCpu());
        c.tunable(config, Literals.KSM_CONFIG__ADVISOR_MIN_PAGES_TO_SCAN, "advisor_min_pages_to_scan",
                config.getAdvisorMinPagesToScan());
        c.tunable(config, Literals.KSM_CONFIG__ADVISOR_MAX_PAGES_TO_SCAN, "advisor_max_pages_to_scan",
                config.getAdvisorMaxPagesToScan());
        c.tunable(config, Literals.KSM_CONFIG__ADVISOR_TARGET_SCAN_TIME, "advisor_target_scan_time",
                config.getAdvisorTargetScanTime());
        if (config.getAdvisorMaxCpu() > 100) {
            c.warning(config, Literals.KSM_CONFIG__ADVISOR_MAX_CPU, config.getAdvisorMaxCpu(),
                    "a percentage; the kernel accepts it, but ksmd can never use more than 100% of a CPU");
        }
        if (config.getAdvisorMode() == AdvisorMode.SCAN_TIME
                && config.getPagesToScan() != config.getAdvisorMinPagesToScan()) {
            c.warning(config, Literals.KSM_CONFIG__PAGES_TO_SCAN, config.getPagesToScan(),
                    "with advisor_mode scan-time the kernel starts from advisor_min_pages_to_scan ("
                            + config.getAdvisorMinPagesToScan() + ") and pages_to_scan cannot be written (EINVAL)");
        }
        if (config.getAdvisorMinPagesToScan() > config.getAdvisorMaxPagesToScan()) {
            c.warning(config, Literals.KSM_CONFIG__ADVISOR_MIN_PAGES_TO_SCAN, config.getAdvisorMinPagesToScan(),
                    "above advisor_max_pages_to_scan (" + config.getAdvisorMaxPagesToScan()
                            + "): the advisor caps pages_to_scan at the maximum");
        }
        return c.result();
    }

    private void tunable(KsmConfig config, EStructuralFeature feature, String file, long value) {
        String reason = SysfsRules.einvalReason(file, Long.toString(value));
        if (reason != null) {
            error(config, feature, value, reason + " (the kernel answers EINVAL)");
        }
    }

    // ---- topology ------------------------------------------------------------------------------

    /** Page size for the architecture, CPU count, node ids 0..n-1, SLIT matrix shape and values, CPU sets. */
    public static boolean validTopology(Topology topology, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        int pageSize = topology.getPageSize();
        if (topology.getArchitecture() == Architecture.X86_64 && pageSize != 4096) {
            c.error(topology, Literals.TOPOLOGY__PAGE_SIZE, pageSize, "x86_64 has 4096-byte base pages");
        } else if (topology.getArchitecture() == Architecture.ARM64 && pageSize != 4096 && pageSize != 16384
                && pageSize != 65536) {
            c.error(topology, Literals.TOPOLOGY__PAGE_SIZE, pageSize, "arm64 has 4096, 16384 or 65536-byte pages");
        }
        if (topology.getCpuCount() < 1) {
            c.error(topology, Literals.TOPOLOGY__CPU_COUNT, topology.getCpuCount(), "at least 1 CPU");
        }
        List<NumaNode> nodes = topology.getNodes();
        if (nodes.isEmpty()) {
            c.error(topology, Literals.TOPOLOGY__NODES, 0, "at least one NUMA node (node 0 on a non-NUMA host)");
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getId() != i) {
                c.error(nodes.get(i), Literals.NUMA_NODE__ID, nodes.get(i).getId(),
                        "node ids must be 0 to " + (nodes.size() - 1) + " in order; expected " + i);
            }
        }
        boolean anyDistances = nodes.stream().anyMatch(n -> !n.getDistances().isEmpty());
        Map<Integer, Integer> owner = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NumaNode node = nodes.get(i);
            List<Integer> row = node.getDistances();
            if (anyDistances && row.size() != nodes.size()) {
                c.error(node, Literals.NUMA_NODE__DISTANCES, row, "one SLIT distance per node: expected "
                        + nodes.size() + " values, found " + row.size());
            } else if (anyDistances) {
                for (int j = 0; j < row.size(); j++) {
                    int d = row.get(j);
                    if (i == j && d != 10) {
                        c.error(node, Literals.NUMA_NODE__DISTANCES, row,
                                "distance to itself (column " + j + ") must be 10, found " + d);
                    } else if (i != j && (d <= 10 || d > 255)) {
                        c.error(node, Literals.NUMA_NODE__DISTANCES, row,
                                "distance to node " + j + " must be 11 to 255, found " + d);
                    }
                }
            }
            try {
                for (int cpu : CpuList.parse(node.getCpus())) {
                    if (cpu >= topology.getCpuCount()) {
                        c.error(node, Literals.NUMA_NODE__CPUS, node.getCpus(),
                                "CPU " + cpu + " does not exist: CPUs are 0 to " + (topology.getCpuCount() - 1));
                        break;
                    }
                    Integer other = owner.putIfAbsent(cpu, node.getId());
                    if (other != null) {
                        c.error(node, Literals.NUMA_NODE__CPUS, node.getCpus(),
                                "CPU " + cpu + " already belongs to node " + other);
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // reported by validNode
            }
        }
        return c.result();
    }

    /** Memory above zero, a well-formed cpulist. */
    public static boolean validNode(NumaNode node, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (node.getMemoryMiB() <= 0) {
            c.error(node, Literals.NUMA_NODE__MEMORY_MI_B, node.getMemoryMiB(), "more than 0 MiB");
        }
        c.cpuList(node, Literals.NUMA_NODE__CPUS, node.getCpus());
        return c.result();
    }

    private List<Integer> cpuList(EObject object, EStructuralFeature feature, String text) {
        try {
            return CpuList.parse(text);
        } catch (IllegalArgumentException e) {
            error(object, feature, text, "a cpulist such as 0-3,8: " + e.getMessage());
            return List.of();
        }
    }

    // ---- workload ------------------------------------------------------------------------------

    /** Unique positive pid, existing home node and CPUs, unique region names, vCPUs of a guest. */
    public static boolean validProcess(Process process, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(process);
        if (process.getPid() <= 0) {
            c.error(process, Literals.PROCESS__PID, process.getPid(), "a pid above 0");
        } else if (scenario.isPresent() && scenario.get().getWorkload() != null) {
            long same = scenario.get().getWorkload().getProcesses().stream()
                    .filter(p -> p.getPid() == process.getPid()).count();
            Process owner = ScenarioQueries.pids(scenario.get()).get(process.getPid());
            if (same > 1) {
                c.error(process, Literals.PROCESS__PID, process.getPid(), "pids must be unique; " + same
                        + " processes have this one");
            } else if (owner != process) {
                c.error(process, Literals.PROCESS__PID, process.getPid(),
                        "already the pid of a child forked by " + ObjectNames.of(owner));
            }
        }
        if (scenario.isPresent() && ScenarioQueries.node(scenario.get(), process.getHomeNode()).isEmpty()) {
            c.error(process, Literals.PROCESS__HOME_NODE, process.getHomeNode(), "no such node; nodes are "
                    + nodeIds(scenario.get()));
        }
        List<Integer> cpus = c.cpuList(process, Literals.PROCESS__CPUS, process.getCpus());
        if (scenario.isPresent() && scenario.get().getTopology() != null) {
            int cpuCount = scenario.get().getTopology().getCpuCount();
            cpus.stream().filter(cpu -> cpu >= cpuCount).findFirst().ifPresent(cpu -> c.error(process,
                    Literals.PROCESS__CPUS, process.getCpus(), "CPU " + cpu + " does not exist: CPUs are 0 to "
                            + (cpuCount - 1)));
        }
        Set<String> names = new HashSet<>();
        for (MergeableRegion region : process.getRegions()) {
            if (!region.getName().isEmpty() && !names.add(region.getName())) {
                c.error(region, Literals.MERGEABLE_REGION__NAME, region.getName(),
                        "region names must be unique within a process");
            }
        }
        if (process instanceof KvmGuest guest && guest.getVcpus() < 1) {
            c.error(guest, Literals.KVM_GUEST__VCPUS, guest.getVcpus(), "at least 1 vCPU");
        }
        return c.result();
    }

    /** At least one child, a non-negative first pid that collides with no other process. */
    public static boolean validFork(Fork fork, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (fork.getCount() < 1) {
            c.error(fork, Literals.FORK__COUNT, fork.getCount(), "at least 1 child");
        }
        if (fork.getFirstPid() < 0) {
            c.error(fork, Literals.FORK__FIRST_PID, fork.getFirstPid(), "0 (next free pids) or a pid above 0");
        }
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(fork);
        if (scenario.isPresent() && fork.getCount() >= 1 && fork.getFirstPid() >= 0) {
            int first = ScenarioQueries.firstChildPid(scenario.get(), fork);
            for (Process p : scenario.get().getWorkload().getProcesses()) {
                if (p.getPid() >= first && p.getPid() < first + fork.getCount()) {
                    c.error(fork, Literals.FORK__FIRST_PID, fork.getFirstPid(), "children get pids " + first + " to "
                            + (first + fork.getCount() - 1) + ", which include the pid of " + ObjectNames.of(p));
                    break;
                }
            }
        }
        return c.result();
    }

    /** Size, node, contents within the size, memory of the node, volatility rates. */
    public static boolean validRegion(MergeableRegion region, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        long size = region.getSizePages();
        if (size < 0 || size > MAX_REGION_PAGES) {
            c.error(region, Literals.MERGEABLE_REGION__SIZE_PAGES, size, "0 to " + MAX_REGION_PAGES + " pages");
        }
        long content = ScenarioQueries.contentPages(region);
        if (content < 0) {
            c.error(region, Literals.MERGEABLE_REGION__CONTENTS, "overflow",
                    "the content groups add up to more pages than a 64-bit count holds");
        } else if (content > size) {
            c.error(region, Literals.MERGEABLE_REGION__CONTENTS, content + " pages",
                    "the content groups must fit in the region's " + size + " pages");
        }
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(region);
        if (scenario.isPresent() && region.eContainer() instanceof Process process) {
            int nodeId = region.getNode() < 0 ? process.getHomeNode() : region.getNode();
            if (region.getNode() < -1) {
                c.error(region, Literals.MERGEABLE_REGION__NODE, region.getNode(),
                        "-1 (the process's home node) or a node id");
            }
            Optional<NumaNode> node = ScenarioQueries.node(scenario.get(), nodeId);
            if (node.isEmpty() && region.getNode() >= 0) {
                c.error(region, Literals.MERGEABLE_REGION__NODE, region.getNode(),
                        "no such node; nodes are " + nodeIds(scenario.get()));
            } else if (node.isPresent() && scenario.get().getTopology() != null) {
                long pageSize = scenario.get().getTopology().getPageSize();
                long nodeBytes = node.get().getMemoryMiB() << 20;
                if (size > 0 && pageSize > 0 && size > nodeBytes / pageSize) {
                    c.error(region, Literals.MERGEABLE_REGION__SIZE_PAGES, size,
                            "larger than node " + nodeId + "'s memory (" + node.get().getMemoryMiB() + " MiB = "
                                    + nodeBytes / pageSize + " pages)");
                }
            }
        }
        double rate = region.getWritesPerSecond();
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            c.error(region, Literals.MERGEABLE_REGION__WRITES_PER_SECOND, rate, "a finite rate of 0 or more writes/s");
        }
        double fraction = region.getVolatileFraction();
        if (!(fraction >= 0 && fraction <= 1)) {
            c.error(region, Literals.MERGEABLE_REGION__VOLATILE_FRACTION, fraction, "a fraction from 0 to 1");
        }
        return c.result();
    }

    /** K and R non-negative, K x R without overflow and within a region's page limit. */
    public static boolean validRepeatedContent(RepeatedContent group, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (group.getDistinct() < 0) {
            c.error(group, Literals.REPEATED_CONTENT__DISTINCT, group.getDistinct(), "0 or more distinct contents");
        }
        if (group.getCopies() < 0) {
            c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), "0 or more copies");
        }
        if (group.getDistinct() >= 0 && group.getCopies() >= 0) {
            try {
                long pages = Math.multiplyExact(group.getDistinct(), group.getCopies());
                if (pages > MAX_REGION_PAGES) {
                    c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), group.getDistinct()
                            + " contents x " + group.getCopies() + " copies = " + pages + " pages, above the "
                            + MAX_REGION_PAGES + " pages of one region");
                }
            } catch (ArithmeticException e) {
                c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), group.getDistinct()
                        + " contents x " + group.getCopies() + " copies overflows a 64-bit page count");
            }
        }
        return c.result();
    }

    /** A non-negative page count within a region's page limit. */
    public static boolean validCount(EObject group, long count, EStructuralFeature feature,
            DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (count < 0 || count > MAX_REGION_PAGES) {
            c.error(group, feature, count, "0 to " + MAX_REGION_PAGES + " pages");
        }
        return c.result();
    }

    // ---- costs ---------------------------------------------------------------------------------

    /** HZ from 1 to 10000, every cost 0 ns or more. */
    public static boolean validCosts(CostModel cost, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (cost.getHz() < 1 || cost.getHz() > 10_000) {
            c.error(cost, Literals.COST_MODEL__HZ, cost.getHz(), "a tick rate from 1 to 10000 Hz (100, 250, 300, 1000)");
        }
        for (EStructuralFeature feature : cost.eClass().getEAllAttributes()) {
            if (feature.getEType().getInstanceClass() == long.class && (Long) cost.eGet(feature) < 0) {
                c.error(cost, feature, cost.eGet(feature), "a cost of 0 ns or more");
            }
        }
        return c.result();
    }

    // ---- timeline ------------------------------------------------------------------------------

    /** Non-negative time, period and repeat; a repeated event needs a period. */
    public static boolean validTiming(TimelineEvent event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (event.getTimeMillis() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__TIME_MILLIS, event.getTimeMillis(), "0 ms or later");
        }
        if (event.getPeriodMillis() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__PERIOD_MILLIS, event.getPeriodMillis(), "0 (once) or a period in ms");
        }
        if (event.getRepeat() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__REPEAT, event.getRepeat(), "0 (until the run ends) or more times");
        } else if (event.getRepeat() != 1 && event.getPeriodMillis() <= 0) {
            c.error(event, Literals.TIMELINE_EVENT__REPEAT, event.getRepeat(),
                    "an event that fires more than once needs a period above 0 ms");
        }
        return c.result();
    }

    /** A writable file; an expected result of ok, EINVAL or EBUSY consistent with the value. */
    public static boolean validSysfsWrite(SysfsWrite write, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (!SysfsRules.WRITABLE_FILES.contains(write.getFile())) {
            c.error(write, Literals.SYSFS_WRITE__FILE, write.getFile(),
                    "a writable file of /sys/kernel/mm/ksm: " + String.join(", ", SysfsRules.WRITABLE_FILES));
            return c.result();
        }
        String expected = write.getExpectedResult();
        if (!expected.isEmpty() && !List.of("ok", "EINVAL", "EBUSY").contains(expected)) {
            c.error(write, Literals.SYSFS_WRITE__EXPECTED_RESULT, expected, "empty, ok, EINVAL or EBUSY");
        }
        String reason = SysfsRules.einvalReason(write.getFile(), write.getValue());
        if (reason != null && "ok".equals(expected)) {
            c.warning(write, Literals.SYSFS_WRITE__VALUE, write.getValue(),
                    write.getFile() + " " + reason + ": the kernel answers EINVAL, not ok");
        }
        return c.result();
    }

    /** An existing process and nodes. */
    public static boolean validMigratePages(MigratePages event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.pid(event, Literals.MIGRATE_PAGES__PID, event.getPid());
        c.node(event, Literals.MIGRATE_PAGES__FROM_NODE, event.getFromNode());
        c.node(event, Literals.MIGRATE_PAGES__TO_NODE, event.getToNode());
        if (event.getFromNode() == event.getToNode()) {
            c.warning(event, Literals.MIGRATE_PAGES__TO_NODE, event.getToNode(),
                    "the same node as from node: nothing moves");
        }
        return c.result();
    }

    /** An existing process (or every process), region and page range; a step of 1 or more. */
    public static boolean validPageRange(PageRangeEvent event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (event.getStep() < 1) {
            c.error(event, Literals.PAGE_RANGE_EVENT__STEP, event.getStep(), "a step of 1 page or more");
        }
        if (event.getFromPage() < 0 || event.getToPage() < event.getFromPage()) {
            c.error(event, Literals.PAGE_RANGE_EVENT__TO_PAGE, event.getToPage(),
                    "a range with 0 <= from page (" + event.getFromPage() + ") <= to page");
        }
        if (event instanceof MovePages move) {
            c.node(event, Literals.MOVE_PAGES__TO_NODE, move.getToNode());
        }
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(event);
        if (scenario.isEmpty() || scenario.get().getWorkload() == null) {
            return c.result();
        }
        List<Process> processes;
        if (event.isEveryProcess()) {
            processes = ScenarioQueries.processesWithRegion(scenario.get(), event.getRegion());
            if (processes.isEmpty()) {
                c.error(event, Literals.PAGE_RANGE_EVENT__REGION, event.getRegion(),
                        "no process has a region of this name");
            }
        } else {
            Process owner = ScenarioQueries.pids(scenario.get()).get(event.getPid());
            if (owner == null) {
                c.error(event, Literals.PAGE_RANGE_EVENT__PID, event.getPid(), "no such process; pids are "
                        + ScenarioQueries.pids(scenario.get()).keySet());
                return c.result();
            }
            processes = List.of(owner);
        }
        for (Process process : processes) {
            Optional<MergeableRegion> region = ScenarioQueries.region(process, event.getRegion());
            if (region.isEmpty()) {
                c.error(event, Literals.PAGE_RANGE_EVENT__REGION, event.getRegion(),
                        ObjectNames.of(process) + " has no such region");
            } else if (event.getToPage() > region.get().getSizePages()) {
                c.error(event, Literals.PAGE_RANGE_EVENT__TO_PAGE, event.getToPage(), "outside "
                        + ObjectNames.of(region.get()) + ", which has " + region.get().getSizePages() + " pages");
            }
        }
        return c.result();
    }

    /** An existing node; reclaim of 0 pages or more. */
    public static boolean validNodeEvent(TimelineEvent event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (event instanceof Compaction compaction) {
            c.node(event, Literals.COMPACTION__NODE, compaction.getNode());
        } else if (event instanceof MemoryPressure pressure) {
            c.node(event, Literals.MEMORY_PRESSURE__NODE, pressure.getNode());
            if (pressure.getPages() < 0) {
                c.error(event, Literals.MEMORY_PRESSURE__PAGES, pressure.getPages(), "0 pages or more");
            }
            if (pressure.getDurationMillis() < 0) {
                c.error(event, Literals.MEMORY_PRESSURE__DURATION_MILLIS, pressure.getDurationMillis(),
                        "0 (one reclaim pass) or a duration in ms");
            }
        }
        return c.result();
    }

    /** An existing parent, at least one child. */
    public static boolean validForkProcess(ForkProcess event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.pid(event, Literals.FORK_PROCESS__PID, event.getPid());
        if (event.getCount() < 1) {
            c.error(event, Literals.FORK_PROCESS__COUNT, event.getCount(), "at least 1 child");
        }
        if (event.getFirstPid() < 0) {
            c.error(event, Literals.FORK_PROCESS__FIRST_PID, event.getFirstPid(), "0 (next free pids) or a pid above 0");
        }
        return c.result();
    }

    /** An existing process. */
    public static boolean validProcessExit(ProcessExit event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.pid(event, Literals.PROCESS_EXIT__PID, event.getPid());
        return c.result();
    }

    /** A known counter; a pid of an existing process for ksm_stat fields. */
    public static boolean validExpectation(Expectation expectation, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (expectation.getPid() == 0 && !SYSFS_COUNTERS.contains(expectation.getCounter())) {
            c.error(expectation, Literals.EXPECTATION__COUNTER, expectation.getCounter(),
                    "a file of /sys/kernel/mm/ksm such as pages_sharing (with pid 0)");
        } else if (expectation.getPid() != 0) {
            if (!KSM_STAT_COUNTERS.contains(expectation.getCounter())) {
                c.error(expectation, Literals.EXPECTATION__COUNTER, expectation.getCounter(),
                        "a field of /proc/PID/ksm_stat: " + String.join(", ", KSM_STAT_COUNTERS.stream().sorted().toList()));
            }
            c.pid(expectation, Literals.EXPECTATION__PID, expectation.getPid());
        }
        return c.result();
    }

    /** A positive duration when running for a duration, a positive sampling interval, known policies. */
    public static boolean validRunSettings(RunSettings run, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (run.getDurationMillis() < 0 || run.getMode() == RunMode.FOR_DURATION && run.getDurationMillis() == 0) {
            c.error(run, Literals.RUN_SETTINGS__DURATION_MILLIS, run.getDurationMillis(),
                    run.getMode() == RunMode.FOR_DURATION ? "a duration above 0 ms"
                            : "0 (no bound but 24 simulated hours) or a bound above 0 ms");
        }
        if (run.getSamplingIntervalMillis() <= 0) {
            c.error(run, Literals.RUN_SETTINGS__SAMPLING_INTERVAL_MILLIS, run.getSamplingIntervalMillis(),
                    "an interval above 0 ms");
        }
        for (String policy : run.getPolicies()) {
            if (!KNOWN_POLICIES.contains(policy)) {
                c.warning(run, Literals.RUN_SETTINGS__POLICIES, policy, "not a policy shipped with KSM Studio ("
                        + String.join(", ", KNOWN_POLICIES) + "); it must come from a plug-in");
            }
        }
        return c.result();
    }

    private void pid(EObject object, EStructuralFeature feature, int pid) {
        ScenarioQueries.scenarioOf(object).ifPresent(scenario -> {
            if (!ScenarioQueries.pids(scenario).containsKey(pid)) {
                error(object, feature, pid, "no such process; pids are " + ScenarioQueries.pids(scenario).keySet());
            }
        });
    }

    private void node(EObject object, EStructuralFeature feature, int node) {
        ScenarioQueries.scenarioOf(object).ifPresent(scenario -> {
            if (ScenarioQueries.node(scenario, node).isEmpty()) {
                error(object, feature, node, "no such node; nodes are " + nodeIds(scenario));
            }
        });
    }

    private static List<Integer> nodeIds(Scenario scenario) {
        return scenario.getTopology() == null ? List.of()
                : scenario.getTopology().getNodes().stream().map(NumaNode::getId).toList();
    }
}
