package org.ksmstudio.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.internal.ConvergenceWatch;
import org.ksmstudio.engine.internal.KsmEngine;
import org.ksmstudio.engine.internal.RmapOperations;
import org.ksmstudio.engine.internal.ScenarioLoader;
import org.ksmstudio.engine.internal.TimedEvents;
import org.ksmstudio.engine.internal.VolatileWrites;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.rmap.WalkCost;
import org.ksmstudio.engine.rmap.WalkKind;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * A running KSM simulation of one scenario: the engine, the clock and the schedule of timed events.
 * The run methods block the calling thread (use a background job) and are driven by the one stepper,
 * {@link SimulationRun}, which walks a {@link org.ksmstudio.engine.scenario.RunPlan}; cancel,
 * snapshots, queries and live edits may come from any thread and take effect between two ksmd
 * wake-ups. Every event, from the scenario's timeline or fired by a plan step, is applied by
 * {@link #fire(TimelineEvent)}'s code at the moment it fires. Deterministic: the same scenario and
 * seed give the same trace.
 */
public final class KsmSimulation {

    /**
     * The last change of the converging counters: when, after how many full scans and page scans, and
     * ksmd's CPU time then (the batch that made the change included).
     */
    public record LastChange(long timeNanos, long fullScans, long pagesScanned, long ksmdCpuNanos) {
    }

    private static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    private final Object lock = new Object();
    private final Scenario scenario;
    private final KsmEngine engine;
    /** reverse-map walks and the refile pass (rmap extension) */
    private final RmapOperations rmap;
    private final CounterSeries series;
    private final long sampleInterval;
    private final VolatileWrites volatileWrites;
    /** the timeline, periodic firings, waiting operations and scheduled live changes */
    private final TimedEvents events;
    private long nextSample;
    private final ConvergenceWatch convergence;
    private volatile boolean cancelled;

    private KsmSimulation(Scenario scenario) {
        this.scenario = scenario;
        this.engine = ScenarioLoader.load(scenario);
        this.rmap = new RmapOperations(engine, scenario.topology(), WalkCostModel.of(scenario.costModel()));
        this.sampleInterval = scenario.run().sampleInterval().toNanos();
        this.series = new CounterSeries(CounterSeries.DEFAULT_CAPACITY, engine.patchFiles());
        this.volatileWrites = new VolatileWrites(scenario, engine);
        this.convergence = new ConvergenceWatch(engine);
        this.events = new TimedEvents(engine, rmap, scenario.topology().cpuCount());
        for (TimelineEvent e : scenario.timeline()) {
            events.add(e);
        }
    }

    /**
     * Creates a simulation; the workload is faulted in and the tunables written at time 0.
     *
     * @throws org.ksmstudio.engine.scenario.ScenarioException on inconsistent input
     */
    public static KsmSimulation create(Scenario scenario) {
        return new KsmSimulation(scenario);
    }

    /** The run's patch's own sysfs files (counters and tunables), shown after the kernel's; none for most policies. */
    public List<PatchSysfsFile> patchFiles() {
        return engine.patchFiles();
    }

    /** The scenario this simulation runs. */
    public Scenario scenario() {
        return scenario;
    }

    // ---- running ----

    /** Runs as the scenario's run settings say: {@link SimulationRun} of {@link RunPlan#of(Scenario)}. */
    public void run() {
        SimulationRun.on(RunPlan.of(scenario), this).runToEnd();
    }

    /** Runs for a simulated duration. */
    public void runFor(Duration d) {
        long target;
        synchronized (lock) {
            target = TimedEvents.later(engine.now(), d);
        }
        advance(target, false, -1);
    }

    /**
     * Runs until no counter changed for two full scans (or ksmd has nothing left to do), at most
     * {@code limit} of simulated time.
     *
     * @return whether it converged
     */
    public boolean runUntilConverged(Duration limit) {
        long target;
        synchronized (lock) {
            target = TimedEvents.later(engine.now(), limit);
        }
        return advance(target, true, -1);
    }

    /**
     * Runs until full_scans reaches {@code fullScans}, at most {@code limit} of simulated time.
     *
     * @return whether full_scans reached it
     */
    public boolean runToFullScans(long fullScans, Duration limit) {
        long target;
        synchronized (lock) {
            target = TimedEvents.later(engine.now(), limit);
        }
        advance(target, false, fullScans);
        synchronized (lock) {
            return engine.fullScans() >= fullScans;
        }
    }

    /** Runs exactly one ksmd wake-up (and the events due before it). */
    public void stepWakeup() {
        synchronized (lock) {
            long w = engine.nextWakeup();
            if (w == Long.MAX_VALUE) {
                return;
            }
            while (nextEvent() <= w) {
                advanceLocked(nextEvent());
                fireDue();
            }
            advanceLocked(w);
            wakeupLocked();
        }
    }

    /** Runs until ksmd completes one more full scan (at most one simulated day). */
    public void stepFullScan() {
        long scans;
        synchronized (lock) {
            scans = engine.fullScans();
        }
        runToFullScans(scans + 1, Duration.ofNanos(DAY_NANOS));
    }

    /**
     * Holds a patch from outside the engine to the engine's invariants once its plan ended.
     *
     * @throws org.ksmstudio.engine.patch.PatchException naming the patch and what it broke
     */
    void checkPatchAfterRun() {
        synchronized (lock) {
            engine.checkPatchAfterRun();
        }
    }

    /** Stops a running simulation after the current wake-up; it cannot run again. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Advances to {@code target}; with {@code converge} stops once converged, with {@code scans >= 0}
     * once full_scans reaches it. Returns whether it converged.
     */
    private boolean advance(long target, boolean converge, long scans) {
        synchronized (lock) {
            if (converge && convergence.converged()) {
                return true;
            }
        }
        while (true) {
            synchronized (lock) {
                if (cancelled) {
                    return false;
                }
                long w = engine.nextWakeup();
                long ev = nextEvent();
                if (converge && w == Long.MAX_VALUE && ev == Long.MAX_VALUE) {
                    return true;
                }
                // events up to and including the target; a wake-up due at the target belongs to the next run
                if (ev > target && w >= target) {
                    advanceLocked(target);
                    return false;
                }
                if (ev <= w) {
                    advanceLocked(ev);
                    fireDue();
                    continue;
                }
                advanceLocked(w);
                wakeupLocked();
                if (converge && convergence.converged()) {
                    return true;
                }
                if (scans >= 0 && engine.fullScans() >= scans) {
                    return false;
                }
            }
        }
    }

    /** Moves the clock to t, emitting samples and background writes on the way. */
    private void advanceLocked(long t) {
        while (nextSample <= t) {
            engine.advanceClockTo(nextSample);
            volatileWrites.upToNow();
            series.add(nextSample, engine.counters(), engine.ksmdBusyNanos());
            nextSample += sampleInterval;
        }
        engine.advanceClockTo(t);
        volatileWrites.upToNow();
    }

    private void wakeupLocked() {
        engine.runWakeup();
        rmap.afterWakeup();
        convergence.afterWakeup();
    }

    private void noteChange() {
        convergence.noteChange();
    }

    /** When the next timed event is due, Long.MAX_VALUE when none is. */
    private long nextEvent() {
        return events.next();
    }

    /** Fires the timed event due first (the clock is at its time). */
    private void fireDue() {
        events.fireNext();
        noteChange();
    }

    /**
     * Fires {@code event} now, as the timeline fires a timed event (its {@code at} is ignored): a
     * periodic event fires its first firing now and the next ones every period from now.
     *
     * @return the kernel's answer to a sysfs write, null for any other event
     */
    public @Nullable SysfsResult fire(TimelineEvent event) {
        synchronized (lock) {
            @Nullable SysfsResult result = events.apply(event).sysfs();
            noteChange();
            return result;
        }
    }

    /**
     * Schedules a live change (a tunable write, or an operation the user issues) at simulated time
     * {@code atNanos} (now if that has passed): it fires when the run reaches that instant, and an
     * operation then runs at once, as a live edit does.
     *
     * @return completed when it fired, with what it did
     */
    public CompletableFuture<EventOutcome> schedule(TimelineEvent event, long atNanos) {
        synchronized (lock) {
            return events.addLive(event, atNanos);
        }
    }

    /** When the next scheduled event fires, Long.MAX_VALUE when none is pending. */
    public long nextEventNanos() {
        synchronized (lock) {
            return nextEvent();
        }
    }

    /**
     * A live edit (a test's or the UI's hand-issued operation): the same road as a timed event fired
     * now, page ranges clamped and "every process" (pid 0) resolved now.
     */
    private EventOutcome edit(TimelineEvent event) {
        synchronized (lock) {
            EventOutcome outcome = events.applyLive(event);
            noteChange();
            return outcome;
        }
    }

    private OperationResult operation(TimelineEvent event) {
        return Objects.requireNonNull(edit(event).operation(), "a reverse-map event has a result");
    }

    // ---- reverse-map walks (rmap extension): any thread, applied between ksmd wake-ups ----

    /** migrate_pages(pid, from, to): every page of the process on {@code fromNode} (any node if < 0) moves. */
    public OperationResult migratePages(int pid, int fromNode, int toNode) {
        return operation(new TimelineEvent.MigratePages(Duration.ZERO, pid, fromNode, toNode));
    }

    /** move_pages() of region pages [fromPage, toPage) of a process to {@code toNode}, clamped to the region. */
    public OperationResult movePages(int pid, String region, long fromPage, long toPage, int toNode) {
        return operation(new TimelineEvent.MovePages(Duration.ZERO, pid, region, fromPage, toPage, toNode));
    }

    /** Compaction of a node: its in-use pages are migrated within the node. */
    public OperationResult compactNode(int node) {
        return operation(new TimelineEvent.Compaction(Duration.ZERO, node));
    }

    /** Memory pressure: reclaim looks at up to {@code pages} pages of the node; pressure lasts {@code duration}. */
    public OperationResult reclaim(int node, long pages, Duration duration) {
        return operation(new TimelineEvent.MemoryPressure(Duration.ZERO, node, pages, duration));
    }

    /** Memory failure (hwpoison) of the page mapped at a region page of a process (none beyond the region's pages). */
    public OperationResult memoryFailure(int pid, String region, long page) {
        return operation(new TimelineEvent.MemoryFailure(Duration.ZERO, pid, region, page));
    }

    /** Walk latencies per NUMA node and operation so far, KSM pages and what the dups cost. */
    public RmapReport rmapReport() {
        synchronized (lock) {
            return rmap.report();
        }
    }

    /** The latest rmap operations (timeline and live), oldest first, at most 10,000: latency over simulated time. */
    public List<OperationResult> rmapOperations() {
        synchronized (lock) {
            return rmap.recentOperations();
        }
    }

    /**
     * The exact cost of migrating KSM page {@code dupId} (a {@link DupView#dupId()}) to {@code toNode} (its own
     * node: compaction), walked from the first CPU of the page's node: the code of the migrations themselves,
     * run without moving the page or recording anything. Throws IllegalArgumentException when the dup is gone.
     */
    public WalkCost walkCost(int dupId, int toNode) {
        synchronized (lock) {
            return rmap.migrationCost(dupId, toNode);
        }
    }

    /** The exact cost of one reverse-map walk of the given kind over KSM page {@code dupId} (see above). */
    public WalkCost walkCost(int dupId, WalkKind kind) {
        synchronized (lock) {
            return rmap.walkCost(dupId, kind);
        }
    }

    /**
     * Whether the run's sharing policy limits the mappings of a KSM page (by max_page_sharing, as stock does);
     * false for a policy such as "no-limit" that lets one KSM page take any number of mappings.
     */
    public boolean sharingLimited() {
        synchronized (lock) {
            return rmap.sharingLimited();
        }
    }

    /** The walk cost model in use (the scenario's cost model with the fixed x86 terms). */
    public WalkCostModel walkCostModel() {
        return rmap.costModel();
    }

    // ---- live edits ----

    /** Writes a /sys/kernel/mm/ksm file; the kernel's outcome. */
    public SysfsResult writeSysfs(String file, String value) {
        synchronized (lock) {
            SysfsResult r = engine.writeSysfs(file, value);
            noteChange();
            return r;
        }
    }

    /** Reads a /sys/kernel/mm/ksm file as the kernel prints it. */
    public String readSysfs(String file) {
        synchronized (lock) {
            return engine.readSysfs(file);
        }
    }

    /**
     * The process writes pages [from, to) every step of a region (COW breaks KSM pages), the range
     * clamped to the region's pages; pid 0: every running process that has the region, in one write action.
     */
    public void writePages(int pid, String region, long from, long to, long step, NewContent content) {
        edit(new TimelineEvent.WritePages(Duration.ZERO, pid, region, from, to, step, content));
    }

    /** fork(): the child shares every page of the parent copy-on-write. */
    public void fork(int parentPid, int childPid, String name) {
        edit(new TimelineEvent.Fork(Duration.ZERO, parentPid, childPid, name));
    }

    /** Process exit: its pages are unmapped; ksmd frees its rmap items when it gets there. */
    public void exit(int pid) {
        edit(new TimelineEvent.Exit(Duration.ZERO, pid));
    }

    /** prctl(PR_SET_MEMORY_MERGE, enable): every region of the process becomes (un)mergeable. */
    public void setMergeAny(int pid, boolean enable) {
        synchronized (lock) {
            engine.processes().setMergeAny(pid, enable);
            noteChange();
        }
    }

    /** madvise(MADV_MERGEABLE / MADV_UNMERGEABLE) on a whole region. */
    public void madvise(int pid, String region, boolean mergeable) {
        edit(new TimelineEvent.Madvise(Duration.ZERO, pid, region, mergeable));
    }

    // ---- observation ----

    /** Simulated time now, ns (cheaper than a snapshot). */
    public long nowNanos() {
        synchronized (lock) {
            return engine.now();
        }
    }

    /** ksmd's CPU time so far, ns (its scans and refile passes). */
    public long ksmdCpuNanos() {
        synchronized (lock) {
            return engine.ksmdBusyNanos();
        }
    }

    /** full_scans now (cheaper than a snapshot). */
    public long fullScans() {
        synchronized (lock) {
            return engine.fullScans();
        }
    }

    /** A consistent snapshot (counters, per-process ksm_stat, ksmd CPU share), taken between wake-ups. */
    public KsmSnapshot snapshot() {
        synchronized (lock) {
            long t = engine.now();
            double cpu = t == 0 ? 0 : Math.min(1.0, engine.ksmdBusyNanos() / (double) t);
            return new KsmSnapshot(t, engine.counters(), List.copyOf(engine.processStats()), cpu, engine.wakeups());
        }
    }

    /** Subpages of huge pages, pinned pages and the huge page splits so far. */
    public HugePageCounters hugePageCounters() {
        synchronized (lock) {
            return new HugePageCounters(engine.hugeSubpages(), engine.pinnedPages(), engine.thpSplitPage(),
                    engine.thpSplitPageFailed());
        }
    }

    /** The counter time series so far, bounded (see {@link CounterSeries}): taken in constant time. */
    public CounterSeries.View series() {
        return series.view();
    }

    /** The counter time series so far as samples (a copy of {@link #series()}). */
    public List<CounterSample> samples() {
        return series.view().samples();
    }

    /** The stable tree(s): chains and regular nodes with their dups, at most {@code maxEntries}. */
    public StableTreeView stableTree(int maxEntries) {
        synchronized (lock) {
            return engine.stableTree(maxEntries);
        }
    }

    /** The rmap items (pid, address) of a dup, head first, at most {@code max}. */
    public List<RmapItemView> rmapItems(int dupId, int max) {
        synchronized (lock) {
            return engine.rmapItems(dupId, max);
        }
    }

    /** How many rmap items of a dup each process has (whole counts), most first. */
    public List<ProcessRmapCount> rmapItemCounts(int dupId) {
        synchronized (lock) {
            return engine.rmapItemCounts(dupId);
        }
    }

    /** The rmap items of process {@code pid} in a dup, skipping its first {@code from}, at most {@code max}. */
    public List<RmapItemView> rmapItems(int dupId, int pid, long from, int max) {
        synchronized (lock) {
            return engine.rmapItems(dupId, pid, from, max);
        }
    }

    /** The last change of the converging counters (time, full_scans, pages_scanned at that moment). */
    public LastChange lastChange() {
        synchronized (lock) {
            return new LastChange(convergence.timeNanos(), convergence.fullScans(), convergence.pagesScanned(),
                    convergence.ksmdCpuNanos());
        }
    }

    /** Marks "now" as the last change: convergence is then counted from here. */
    public void markPhaseStart() {
        synchronized (lock) {
            convergence.markPhaseStart();
        }
    }

    /** Approximate heap held by per-page engine structures, bytes. */
    public long engineHeapBytes() {
        synchronized (lock) {
            return engine.heapBytes();
        }
    }

    /** Internal consistency check for tests: null when every counter matches the structures. */
    public @Nullable String checkInvariants() {
        synchronized (lock) {
            return engine.checkInvariants();
        }
    }
}
