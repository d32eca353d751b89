package org.ksmstudio.engine.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Workload;

/**
 * The writes of volatile regions over simulated time: each region's pages per second, spread over
 * its volatile pages with the run's seed (deterministic), fractions of a page carried to the next
 * interval. Forks write their parent's regions.
 */
public final class VolatileWrites {
    private final Workload workload;
    private final KsmEngine engine;
    private final SplittableRandom random;
    /** fractions of a page written, per "process/region" index */
    private final Map<String, Double> carry = new HashMap<>();
    private long lastNanos;

    /** Writes for the scenario's workload into {@code engine}, seeded with the run's seed. */
    public VolatileWrites(Scenario scenario, KsmEngine engine) {
        this.workload = scenario.workload();
        this.engine = engine;
        this.random = new SplittableRandom(scenario.run().seed());
    }

    /** Applies the writes due between the last call and the engine's time now. */
    public void upToNow() {
        long now = engine.now();
        if (now <= lastNanos) {
            return;
        }
        double dt = (now - lastNanos) / 1e9;
        lastNanos = now;
        List<ProcessSpec> procs = workload.processes();
        // the interval's writes are one write action (one sequence through an LRU add batch)
        engine.processes().inOneWriteAction(() -> upToNow(dt, procs));
    }

    private void upToNow(double dt, List<ProcessSpec> procs) {
        for (int pi = 0; pi < procs.size(); pi++) {
            ProcessSpec p = procs.get(pi);
            ProcessSpec src = regionsOf(p);
            for (int ri = 0; ri < src.regions().size(); ri++) {
                MergeableRegion r = src.regions().get(ri);
                double rate = r.volatility().pagesPerSecond();
                long volatilePages = r.volatility().volatilePages(r.pages());
                if (rate <= 0 || volatilePages == 0) {
                    continue;
                }
                String key = pi + "/" + ri;
                double want = rate * dt + carry.getOrDefault(key, 0.0);
                long n = (long) want;
                carry.put(key, want - n);
                for (long i = 0; i < n; i++) {
                    long page = r.volatility().page(random.nextLong(volatilePages), r.pages());
                    try {
                        engine.processes().writePages(p.pid(), r.name(), page, page + 1, 1, r.volatility().content());
                    } catch (IllegalArgumentException exited) {
                        break;
                    }
                }
            }
        }
    }

    /** The process spec holding a process's regions: itself, or the parent it is a fork of. */
    private ProcessSpec regionsOf(ProcessSpec p) {
        ProcessSpec cur = p;
        for (int guard = 0; cur.forkOf() != 0 && guard < 1000; guard++) {
            int parent = cur.forkOf();
            cur = workload.processes().stream().filter(q -> q.pid() == parent).findFirst().orElse(cur);
        }
        return cur;
    }
}
