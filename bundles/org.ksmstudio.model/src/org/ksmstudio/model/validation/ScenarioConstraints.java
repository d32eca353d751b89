package org.ksmstudio.model.validation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsRow;
import org.ksmstudio.model.CpuList;
import org.ksmstudio.model.KsmConfigFiles;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.Architecture;
import org.ksmstudio.model.scenario.CapturedContent;
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

    /** Largest number of pages in one region: those of a whole scenario. */
    public static final long MAX_REGION_PAGES = ScenarioLimits.MAX_PAGES;

    /** The names of the engine's policies (built in, found by ServiceLoader, contributed); others are a warning, not an error. */
    static List<String> knownPolicies() {
        return SharingPolicies.all().stream().map(SharingPolicy::name).toList();
    }

    /** Files of /sys/kernel/mm/ksm an expectation may name: every one of {@link KsmSysfsFile}. */
    public static final Set<String> SYSFS_COUNTERS = Arrays.stream(KsmSysfsFile.values()).map(KsmSysfsFile::fileName)
            .collect(Collectors.toUnmodifiableSet());

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
            String message = NLS.bind(Messages.Constraint_Problem, new Object[] { ObjectNames.of(object),
                    ObjectNames.of(feature), show(value), allowed });
            diagnostics.add(new BasicDiagnostic(severity, SOURCE, 0, message, new Object[] { object, feature }));
        }
    }

    /** An error when {@code value} is above {@code max}; {@code allowed} says the range and why. */
    private void atMost(EObject object, EStructuralFeature feature, long value, long max, String allowed) {
        if (value > max) {
            error(object, feature, value, allowed);
        }
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            // control characters from the file (a newline, an escape sequence) would forge or colour lines
            return "'" + Text.oneLine(s) + "'";
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
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            c.tunable(config, file);
        }
        if (config.getAdvisorMaxCpu() > 100) {
            c.warning(config, Literals.KSM_CONFIG__ADVISOR_MAX_CPU, config.getAdvisorMaxCpu(),
                    Messages.Constraint_APercentageTheKernelAcceptsIt);
        }
        if (config.getAdvisorMode() == AdvisorMode.SCAN_TIME
                && config.getPagesToScan() != config.getAdvisorMinPagesToScan()) {
            c.warning(config, Literals.KSM_CONFIG__PAGES_TO_SCAN, config.getPagesToScan(),
                    NLS.bind(Messages.Constraint_WithAdvisorModeScanTimeThe, config.getAdvisorMinPagesToScan()));
        }
        if (config.getAdvisorMinPagesToScan() > config.getAdvisorMaxPagesToScan()) {
            c.warning(config, Literals.KSM_CONFIG__ADVISOR_MIN_PAGES_TO_SCAN, config.getAdvisorMinPagesToScan(),
                    NLS.bind(Messages.Constraint_AboveAdvisorMaxPagesToScan, config.getAdvisorMaxPagesToScan()));
        }
        return c.result();
    }

    private void tunable(KsmConfig config, KsmSysfsFile file) {
        String value = KsmConfigFiles.written(config, file);
        KsmSysfsFile.Parsed answer = file.parse(value);
        if (!answer.ok()) {
            error(config, KsmConfigFiles.attribute(file), config.eGet(KsmConfigFiles.attribute(file)),
                    NLS.bind(Messages.Constraint_TheKernelAnswers, answer.reason(), answer.outcome()));
        }
    }

    // ---- topology ------------------------------------------------------------------------------

    /**
     * Page size for the architecture, CPU count, ksmd's earlier CPU time, node ids 0..n-1, SLIT matrix shape and
     * values, CPU sets.
     */
    public static boolean validTopology(Topology topology, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        int pageSize = topology.getPageSize();
        if (topology.getArchitecture() == Architecture.X86_64 && pageSize != 4096) {
            c.error(topology, Literals.TOPOLOGY__PAGE_SIZE, pageSize, Messages.Constraint_X8664Has4096ByteBase);
        } else if (topology.getArchitecture() == Architecture.ARM64 && pageSize != 4096 && pageSize != 16384
                && pageSize != 65536) {
            c.error(topology, Literals.TOPOLOGY__PAGE_SIZE, pageSize, Messages.Constraint_Arm64Has409616384Or65536);
        }
        if (topology.getCpuCount() < 1 || topology.getCpuCount() > ScenarioLimits.MAX_CPUS) {
            c.error(topology, Literals.TOPOLOGY__CPU_COUNT, topology.getCpuCount(),
                    NLS.bind(Messages.Constraint_CpuCountRange, ScenarioLimits.MAX_CPUS));
        }
        if (topology.getKsmdCpuTimeMs() < 0 || topology.getKsmdCpuTimeMs() > ScenarioLimits.MAX_KSMD_CPU_TIME_MS) {
            c.error(topology, Literals.TOPOLOGY__KSMD_CPU_TIME_MS, topology.getKsmdCpuTimeMs(),
                    NLS.bind(Messages.Constraint_KsmdCpuTimeRange, ScenarioLimits.MAX_KSMD_CPU_TIME_MS));
        }
        List<NumaNode> nodes = topology.getNodes();
        if (nodes.isEmpty()) {
            c.error(topology, Literals.TOPOLOGY__NODES, 0, Messages.Constraint_AtLeastOneNUMANodeNode);
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getId() != i) {
                c.error(nodes.get(i), Literals.NUMA_NODE__ID, nodes.get(i).getId(),
                        NLS.bind(Messages.Constraint_NodeIdsMustBe0To, nodes.size() - 1, i));
            }
        }
        boolean anyDistances = nodes.stream().anyMatch(n -> !n.getDistances().isEmpty());
        Map<Integer, Integer> owner = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NumaNode node = nodes.get(i);
            List<Integer> row = node.getDistances();
            if (anyDistances && row.size() != nodes.size()) {
                c.error(node, Literals.NUMA_NODE__DISTANCES, row, NLS.bind(Messages.Constraint_OneSLITDistancePerNodeExpected, nodes.size(), row.size()));
            } else if (anyDistances) {
                for (int j = 0; j < row.size(); j++) {
                    int d = row.get(j);
                    if (i == j && d != 10) {
                        c.error(node, Literals.NUMA_NODE__DISTANCES, row,
                                NLS.bind(Messages.Constraint_DistanceToItselfColumnMustBe, j, d));
                    } else if (i != j && (d <= 10 || d > 255)) {
                        c.error(node, Literals.NUMA_NODE__DISTANCES, row,
                                NLS.bind(Messages.Constraint_DistanceToNodeMustBe11, j, d));
                    }
                }
            }
            try {
                for (int cpu : CpuList.parse(node.getCpus())) {
                    if (cpu >= topology.getCpuCount()) {
                        c.error(node, Literals.NUMA_NODE__CPUS, node.getCpus(),
                                NLS.bind(Messages.Constraint_CPUDoesNotExistCPUsAre, cpu, topology.getCpuCount() - 1));
                        break;
                    }
                    Integer other = owner.putIfAbsent(cpu, node.getId());
                    if (other != null) {
                        c.error(node, Literals.NUMA_NODE__CPUS, node.getCpus(),
                                NLS.bind(Messages.Constraint_CPUAlreadyBelongsToNode, cpu, other));
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
        if (node.getMemoryMiB() <= 0 || node.getMemoryMiB() > ScenarioLimits.MAX_NODE_MEMORY_MIB) {
            c.error(node, Literals.NUMA_NODE__MEMORY_MI_B, node.getMemoryMiB(),
                    NLS.bind(Messages.Constraint_NodeMemoryRange, ScenarioLimits.MAX_NODE_MEMORY_MIB));
        }
        c.cpuList(node, Literals.NUMA_NODE__CPUS, node.getCpus());
        return c.result();
    }

    private List<Integer> cpuList(EObject object, EStructuralFeature feature, String text) {
        try {
            return CpuList.parse(text);
        } catch (IllegalArgumentException e) {
            error(object, feature, text, NLS.bind(Messages.Constraint_ACpulistSuchAs03, e.getMessage()));
            return List.of();
        }
    }

    // ---- workload ------------------------------------------------------------------------------

    /** Unique positive pid, existing home node and CPUs, unique region names, vCPUs of a guest. */
    public static boolean validProcess(Process process, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(process);
        if (process.getPid() <= 0 || process.getPid() > ScenarioLimits.MAX_PROCESSES) {
            c.error(process, Literals.PROCESS__PID, process.getPid(),
                    NLS.bind(Messages.Constraint_PidRange, ScenarioLimits.MAX_PROCESSES));
        } else if (scenario.isPresent() && scenario.get().getWorkload() != null) {
            long same = scenario.get().getWorkload().getProcesses().stream()
                    .filter(p -> p.getPid() == process.getPid()).count();
            Process owner = ScenarioQueries.pids(scenario.get()).get(process.getPid());
            if (same > 1) {
                c.error(process, Literals.PROCESS__PID, process.getPid(), NLS.bind(Messages.Constraint_PidsMustBeUniqueProcessesHave, same));
            } else if (owner != process) {
                c.error(process, Literals.PROCESS__PID, process.getPid(),
                        NLS.bind(Messages.Constraint_AlreadyThePidOfAChild, ObjectNames.of(owner)));
            }
        }
        if (scenario.isPresent() && ScenarioQueries.node(scenario.get(), process.getHomeNode()).isEmpty()) {
            c.error(process, Literals.PROCESS__HOME_NODE, process.getHomeNode(), NLS.bind(Messages.Constraint_NoSuchNodeNodesAre, nodeIds(scenario.get())));
        }
        List<Integer> cpus = c.cpuList(process, Literals.PROCESS__CPUS, process.getCpus());
        if (scenario.isPresent() && scenario.get().getTopology() != null) {
            int cpuCount = scenario.get().getTopology().getCpuCount();
            cpus.stream().filter(cpu -> cpu >= cpuCount).findFirst().ifPresent(cpu -> c.error(process,
                    Literals.PROCESS__CPUS, process.getCpus(), NLS.bind(Messages.Constraint_CPUDoesNotExistCPUsAre, cpu, cpuCount - 1)));
        }
        Set<String> names = new HashSet<>();
        for (MergeableRegion region : process.getRegions()) {
            if (!region.getName().isEmpty() && !names.add(region.getName())) {
                c.error(region, Literals.MERGEABLE_REGION__NAME, region.getName(),
                        Messages.Constraint_RegionNamesMustBeUniqueWithin);
            }
        }
        if (process instanceof KvmGuest guest && (guest.getVcpus() < 1 || guest.getVcpus() > ScenarioLimits.MAX_VCPUS)) {
            c.error(guest, Literals.KVM_GUEST__VCPUS, guest.getVcpus(),
                    NLS.bind(Messages.Constraint_VcpuRange, ScenarioLimits.MAX_VCPUS));
        }
        return c.result();
    }

    /** At least one child, a non-negative first pid that collides with no other process. */
    public static boolean validFork(Fork fork, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.children(fork, Literals.FORK__COUNT, fork.getCount(), Literals.FORK__FIRST_PID, fork.getFirstPid());
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(fork);
        if (c.result() && scenario.isPresent()) {
            int first = ScenarioQueries.firstChildPid(scenario.get(), fork);
            for (Process p : scenario.get().getWorkload().getProcesses()) {
                if (p.getPid() >= first && p.getPid() < first + fork.getCount()) {
                    c.error(fork, Literals.FORK__FIRST_PID, fork.getFirstPid(), NLS.bind(Messages.Constraint_ChildrenGetPidsToWhichInclude, new Object[] { first, first + fork.getCount() - 1, ObjectNames.of(p) }));
                    break;
                }
            }
        }
        return c.result();
    }

    /** Size, node, contents within the size, memory of the node, huge and pinned pages within the contents, volatility rates. */
    public static boolean validRegion(MergeableRegion region, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        long size = region.getSizePages();
        if (size < 0 || size > MAX_REGION_PAGES) {
            c.error(region, Literals.MERGEABLE_REGION__SIZE_PAGES, size, NLS.bind(Messages.Constraint_0ToPages, MAX_REGION_PAGES));
        }
        long content = ScenarioQueries.contentPages(region);
        if (content < 0) {
            c.error(region, Literals.MERGEABLE_REGION__CONTENTS, "overflow",
                    Messages.Constraint_TheContentGroupsAddUpTo);
        } else if (content > size) {
            c.error(region, Literals.MERGEABLE_REGION__CONTENTS, content + " pages",
                    NLS.bind(Messages.Constraint_TheContentGroupsMustFitIn, size));
        }
        Optional<Scenario> scenario = ScenarioQueries.scenarioOf(region);
        if (scenario.isPresent() && region.eContainer() instanceof Process process) {
            int nodeId = region.getNode() < 0 ? process.getHomeNode() : region.getNode();
            if (region.getNode() < -1) {
                c.error(region, Literals.MERGEABLE_REGION__NODE, region.getNode(),
                        Messages.Constraint_1TheProcessSHomeNode);
            }
            Optional<NumaNode> node = ScenarioQueries.node(scenario.get(), nodeId);
            if (node.isEmpty() && region.getNode() >= 0) {
                c.error(region, Literals.MERGEABLE_REGION__NODE, region.getNode(),
                        NLS.bind(Messages.Constraint_NoSuchNodeNodesAre, nodeIds(scenario.get())));
            } else if (node.isPresent() && scenario.get().getTopology() != null) {
                long pageSize = scenario.get().getTopology().getPageSize();
                long nodeBytes = node.get().getMemoryMiB() << 20;
                if (size > 0 && pageSize > 0 && size > nodeBytes / pageSize) {
                    c.error(region, Literals.MERGEABLE_REGION__SIZE_PAGES, size,
                            NLS.bind(Messages.Constraint_LargerThanNodeSMemoryMiB, new Object[] { nodeId, node.get().getMemoryMiB(), nodeBytes / pageSize }));
                }
            }
        }
        long faulted = Math.max(0, Math.min(content, size));
        long maxHuge = faulted / RegionBacking.HUGE_PAGE_PAGES;
        if (region.getHugePages() < 0 || region.getHugePages() > maxHuge) {
            c.error(region, Literals.MERGEABLE_REGION__HUGE_PAGES, region.getHugePages(),
                    NLS.bind(Messages.Constraint_HugePagesWithinContent, maxHuge, faulted));
        }
        if (region.getPinnedPages() < 0 || region.getPinnedPages() > faulted) {
            c.error(region, Literals.MERGEABLE_REGION__PINNED_PAGES, region.getPinnedPages(),
                    NLS.bind(Messages.Constraint_PinnedPagesWithinContent, faulted));
        }
        double rate = region.getWritesPerSecond();
        if (!(rate >= 0 && rate <= ScenarioLimits.MAX_WRITES_PER_SECOND)) {
            c.error(region, Literals.MERGEABLE_REGION__WRITES_PER_SECOND, rate, Messages.Constraint_AFiniteRateOf0Or);
        }
        double fraction = region.getVolatileFraction();
        if (!(fraction >= 0 && fraction <= 1)) {
            c.error(region, Literals.MERGEABLE_REGION__VOLATILE_FRACTION, fraction, Messages.Constraint_AFractionFrom0To1);
        }
        return c.result();
    }

    /** K and R non-negative, K x R without overflow and within a region's page limit. */
    public static boolean validRepeatedContent(RepeatedContent group, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (group.getDistinct() < 0) {
            c.error(group, Literals.REPEATED_CONTENT__DISTINCT, group.getDistinct(), Messages.Constraint_0OrMoreDistinctContents);
        }
        if (group.getCopies() < 0) {
            c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), Messages.Constraint_0OrMoreCopies);
        }
        if (group.getDistinct() >= 0 && group.getCopies() >= 0) {
            try {
                long pages = Math.multiplyExact(group.getDistinct(), group.getCopies());
                if (pages > MAX_REGION_PAGES) {
                    c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), NLS.bind(Messages.Constraint_ContentsXCopiesPagesAboveThe, new Object[] { group.getDistinct(), group.getCopies(), pages, MAX_REGION_PAGES }));
                }
            } catch (ArithmeticException e) {
                c.error(group, Literals.REPEATED_CONTENT__COPIES, group.getCopies(), NLS.bind(Messages.Constraint_ContentsXCopiesOverflowsA64, group.getDistinct(), group.getCopies()));
            }
        }
        return c.result();
    }

    /** A stream name, a page count within a region's limit and a distinct count no larger. */
    public static boolean validCapturedContent(CapturedContent group, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (group.getStream().isBlank()) {
            c.error(group, Literals.CAPTURED_CONTENT__STREAM, group.getStream(), Messages.Constraint_CapturedStream);
        }
        validCount(group, group.getPages(), Literals.CAPTURED_CONTENT__PAGES, diagnostics);
        if (group.getDistinct() < 0 || group.getDistinct() > Math.max(0, group.getPages())) {
            c.error(group, Literals.CAPTURED_CONTENT__DISTINCT, group.getDistinct(),
                    NLS.bind(Messages.Constraint_CapturedDistinct, group.getPages()));
        }
        return c.result();
    }

    /** A non-negative page count within a region's page limit. */
    public static boolean validCount(EObject group, long count, EStructuralFeature feature,
            DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (count < 0 || count > MAX_REGION_PAGES) {
            c.error(group, feature, count, NLS.bind(Messages.Constraint_0ToPages, MAX_REGION_PAGES));
        }
        return c.result();
    }

    // ---- costs ---------------------------------------------------------------------------------

    /** HZ from 1 to 10000, every cost 0 ns or more. */
    public static boolean validCosts(CostModel cost, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (cost.getHz() < 1 || cost.getHz() > 10_000) {
            c.error(cost, Literals.COST_MODEL__HZ, cost.getHz(), Messages.Constraint_ATickRateFrom1To);
        }
        for (EStructuralFeature feature : cost.eClass().getEAllAttributes()) {
            if (feature.getEType().getInstanceClass() == long.class
                    && ((Long) cost.eGet(feature) < 0 || (Long) cost.eGet(feature) > ScenarioLimits.MAX_COST_NS)) {
                c.error(cost, feature, cost.eGet(feature), Messages.Constraint_ACostOf0NsOr);
            }
        }
        return c.result();
    }

    // ---- timeline ------------------------------------------------------------------------------

    /** Non-negative time, period and repeat; a repeated event needs a period. */
    public static boolean validTiming(TimelineEvent event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (event.getTimeMillis() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__TIME_MILLIS, event.getTimeMillis(), Messages.Constraint_0MsOrLater);
        }
        c.atMost(event, Literals.TIMELINE_EVENT__TIME_MILLIS, event.getTimeMillis(), ScenarioLimits.MAX_DURATION_MILLIS,
                durationRange());
        if (event.getPeriodMillis() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__PERIOD_MILLIS, event.getPeriodMillis(), Messages.Constraint_0OnceOrAPeriodIn);
        }
        c.atMost(event, Literals.TIMELINE_EVENT__PERIOD_MILLIS, event.getPeriodMillis(),
                ScenarioLimits.MAX_DURATION_MILLIS, durationRange());
        c.atMost(event, Literals.TIMELINE_EVENT__REPEAT, event.getRepeat(), ScenarioLimits.MAX_FIRINGS,
                NLS.bind(Messages.Constraint_RepeatRange, ScenarioLimits.MAX_FIRINGS));
        if (event.getRepeat() < 0) {
            c.error(event, Literals.TIMELINE_EVENT__REPEAT, event.getRepeat(), Messages.Constraint_0UntilTheRunEndsOr);
        } else if (event.getRepeat() != 1 && event.getPeriodMillis() <= 0) {
            c.error(event, Literals.TIMELINE_EVENT__REPEAT, event.getRepeat(),
                    Messages.Constraint_AnEventThatFiresMoreThan);
        }
        return c.result();
    }

    /**
     * A writable file (of the kernel, or a tunable of a patch one of the scenario's runs compares);
     * an expected result of ok, EINVAL or EBUSY consistent with the value.
     */
    public static boolean validSysfsWrite(SysfsWrite write, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        Optional<SysfsRow> writable = KsmSysfsFile.byName(write.getFile()).filter(KsmSysfsFile::writable)
                .map(SysfsRow.class::cast).or(() -> patchTunable(write));
        if (writable.isEmpty()) {
            c.error(write, Literals.SYSFS_WRITE__FILE, write.getFile(), NLS.bind(Messages.Constraint_AWritableFile,
                    String.join(", ", KsmSysfsFile.tunables().stream().map(KsmSysfsFile::fileName).toList())));
            return c.result();
        }
        SysfsRow file = writable.get();
        String expected = write.getExpectedResult();
        if (!expected.isEmpty() && !List.of("ok", "EINVAL", "EBUSY").contains(expected)) {
            c.error(write, Literals.SYSFS_WRITE__EXPECTED_RESULT, expected, Messages.Constraint_EmptyOkEINVALOrEBUSY);
        }
        KsmSysfsFile.Parsed answer = file.parse(write.getValue());
        if (!answer.ok() && "ok".equals(expected)) {
            c.warning(write, Literals.SYSFS_WRITE__VALUE, write.getValue(), NLS.bind(
                    Messages.Constraint_TheKernelAnswersNotOk, new Object[] { write.getFile(), answer.reason(),
                        answer.outcome() }));
        }
        return c.result();
    }

    /** The tunable named by {@code write} of a patch that a run of its scenario compares, or null. */
    private static Optional<SysfsRow> patchTunable(SysfsWrite write) {
        if (!(EcoreUtil.getRootContainer(write) instanceof Scenario scenario)) {
            return Optional.empty();
        }
        for (RunSettings run : scenario.getRuns()) {
            for (String spec : run.getPolicies()) {
                SharingPolicy policy;
                try {
                    policy = SharingPolicies.byName(spec);
                } catch (IllegalArgumentException e) {
                    continue; // an unknown policy is a warning of its own
                }
                if (policy instanceof KsmPatch patch) {
                    for (PatchSysfsFile f : patch.sysfsFiles()) {
                        if (f.writable() && f.fileName().equals(write.getFile())) {
                            return Optional.of(f);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** An existing process and nodes. */
    public static boolean validMigratePages(MigratePages event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.pid(event, Literals.MIGRATE_PAGES__PID, event.getPid());
        c.node(event, Literals.MIGRATE_PAGES__FROM_NODE, event.getFromNode());
        c.node(event, Literals.MIGRATE_PAGES__TO_NODE, event.getToNode());
        if (event.getFromNode() == event.getToNode()) {
            c.warning(event, Literals.MIGRATE_PAGES__TO_NODE, event.getToNode(),
                    Messages.Constraint_TheSameNodeAsFromNode);
        }
        return c.result();
    }

    /** An existing process (or every process), region and page range; a step of 1 or more. */
    public static boolean validPageRange(PageRangeEvent event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        if (event.getStep() < 1) {
            c.error(event, Literals.PAGE_RANGE_EVENT__STEP, event.getStep(), Messages.Constraint_AStepOf1PageOr);
        }
        if (event.getFromPage() < 0 || event.getToPage() < event.getFromPage()) {
            c.error(event, Literals.PAGE_RANGE_EVENT__TO_PAGE, event.getToPage(),
                    NLS.bind(Messages.Constraint_ARangeWith0FromPage, event.getFromPage()));
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
                        Messages.Constraint_NoProcessHasARegionOf);
            }
        } else {
            Map<Integer, Process> byPid = ScenarioQueries.pids(scenario.get());
            if (!byPid.containsKey(event.getPid())) {
                c.error(event, Literals.PAGE_RANGE_EVENT__PID, event.getPid(), NLS.bind(Messages.Constraint_NoSuchProcessPidsAre, pidList(scenario.get())));
                return c.result();
            }
            processes = List.of(byPid.get(event.getPid()));
        }
        for (Process process : processes) {
            Optional<MergeableRegion> region = ScenarioQueries.region(process, event.getRegion());
            if (region.isEmpty()) {
                c.error(event, Literals.PAGE_RANGE_EVENT__REGION, event.getRegion(),
                        NLS.bind(Messages.Constraint_HasNoSuchRegion, ObjectNames.of(process)));
            } else if (event.getToPage() > region.get().getSizePages()) {
                c.error(event, Literals.PAGE_RANGE_EVENT__TO_PAGE, event.getToPage(), NLS.bind(Messages.Constraint_OutsideWhichHasPages, ObjectNames.of(region.get()), region.get().getSizePages()));
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
            if (pressure.getPages() < 0 || pressure.getPages() > ScenarioLimits.MAX_PAGES) {
                c.error(event, Literals.MEMORY_PRESSURE__PAGES, pressure.getPages(),
                        NLS.bind(Messages.Constraint_0ToPages, ScenarioLimits.MAX_PAGES));
            }
            c.atMost(event, Literals.MEMORY_PRESSURE__DURATION_MILLIS, pressure.getDurationMillis(),
                    ScenarioLimits.MAX_DURATION_MILLIS, durationRange());
            if (pressure.getDurationMillis() < 0) {
                c.error(event, Literals.MEMORY_PRESSURE__DURATION_MILLIS, pressure.getDurationMillis(),
                        Messages.Constraint_0OneReclaimPassOrA);
            }
        }
        return c.result();
    }

    /** An existing parent, at least one child. */
    public static boolean validForkProcess(ForkProcess event, DiagnosticChain diagnostics) {
        ScenarioConstraints c = new ScenarioConstraints(diagnostics);
        c.pid(event, Literals.FORK_PROCESS__PID, event.getPid());
        c.children(event, Literals.FORK_PROCESS__COUNT, event.getCount(), Literals.FORK_PROCESS__FIRST_PID,
                event.getFirstPid());
        return c.result();
    }

    /** 1 to {@link ScenarioLimits#MAX_PROCESSES} children from pid 0 (the next free ones) or a pid that leaves room for them. */
    private void children(EObject object, EStructuralFeature countFeature, int count, EStructuralFeature firstFeature,
            int firstPid) {
        if (count < 1 || count > ScenarioLimits.MAX_PROCESSES) {
            error(object, countFeature, count, NLS.bind(Messages.Constraint_ChildrenRange, ScenarioLimits.MAX_PROCESSES));
        }
        if (firstPid < 0 || (long) firstPid + Math.max(count, 1) - 1 > ScenarioLimits.MAX_PROCESSES) {
            error(object, firstFeature, firstPid, NLS.bind(Messages.Constraint_FirstPidRange, ScenarioLimits.MAX_PROCESSES));
        }
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
                    Messages.Constraint_AFileOfSysKernelMm);
        } else if (expectation.getPid() != 0) {
            if (!KSM_STAT_COUNTERS.contains(expectation.getCounter())) {
                c.error(expectation, Literals.EXPECTATION__COUNTER, expectation.getCounter(),
                        NLS.bind(Messages.Constraint_AKsmStatField,
                                String.join(", ", KSM_STAT_COUNTERS.stream().sorted().toList())));
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
                    run.getMode() == RunMode.FOR_DURATION ? Messages.Constraint_ADurationAbove0Ms
                            : Messages.Constraint_NoBoundOrABoundAbove0Ms);
        }
        c.atMost(run, Literals.RUN_SETTINGS__DURATION_MILLIS, run.getDurationMillis(),
                ScenarioLimits.MAX_DURATION_MILLIS, durationRange());
        if (run.getSamplingIntervalMillis() <= 0) {
            c.error(run, Literals.RUN_SETTINGS__SAMPLING_INTERVAL_MILLIS, run.getSamplingIntervalMillis(),
                    Messages.Constraint_AnIntervalAbove0Ms);
        }
        c.atMost(run, Literals.RUN_SETTINGS__SAMPLING_INTERVAL_MILLIS, run.getSamplingIntervalMillis(),
                ScenarioLimits.MAX_DURATION_MILLIS, durationRange());
        for (String policy : run.getPolicies()) {
            // parameters follow the name: resched:every=8
            List<String> known = knownPolicies();
            if (!known.contains(policy.split(":", 2)[0].strip())) {
                c.warning(run, Literals.RUN_SETTINGS__POLICIES, policy,
                        NLS.bind(Messages.Constraint_NotAShippedPolicy, String.join(", ", known)));
            }
        }
        return c.result();
    }

    private static String durationRange() {
        return NLS.bind(Messages.Constraint_DurationRange, ScenarioLimits.MAX_DURATION_MILLIS);
    }

    /** The pids of {@code scenario} for a message: the first ten, and how many there are. */
    private static String pidList(Scenario scenario) {
        Set<Integer> pids = ScenarioQueries.pids(scenario).keySet();
        return pids.size() <= 10 ? pids.toString()
                : pids.stream().limit(10).map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "[", ", ...]"))
                        + " (" + pids.size() + ")";
    }

    private void pid(EObject object, EStructuralFeature feature, int pid) {
        ScenarioQueries.scenarioOf(object).ifPresent(scenario -> {
            if (!ScenarioQueries.pids(scenario).containsKey(pid)) {
                error(object, feature, pid, NLS.bind(Messages.Constraint_NoSuchProcessPidsAre, pidList(scenario)));
            }
        });
    }

    private void node(EObject object, EStructuralFeature feature, int node) {
        ScenarioQueries.scenarioOf(object).ifPresent(scenario -> {
            if (ScenarioQueries.node(scenario, node).isEmpty()) {
                error(object, feature, node, NLS.bind(Messages.Constraint_NoSuchNodeNodesAre, nodeIds(scenario)));
            }
        });
    }

    private static List<Integer> nodeIds(Scenario scenario) {
        return scenario.getTopology() == null ? List.of()
                : scenario.getTopology().getNodes().stream().map(NumaNode::getId).toList();
    }
}
