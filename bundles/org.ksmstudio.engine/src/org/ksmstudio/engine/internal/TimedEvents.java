package org.ksmstudio.engine.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.EventOutcome;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.scenario.TimelineEvent;

/**
 * The schedule of timed events and the one road an event takes into the engine: the scenario's
 * timeline, the firings of periodic events, the reverse-map operations waiting for their context,
 * and live changes scheduled at an instant (a tunable write or an operation the user issues on every
 * compared run at once). An event resolves "every process" (pid 0) and clamps its page range when it
 * fires. Not thread-safe: the simulation calls it under its lock.
 */
public final class TimedEvents {

    /**
     * An event waiting for its time; {@code firing} counts the firings of a periodic event;
     * {@code handIssued}: a live change, which runs at once when it fires (its context is not waited
     * for); {@code fired}, if not null, is completed with what the event did.
     */
    private record Due(long at, long seq, TimelineEvent event, long firing, boolean handIssued,
            @Nullable CompletableFuture<EventOutcome> fired) {
    }

    /** What an operation did and how long it held its context. */
    private record Held(long latencyNanos, long stretchNanos, OperationResult last) {
        static Held of(OperationResult r) {
            return new Held(r.latencyNanos(), r.longestStretchNanos(), r);
        }

        /** These operations followed by {@code next} in the same context. */
        Held then(Held next) {
            return new Held(latencyNanos + next.latencyNanos, Math.max(stretchNanos, next.stretchNanos), next.last);
        }
    }

    private final KsmEngine engine;
    private final RmapOperations rmap;
    private final int cpuCount;
    /** who issues reverse-map operations, and until when each is busy */
    private final OperationContexts contexts = new OperationContexts();
    private final PriorityQueue<Due> schedule = new PriorityQueue<>(
            Comparator.comparingLong(Due::at).thenComparingLong(Due::seq));
    private long scheduled;
    /** the event being applied is a live change, not from the timeline or a plan step */
    private boolean handIssued;

    /** Events for {@code engine} on a machine of {@code cpuCount} CPUs; {@code rmap} runs its operations. */
    public TimedEvents(KsmEngine engine, RmapOperations rmap, int cpuCount) {
        this.engine = engine;
        this.rmap = rmap;
        this.cpuCount = cpuCount;
    }

    /** Adds an event of the scenario's timeline, due at its time. */
    public void add(TimelineEvent event) {
        schedule.add(new Due(later(0, event.at()), scheduled++, event, 0, false, null));
    }

    /**
     * Schedules a live change at {@code atNanos} (now if that has passed).
     *
     * @return completed with what it did when it fired
     */
    public CompletableFuture<EventOutcome> addLive(TimelineEvent event, long atNanos) {
        CompletableFuture<EventOutcome> fired = new CompletableFuture<>();
        schedule.add(new Due(Math.max(atNanos, engine.now()), scheduled++, event, 0, true, fired));
        return fired;
    }

    /** When the next event is due, Long.MAX_VALUE when none is. */
    public long next() {
        Due d = schedule.peek();
        return d == null ? Long.MAX_VALUE : d.at();
    }

    /** Fires the event due first (the clock is at its time); a periodic one schedules its next firing. */
    public void fireNext() {
        Due d = schedule.poll();
        if (d == null) {
            return;
        }
        @Nullable CompletableFuture<EventOutcome> fired = d.fired();
        EventOutcome outcome = EventOutcome.NONE;
        try {
            if (d.event() instanceof TimelineEvent.Periodic p) {
                firePeriodic(p, d.at(), d.firing());
            } else {
                outcome = d.handIssued() ? applyLive(d.event()) : apply(d.event());
            }
        } catch (RuntimeException e) {
            if (fired != null) {
                fired.completeExceptionally(e);
            }
            throw e;
        }
        if (fired != null) {
            fired.complete(outcome);
        }
    }

    /**
     * {@code nanos + d} in nanoseconds, saturated at Long.MAX_VALUE ("never") instead of overflowing:
     * durations up to any length are accepted and end with the run's bound.
     */
    public static long later(long nanos, Duration d) {
        if (d.isNegative()) {
            return nanos;
        }
        long add = d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
        return nanos > Long.MAX_VALUE - add ? Long.MAX_VALUE : nanos + add;
    }

    /** Fires firing {@code firing} of a periodic event (due at {@code at}) now and schedules the next. */
    private void firePeriodic(TimelineEvent.Periodic p, long at, long firing) {
        for (TimelineEvent e : p.firing(firing)) {
            apply(e);
        }
        long next = later(at, p.period());
        if ((p.count() == 0 || firing + 1 < p.count()) && next < Long.MAX_VALUE) {
            schedule.add(new Due(next, scheduled++, p, firing + 1, false, null));
        }
    }

    /** Applies a live change now: it runs at once, holding its context too. */
    public EventOutcome applyLive(TimelineEvent event) {
        handIssued = true;
        try {
            return apply(event);
        } finally {
            handIssued = false;
        }
    }

    /**
     * Applies one event now, as the timeline does (an operation waits for its busy context).
     * "Every process" (pid 0) is the processes running now that have the region, and page ranges
     * are clamped to the region's pages now.
     */
    public EventOutcome apply(TimelineEvent e) {
        switch (e) {
            case TimelineEvent.SysfsWrite w -> {
                return EventOutcome.of(engine.writeSysfs(w.file(), w.value()));
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
        return EventOutcome.NONE;
    }

    /**
     * Runs a reverse-map operation of the timeline in its context: when the context is still busy with an
     * earlier operation, the event waits until it is free; else it runs now and holds the context for its
     * latency. ksmd is not delayed when the machine has another CPU (it runs there; a KSM page under migration
     * is folio-locked, and stable_tree_search's trylock then makes ksmd skip the merge, not wait); on a single
     * CPU a ksmd wake-up due during the operation waits for the end of the R-state stretch it falls in. A
     * hand-issued operation (a live change) runs at once, holding its context too.
     */
    private EventOutcome inContext(TimelineEvent e, OperationContexts.Kind kind, int id, Supplier<Held> run) {
        long now = engine.now();
        long free = contexts.freeAt(kind, id);
        if (free > now && !handIssued) {
            schedule.add(new Due(free, scheduled++, e, 0, false, null));
            return EventOutcome.NONE;
        }
        Held r = run.get();
        contexts.hold(kind, id, now, r.latencyNanos());
        long wake = engine.nextWakeup();
        if (cpuCount == 1 && wake >= now && wake < now + r.latencyNanos()) {
            engine.delayWakeupTo(Math.min(now + r.latencyNanos(), wake + r.stretchNanos()));
        }
        return EventOutcome.of(r.last());
    }

    /** The process {@code pid}, or for pid 0 every running process that has the region now. */
    private List<Integer> pids(int pid, String region) {
        return pid == 0 ? engine.processes().pidsWithRegion(region) : List.of(pid);
    }
}
