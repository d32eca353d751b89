package org.ksmstudio.core.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The finished runs kept for comparison, oldest first, at most {@link #capacity()}: adding one more
 * drops the oldest. Each run gets a number (its {@link FinishedRun#id()}) that stays with it. The
 * history is the one owner of the list; its methods are thread-safe and tell the listeners after
 * each change (on the thread that made it).
 */
public final class RunHistory {

    /** Runs a history keeps by default. */
    public static final int DEFAULT_CAPACITY = 24;

    /** Told after each change. */
    @FunctionalInterface
    public interface Listener {
        /** The history changed. */
        void changed(RunHistory history);
    }

    private final int capacity;
    private final List<FinishedRun> runs = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /** An empty history of at most {@code capacity} runs (at least 2). */
    public RunHistory(int capacity) {
        this.capacity = Math.max(2, capacity);
    }

    /** Most runs kept. */
    public int capacity() {
        return capacity;
    }

    /** Keeps {@code run} under a new number (the oldest run is dropped when full); the run as kept. */
    public FinishedRun add(FinishedRun run) {
        FinishedRun kept;
        synchronized (this) {
            kept = run.withId(nextId++);
            if (runs.size() == capacity) {
                runs.remove(0);
            }
            runs.add(kept);
        }
        fire();
        return kept;
    }

    /**
     * Replaces run {@code id} by {@code run} under the same number and place (a run that went on after
     * a tunable write and finished again); adds it when {@code id} is no longer kept.
     */
    public FinishedRun replace(long id, FinishedRun run) {
        FinishedRun kept = null;
        synchronized (this) {
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).id() == id) {
                    kept = run.withId(id);
                    runs.set(i, kept);
                    break;
                }
            }
        }
        if (kept == null) {
            return add(run);
        }
        fire();
        return kept;
    }

    /** Drops run {@code id}, if kept. */
    public void remove(long id) {
        boolean removed;
        synchronized (this) {
            removed = runs.removeIf(r -> r.id() == id);
        }
        if (removed) {
            fire();
        }
    }

    /** The kept runs, oldest first (a copy). */
    public synchronized List<FinishedRun> runs() {
        return List.copyOf(runs);
    }

    /** Run {@code id}, if still kept. */
    public synchronized Optional<FinishedRun> byId(long id) {
        return runs.stream().filter(r -> r.id() == id).findFirst();
    }

    /** Listens to changes. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Stops listening. */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Listener listener : listeners) {
            listener.changed(this);
        }
    }
}
