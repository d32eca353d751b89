package org.ksmstudio.core.convert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.policy.PolicyRegistry;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.scenario.Workload;
import org.ksmstudio.model.CpuList;
import org.ksmstudio.model.ScenarioQueries;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.ContentScope;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.ForkTime;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.MemoryFailure;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.MergeAdvice;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.MovePages;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.ProcessExit;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.WriteContent;
import org.ksmstudio.model.scenario.WritePages;
import org.ksmstudio.model.scenario.ZeroPages;
import org.ksmstudio.model.validation.ObjectNames;
import org.ksmstudio.model.validation.ScenarioDiagnostician;

/**
 * Converts a scenario model into the engine's plain-Java scenario and its {@link RunPlan}: nothing
 * more, the engine's stepper runs the plan.
 * <p>
 * Timeline events whose time is known before the run (triggers {@code at} and
 * {@code after-previous} up to the first {@code after-convergence}) go into the engine scenario's
 * timeline, a periodic event as one event whose firings the engine generates as the run reaches
 * them. From the first event that waits for convergence on, the events become steps of the plan
 * that the stepper fires when it reaches them. "Every process" and page ranges are resolved by the
 * engine when an event fires.
 */
public final class ScenarioConverter {

    /** The content space of captured contents: their ids are numbered over the whole page-contents file. */
    static final String CAPTURED_SPACE = "captured";

    private ScenarioConverter() {
    }

    /**
     * Validates {@code model} and converts it for the run settings {@code runIndex} and
     * {@code policy} (null: the first policy of those run settings, or stock).
     *
     * @throws ConversionException with the first validation error, what the size guard or the engine refused
     */
    public static RunPlan convert(org.ksmstudio.model.scenario.Scenario model, int runIndex, @Nullable String policy)
            throws ConversionException {
        PolicyRegistry.ensureRegistered();
        Diagnostic diagnostic = ScenarioDiagnostician.INSTANCE.validate(model);
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            List<Diagnostic> errors = diagnostic.getChildren().stream().filter(d -> d.getSeverity() >= Diagnostic.ERROR)
                    .toList();
            String first = errors.isEmpty() ? diagnostic.getMessage() : errors.get(0).getMessage();
            int more = errors.size() - 1;
            throw new ConversionException(NLS.bind(Messages.Convert_Invalid, more < 1 ? first
                    : NLS.bind(more == 1 ? Messages.Convert_OneMoreProblem : Messages.Convert_MoreProblems, first, more)));
        }
        org.ksmstudio.model.scenario.RunSettings run = runIndex < model.getRuns().size() ? model.getRuns().get(runIndex)
                : null;
        if (run == null && runIndex != 0) {
            throw new ConversionException(NLS.bind(Messages.Convert_NoRunSettings, runIndex));
        }
        ScenarioSizeGuard.check(model, run);
        String chosen = policy != null ? policy
                : run == null || run.getPolicies().isEmpty() ? "stock" : run.getPolicies().get(0);
        try {
            return new Converter(model, run, chosen).plan();
        } catch (ScenarioException | ArithmeticException e) {
            throw new ConversionException(NLS.bind(Messages.Convert_EngineRefuses, e.getMessage()), e);
        }
    }

    /** The policies of run settings {@code runIndex}: its list, or stock when empty or absent. */
    public static List<String> policies(org.ksmstudio.model.scenario.Scenario model, int runIndex) {
        if (runIndex < model.getRuns().size() && !model.getRuns().get(runIndex).getPolicies().isEmpty()) {
            return List.copyOf(model.getRuns().get(runIndex).getPolicies());
        }
        return List.of("stock");
    }

    /** Converts the tunables. */
    public static KsmTunables tunables(KsmConfig k) {
        return new KsmTunables(k.getRun(), k.getPagesToScan(), k.getSleepMillisecs(), k.getMergeAcrossNodes(),
                k.getMaxPageSharing(), k.getStableNodeChainsPruneMillisecs(), k.isUseZeroPages(), k.isSmartScan(),
                k.getAdvisorMode() == AdvisorMode.SCAN_TIME ? org.ksmstudio.engine.scenario.AdvisorMode.SCAN_TIME
                        : org.ksmstudio.engine.scenario.AdvisorMode.NONE,
                k.getAdvisorMaxCpu(), k.getAdvisorMinPagesToScan(), k.getAdvisorMaxPagesToScan(),
                k.getAdvisorTargetScanTime());
    }

    /** Converts the cost model. */
    public static CostModel costModel(org.ksmstudio.model.scenario.CostModel c) {
        return new CostModel(c.getHz(), c.getWakeupLatencyNs(), c.getWakeupCpuNs(), c.getSkipPageNs(), c.getKsmPageVisitNs(),
                c.getChecksumNs(), c.getTreeSearchNs(), c.getMergeNs(), c.getWalkItemNs(), c.getWalkPteNs(),
                c.getTlbIpiNs(), c.getMmuNotifierNs(), c.getCopyPageNsPerDistance());
    }

    /** One conversion. */
    private static final class Converter {
        private final org.ksmstudio.model.scenario.Scenario model;
        private final org.ksmstudio.model.scenario.@Nullable RunSettings run;
        private final String policy;
        private final List<TimelineEvent> timeline = new ArrayList<>();
        private final List<RunPlan.Step> steps = new ArrayList<>();
        private final Map<Integer, Process> pids;
        private final CapturedPages capturedPages;

        Converter(org.ksmstudio.model.scenario.Scenario model, org.ksmstudio.model.scenario.@Nullable RunSettings run,
                String policy) {
            this.model = model;
            this.run = run;
            this.policy = policy;
            this.pids = ScenarioQueries.pids(model);
            this.capturedPages = new CapturedPages(model);
        }

        RunPlan plan() throws ConversionException {
            Topology topology = topology();
            Workload workload = new Workload(processes());
            timeline();
            org.ksmstudio.model.scenario.RunSettings r = run;
            RunSettings settings = r == null ? new RunSettings(Duration.ZERO, true, 1, policy, Duration.ofSeconds(1))
                    : new RunSettings(Duration.ofMillis(r.getDurationMillis()), r.getMode() == RunMode.UNTIL_CONVERGED,
                            r.getSeed(), policy, Duration.ofMillis(r.getSamplingIntervalMillis()));
            Scenario scenario = new Scenario(model.getName(), topology, workload, tunables(model.getKsm()),
                    costModel(model.getCostModel()), timeline, settings);
            steps.add(new RunPlan.RunOut());
            return new RunPlan(scenario, steps);
        }

        private Topology topology() {
            var t = model.getTopology();
            List<NumaNode> nodes = new ArrayList<>();
            List<List<Integer>> distance = new ArrayList<>();
            boolean anyDistances = t.getNodes().stream().anyMatch(n -> !n.getDistances().isEmpty());
            for (var node : t.getNodes()) {
                nodes.add(new NumaNode(node.getId(), Math.multiplyExact(node.getMemoryMiB(), 1L << 20),
                        CpuList.parse(node.getCpus())));
                if (anyDistances) {
                    distance.add(List.copyOf(node.getDistances()));
                }
            }
            return new Topology(t.getArchitecture().getLiteral(), t.getPageSize(), t.getCpuCount(), nodes, distance,
                    Math.multiplyExact(t.getKsmdCpuTimeMs(), 1_000_000L));
        }

        private List<ProcessSpec> processes() throws ConversionException {
            List<ProcessSpec> specs = new ArrayList<>();
            for (Process p : model.getWorkload().getProcesses()) {
                List<Integer> cpus = cpus(p);
                boolean kvm = p instanceof KvmGuest;
                List<MergeableRegion> regions = new ArrayList<>();
                for (int i = 0; i < p.getRegions().size(); i++) {
                    regions.add(region(p, i));
                }
                specs.add(new ProcessSpec(p.getPid(), p.getName(), p.getHomeNode(), cpus, p.isActive(), kvm, 0,
                        ForkPoint.AFTER_FILL, regions));
                for (Fork fork : p.getForks()) {
                    int first = ScenarioQueries.firstChildPid(model, fork);
                    ForkPoint point = fork.getWhen() == ForkTime.BEFORE_FILL ? ForkPoint.BEFORE_FILL : ForkPoint.AFTER_FILL;
                    for (int i = 0; i < fork.getCount(); i++) {
                        specs.add(new ProcessSpec(first + i, p.getName() + "-child" + (i + 1), p.getHomeNode(), cpus,
                                fork.isActive(), kvm, p.getPid(), point, List.of()));
                    }
                }
            }
            return specs;
        }

        private List<Integer> cpus(Process p) {
            if (!p.getCpus().isBlank()) {
                return CpuList.parse(p.getCpus());
            }
            return ScenarioQueries.node(model, p.getHomeNode()).map(n -> CpuList.parse(n.getCpus())).orElse(List.of());
        }

        private MergeableRegion region(Process p, int index) throws ConversionException {
            var r = p.getRegions().get(index);
            if (r.getNode() >= 0 && r.getNode() != p.getHomeNode()) {
                throw new ConversionException(NLS.bind(Messages.Convert_RegionNode, new Object[] { ObjectNames.of(r),
                        r.getNode(), p.getHomeNode() }));
            }
            ContentSharing sharing = r.getContentScope() == ContentScope.SALTED ? ContentSharing.SALTED
                    : ContentSharing.SHARED_ACROSS_PROCESSES;
            List<ContentGroup> groups = new ArrayList<>();
            for (var group : r.getContents()) {
                if (group instanceof RepeatedContent c) {
                    groups.add(new ContentGroup(ContentGroup.Kind.DUPLICATES, Math.toIntExact(c.getDistinct()),
                            Math.toIntExact(c.getCopies()),
                            c.getLayout() == org.ksmstudio.model.scenario.Layout.INTERLEAVED ? Layout.INTERLEAVE
                                    : Layout.BLOCK,
                            0, sharing, c.getTag()));
                } else if (group instanceof UniquePages u) {
                    groups.add(new ContentGroup(ContentGroup.Kind.UNIQUE, 0, 0, Layout.BLOCK, u.getCount(), sharing,
                            ContentGroup.DEFAULT_SPACE));
                } else if (group instanceof ZeroPages z) {
                    groups.add(new ContentGroup(ContentGroup.Kind.ZERO, 0, 0, Layout.BLOCK, z.getCount(), sharing,
                            ContentGroup.DEFAULT_SPACE));
                } else if (group instanceof CapturedContent c) {
                    groups.add(new ContentGroup(ContentGroup.Kind.EXPLICIT, 0, 0, Layout.BLOCK, 0, sharing,
                            CAPTURED_SPACE, capturedPages.ids(c)));
                }
            }
            MergeMode mode = p.isMemoryMerge() ? MergeMode.PR_SET_MEMORY_MERGE
                    : r.getAdvice() == MergeAdvice.MADV_MERGEABLE ? MergeMode.MADV_MERGEABLE : MergeMode.NONE;
            Volatility volatility = r.getWritesPerSecond() > 0 && r.getVolatileFraction() > 0
                    ? new Volatility(r.getWritesPerSecond(),
                            r.getVolatileContent() == WriteContent.SAME ? NewContent.SAME : NewContent.UNIQUE,
                            r.getVolatileFraction())
                    : Volatility.NONE;
            return new MergeableRegion(regionName(p, index), mode, groups, volatility,
                    new RegionBacking(r.getHugePages(), r.getPinnedPages()));
        }

        private static String regionName(Process p, int index) {
            String name = p.getRegions().get(index).getName();
            return name.isEmpty() ? "region" + index : name;
        }

        private String regionName(int pid, boolean every, String name) {
            if (!name.isEmpty()) {
                return name;
            }
            Optional<Process> owner = every ? ScenarioQueries.processesWithRegion(model, "").stream().findFirst()
                    : Optional.ofNullable(pids.get(pid));
            return owner.filter(p -> !p.getRegions().isEmpty()).map(p -> regionName(p, 0)).orElse("region0");
        }

        /**
         * The model's timeline as the engine's: events whose time is known before the run go into the
         * scenario's timeline (a periodic one as one {@link TimelineEvent.Periodic}, generated firing by
         * firing while the run goes); from the first event that waits for convergence on, events become
         * steps of the plan, fired when the stepper reaches them.
         */
        private void timeline() throws ConversionException {
            Duration previous = Duration.ZERO;
            Duration staticCheckpoint = Duration.ZERO;
            boolean live = false;
            for (var event : model.getTimeline().getEvents()) {
                if (event.getTrigger() == Trigger.AFTER_CONVERGENCE) {
                    live = true;
                    steps.add(new RunPlan.Converge());
                    if (event.getTimeMillis() > 0) {
                        steps.add(new RunPlan.Advance(Duration.ofMillis(event.getTimeMillis())));
                    }
                } else if (live) {
                    if (event.getTrigger() == Trigger.AT_TIME) {
                        throw new ConversionException(
                                NLS.bind(Messages.Convert_AtAfterConvergence, ObjectNames.of(event)));
                    }
                    if (event.getTimeMillis() > 0) {
                        steps.add(new RunPlan.Advance(Duration.ofMillis(event.getTimeMillis())));
                    }
                } else {
                    previous = event.getTrigger() == Trigger.AT_TIME ? Duration.ofMillis(event.getTimeMillis())
                            : previous.plusMillis(event.getTimeMillis());
                }
                if (event instanceof Checkpoint c) {
                    if (!live) {
                        // checkpoints of the timed part: wait from the previous one to this one's time
                        Duration wait = previous.minus(staticCheckpoint);
                        steps.add(new RunPlan.Advance(wait.isNegative() ? Duration.ZERO : wait));
                        staticCheckpoint = wait.isNegative() ? staticCheckpoint : previous;
                    }
                    steps.add(checkpoint(c));
                } else if (live) {
                    for (TimelineEvent e : fired(event, Duration.ZERO)) {
                        steps.add(new RunPlan.Fire(e));
                    }
                } else {
                    timeline.addAll(fired(event, previous));
                }
            }
        }

        /** The engine events of a model event at {@code at}: a periodic one as one {@link TimelineEvent.Periodic}. */
        private List<TimelineEvent> fired(org.ksmstudio.model.scenario.TimelineEvent event, Duration at)
                throws ConversionException {
            if (event.getPeriodMillis() <= 0) {
                return events(event, at, 0);
            }
            boolean alternates = event instanceof MigratePages m && m.isBounce();
            List<List<TimelineEvent>> cycle = alternates ? List.of(events(event, at, 0), events(event, at, 1))
                    : List.of(events(event, at, 0));
            return List.of(new TimelineEvent.Periodic(at, Duration.ofMillis(event.getPeriodMillis()), event.getRepeat(),
                    cycle));
        }

        private static RunPlan.Checkpoint checkpoint(Checkpoint c) {
            List<RunPlan.Expected> expected = new ArrayList<>();
            for (Expectation e : c.getExpectations()) {
                expected.add(new RunPlan.Expected(e.getCounter(), e.getPid(), e.getValue()));
            }
            return new RunPlan.Checkpoint(c.getName(), expected);
        }

        /** The engine events of one firing ({@code n}-th) of a model event at {@code at}. */
        private List<TimelineEvent> events(org.ksmstudio.model.scenario.TimelineEvent event, Duration at, int n)
                throws ConversionException {
            if (event instanceof SysfsWrite w) {
                return List.of(new TimelineEvent.SysfsWrite(at, w.getFile(), w.getValue()));
            }
            if (event instanceof MigratePages m) {
                boolean swap = m.isBounce() && n % 2 == 1;
                return List.of(new TimelineEvent.MigratePages(at, m.getPid(), swap ? m.getToNode() : m.getFromNode(),
                        swap ? m.getFromNode() : m.getToNode()));
            }
            if (event instanceof WritePages w) {
                return List.of(new TimelineEvent.WritePages(at, w.isEveryProcess() ? 0 : w.getPid(),
                        regionName(w.getPid(), w.isEveryProcess(), w.getRegion()), w.getFromPage(), w.getToPage(),
                        w.getStep(), w.getContent() == WriteContent.SAME ? NewContent.SAME : NewContent.UNIQUE));
            }
            if (event instanceof MovePages m) {
                if (m.getStep() != 1 || m.isEveryProcess()) {
                    throw new ConversionException(
                            NLS.bind(Messages.Convert_MovePagesRange, ObjectNames.of(m), m.getStep()));
                }
                return List.of(new TimelineEvent.MovePages(at, m.getPid(), regionName(m.getPid(), false, m.getRegion()),
                        m.getFromPage(), m.getToPage(), m.getToNode()));
            }
            if (event instanceof MemoryFailure f) {
                List<TimelineEvent> failures = new ArrayList<>();
                for (long page = f.getFromPage(); page < Math.max(f.getToPage(), f.getFromPage() + 1); page += f.getStep()) {
                    failures.add(new TimelineEvent.MemoryFailure(at, f.isEveryProcess() ? 0 : f.getPid(),
                            regionName(f.getPid(), f.isEveryProcess(), f.getRegion()), page));
                }
                return failures;
            }
            if (event instanceof Compaction c) {
                return List.of(new TimelineEvent.Compaction(at, c.getNode()));
            }
            if (event instanceof MemoryPressure p) {
                return List.of(new TimelineEvent.MemoryPressure(at, p.getNode(), p.getPages(),
                        Duration.ofMillis(p.getDurationMillis())));
            }
            if (event instanceof ForkProcess f) {
                List<TimelineEvent> forks = new ArrayList<>();
                int first = f.getFirstPid() > 0 ? f.getFirstPid() : nextFreePid() ;
                Process parent = pids.get(f.getPid());
                for (int i = 0; i < f.getCount(); i++) {
                    forks.add(new TimelineEvent.Fork(at, f.getPid(), first + i,
                            (parent == null ? "child" : parent.getName()) + "-fork" + (i + 1)));
                }
                return forks;
            }
            if (event instanceof ProcessExit x) {
                return List.of(new TimelineEvent.Exit(at, x.getPid()));
            }
            throw new ConversionException(NLS.bind(Messages.Convert_Unsupported, ObjectNames.of(event)));
        }

        private int nextFreePid() {
            int highest = pids.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (TimelineEvent e : timeline) {
                if (e instanceof TimelineEvent.Fork f) {
                    highest = Math.max(highest, f.childPid());
                }
            }
            return highest + 1;
        }
    }
}
