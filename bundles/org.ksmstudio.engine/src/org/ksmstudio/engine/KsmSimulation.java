package org.ksmstudio.engine;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.internal.KsmEngine;
import org.ksmstudio.engine.internal.OperationContexts;
import org.ksmstudio.engine.internal.RmapOperations;
import org.ksmstudio.engine.internal.ScenarioLoader;
import org.ksmstudio.engine.internal.VolatileWrites;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
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

    /**
     * A timed event waiting for its time; {@code firing} counts the firings of a periodic event;
     * {@code fired}, if not null, is completed with the kernel's answer when the event fires.
     */
    private record Due(long at, long seq, TimelineEvent event, long firing,
            @Nullable CompletableFuture<SysfsResult> fired) {
    }

    private final Object lock = new Object();
    private final Scenario scenario;
    private final KsmEngine engine;
    /** reverse-map walks and the refile pass (rmap extension) */
    private final RmapOperations rmap;
    private final CounterSeries series;
    private final long sampleInterval;
    private final VolatileWrites volatileWrites;
    /** who issues reverse-map operations, and until when each is busy */
    private final OperationContexts contexts = new OperationContexts();
    /** an operation is being applied as a live edit, not from the timeline or a plan step */
    private boolean handIssued;
    private final PriorityQueue<Due> schedule = new PriorityQueue<>(
            Comparator.comparingLong(Due::at).thenComparingLong(Due::seq));
    private long scheduled;
    private long nextSample;
    private long[] lastSignature;
    private LastChange lastChange;
    private volatile boolean cancelled;

    private KsmSimulation(Scenario scenario) {
        this.scenario = scenario;
        this.engine = ScenarioLoader.load(scenario);
        this.rmap = new RmapOperations(engine, scenario.topology(), WalkCostModel.of(scenario.costModel()));
        this.sampleInterval = scenario.run().sampleInterval().toNanos();
        this.series = new CounterSeries(CounterSeries.DEFAULT_CAPACITY, engine.patchFiles());
        this.volatileWrites = new VolatileWrites(scenario, engine);
        this.lastSignature = engine.convergenceSignature();
        this.lastChange = new LastChange(0, 0, 0, 0);
        for (TimelineEvent e : scenario.timeline()) {
            schedule.add(new Due(later(0, e.at()), scheduled++, e, 0, null));
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
            target = later(engine.now(), d);
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
            target = later(engine.now(), limit);
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
            target = later(engine.now(), limit);
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
     * {@code nanos + d} in nanoseconds, saturated at Long.MAX_VALUE ("never") instead of overflowing:
     * durations up to any length are accepted and end with the run's bound.
     */
    static long later(long nanos, Duration d) {
        if (d.isNegative()) {
            return nanos;
        }
        long add = d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
        return nanos > Long.MAX_VALUE - add ? Long.MAX_VALUE : nanos + add;
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
            if (converge && engine.run() == 1 && engine.fullScans() >= lastChange.fullScans() + 2) {
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
                if (converge && engine.fullScans() >= lastChange.fullScans() + 2 && engine.run() == 1) {
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
        long[] sig = engine.convergenceSignature();
        if (!java.util.Arrays.equals(sig, lastSignature) && engine.batchChangeNanos() >= 0) {
            // dated where in the batch the counters last changed, with ksmd's CPU time up to there
            lastSignature = sig;
            long batchCpuToChange = engine.batchChangeNanos() - engine.now();
            lastChange = new LastChange(engine.batchChangeNanos(), engine.batchChangeFullScans(),
                    engine.batchChangePagesScanned(),
                    engine.ksmdBusyNanos() - engine.lastBatchNanos() + batchCpuToChange);
        }
        noteChange();
    }

    private void noteChange() {
        long[] sig = engine.convergenceSignature();
        if (!java.util.Arrays.equals(sig, lastSignature)) {
            lastSignature = sig;
            lastChange = new LastChange(engine.now(), engine.fullScans(), engine.pagesScanned(), engine.ksmdBusyNanos());
        }
    }

    // ---- events: the one road from a timeline or a plan step into the engine ----

    /** When the next timed event is due, Long.MAX_VALUE when none is. */
    private long nextEvent() {
        Due d = schedule.peek();
        return d == null ? Long.MAX_VALUE : d.at();
    }

    /** Fires the timed event due first (the clock is at its time); a periodic one schedules its next firing. */
    private void fireDue() {
        Due d = schedule.poll();
        @Nullable CompletableFuture<SysfsResult> fired = d.fired();
        @Nullable SysfsResult result = null;
        try {
            if (d.event() instanceof TimelineEvent.Periodic p) {
                firePeriodic(p, d.at(), d.firing());
            } else {
                result = applyEvent(d.event()).sysfs();
            }
        } catch (RuntimeException e) {
            if (fired != null) {
                fired.completeExceptionally(e);
            }
            throw e;
        }
        noteChange();
        if (fired != null) {
            fired.complete(Objects.requireNonNull(result, "a queued write has the kernel's answer"));
        }
    }

    private void firePeriodic(TimelineEvent.Periodic p, long at, long firing) {
        for (TimelineEvent e : p.firing(firing)) {
            applyEvent(e);
        }
        long next = later(at, p.period());
        if ((p.count() == 0 || firing + 1 < p.count()) && next < Long.MAX_VALUE) {
            schedule.add(new Due(next, scheduled++, p, firing + 1, null));
        }
    }

    /**
     * Fires {@code event} now, as the timeline fires a timed event (its {@code at} is ignored): a
     * periodic event fires its first firing now and the next ones every period from now.
     *
     * @return the kernel's answer to a sysfs write, null for any other event
     */
    public @Nullable SysfsResult fire(TimelineEvent event) {
        synchronized (lock) {
            @Nullable SysfsResult result = applyEvent(event).sysfs();
            noteChange();
            return result;
        }
    }

    /**
     * Schedules {@code event} at simulated time {@code atNanos} (now if that has passed): it fires
     * when the run reaches that instant, as the timeline's events do.
     *
     * @return completed when it fired, with the kernel's answer to a sysfs write (null for other events)
     */
    public CompletableFuture<SysfsResult> schedule(TimelineEvent event, long atNanos) {
        CompletableFuture<SysfsResult> fired = new CompletableFuture<>();
        synchronized (lock) {
            schedule.add(new Due(Math.max(atNanos, engine.now()), scheduled++, event, 0, fired));
        }
        return fired;
    }

    /** When the next scheduled event fires, Long.MAX_VALUE when none is pending. */
    public long nextEventNanos() {
        synchronized (lock) {
            return nextEvent();
        }
    }

    /** What an event did: the kernel's answer to a sysfs write, or the result of a reverse-map operation. */
    private record Outcome(@Nullable SysfsResult sysfs, @Nullable OperationResult operation) {
        static final Outcome NONE = new Outcome(null, null);

        static Outcome of(OperationResult operation) {
            return new Outcome(null, operation);
        }
    }

    /**
     * Applies one event now. "Every process" (pid 0) is the processes running now that have the
     * region, and page ranges are clamped to the region's pages now.
     */
    private Outcome applyEvent(TimelineEvent e) {
        switch (e) {
            case TimelineEvent.SysfsWrite w -> {
                return new Outcome(engine.writeSysfs(w.file(), w.value()), null);
            }
            case TimelineEvent.WritePages w -> {
                List<Integer> pids = pids(w.pid(), w.region());
                // one write action (in every process: one sequence on one CPU, through its LRU add batch)
                engine.processes().inOneWriteAction(() -> {
                    for (int pid : pids) {
                        long to = Math.min(w.toPage(), engine.processes().regionPages(pid, w.region()));
                        engine.processes().writePages(pid, w.region(), Math.min(w.fromPage(), to), to, w.step(),
                                w.content());
                    }
                });
            }
            case TimelineEvent.Fork f -> engine.processes().fork(f.parentPid(), f.childPid(), f.childName());
            case TimelineEvent.Exit x -> engine.processes().exit(x.pid());
            case TimelineEvent.Madvise m -> {
                for (int pid : pids(m.pid(), m.region())) {
                    engine.processes().madvise(pid, m.region(), m.mergeable());
                }
            }
            case TimelineEvent.MigratePages m -> {
                return inContext(e, OperationContexts.Kind.PROCESS, m.pid(),
                        () -> Held.of(rmap.migratePages(m.pid(), m.fromNode(), m.toNode())));
            }
            case TimelineEvent.MovePages m -> {
                return inContext(e, OperationContexts.Kind.PROCESS, m.pid(), () -> {
                    long to = Math.min(m.toPage(), engine.processes().regionPages(m.pid(), m.region()));
                    return Held.of(rmap.movePages(m.pid(), m.region(), Math.min(m.fromPage(), to), to, m.toNode()));
                });
            }
            case TimelineEvent.MemoryFailure m -> {
                return inContext(e, OperationContexts.Kind.MEMORY_FAILURE, 0, () -> {
                    Held held = Held.of(new OperationResult(RmapOperation.MEMORY_FAILURE, engine.now(), 0, 0, 0, 0, 0,
                            0, 0, -1, 0));
                    for (int pid : pids(m.pid(), m.region())) {
                        if (m.page() < engine.processes().regionPages(pid, m.region())) {
                            held = held.then(Held.of(rmap.memoryFailure(pid, m.region(), m.page())));
                        }
                    }
                    return held;
                });
            }
            case TimelineEvent.Compaction c -> {
                return inContext(e, OperationContexts.Kind.KCOMPACTD, c.node(), () -> Held.of(rmap.compact(c.node())));
            }
            case TimelineEvent.MemoryPressure p -> {
                return inContext(e, OperationContexts.Kind.KSWAPD, p.node(),
                        () -> Held.of(rmap.reclaim(p.node(), p.pagesToReclaim(), p.duration().toNanos())));
            }
            case TimelineEvent.Periodic p -> firePeriodic(p, engine.now(), 0);
        }
        return Outcome.NONE;
    }

    /**
     * A live edit (a test's or the UI's hand-issued operation): the same road as a timed event fired
     * now, page ranges clamped and "every process" (pid 0) resolved now.
     */
    private Outcome edit(TimelineEvent event) {
        synchronized (lock) {
            handIssued = true;
            try {
                Outcome outcome = applyEvent(event);
                noteChange();
                return outcome;
            } finally {
                handIssued = false;
            }
        }
    }

    private OperationResult operation(TimelineEvent event) {
        return Objects.requireNonNull(edit(event).operation(), "a reverse-map event has a result");
    }

    /**
     * Runs a reverse-map operation of the timeline in its context: when the context is still busy with an
     * earlier operation, the event waits until it is free; else it runs now and holds the context for its
     * latency. ksmd is not delayed when the machine has another CPU (it runs there; a KSM page under migration
     * is folio-locked, and stable_tree_search's trylock then makes ksmd skip the merge, not wait); on a single
     * CPU a ksmd wake-up due during the operation waits for the end of the R-state stretch it falls in. A
     * hand-issued operation (a live edit) runs at once, holding its context too.
     */
    private Outcome inContext(TimelineEvent e, OperationContexts.Kind kind, int id, Supplier<Held> run) {
        long now = engine.now();
        long free = contexts.freeAt(kind, id);
        if (free > now && !handIssued) {
            schedule.add(new Due(free, scheduled++, e, 0, null));
            return Outcome.NONE;
        }
        Held r = run.get();
        contexts.hold(kind, id, now, r.latencyNanos());
        long wake = engine.nextWakeup();
        if (scenario.topology().cpuCount() == 1 && wake >= now && wake < now + r.latencyNanos()) {
            engine.delayWakeupTo(Math.min(now + r.latencyNanos(), wake + r.stretchNanos()));
        }
        return Outcome.of(r.last());
    }

    /** The CPU operations hold: their latency, their longest R-state stretch, and the last one's result. */
    private record Held(long latencyNanos, long stretchNanos, OperationResult last) {
        static Held of(OperationResult r) {
            return new Held(r.latencyNanos(), r.longestStretchNanos(), r);
        }

        /** These operations followed by {@code next} in the same context. */
        Held then(Held next) {
            return new Held(latencyNanos + next.latencyNanos, Math.max(stretchNanos, next.stretchNanos), next.last);
        }
    }

    /** The process {@code pid}, or for pid 0 every running process that has the region now. */
    private List<Integer> pids(int pid, String region) {
        return pid == 0 ? engine.processes().pidsWithRegion(region) : List.of(pid);
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

    /**
     * One write action in several processes, in order (one sequence on one CPU, so its newly
     * faulted/COW-copied pages go through one LRU add batch): each writes pages [from, to) every step
     * of its region, as {@link #writePages}.
     */
    public void writePagesInProcesses(List<Integer> pids, String region, long from, long to, long step,
            NewContent content) {
        synchronized (lock) {
            engine.processes().inOneWriteAction(() -> {
                for (int pid : pids) {
                    engine.processes().writePages(pid, region, from, to, step, content);
                }
            });
            noteChange();
        }
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
            return lastChange;
        }
    }

    /** Marks "now" as the last change: convergence is then counted from here. */
    public void markPhaseStart() {
        synchronized (lock) {
            lastSignature = engine.convergenceSignature();
            lastChange = new LastChange(engine.now(), engine.fullScans(), engine.pagesScanned(), engine.ksmdBusyNanos());
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
