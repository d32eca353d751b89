package org.ksmstudio.core.compare;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * A finished run kept for comparison: what was run (scenario, policy, tunables) and what it showed
 * (the counter series, the final snapshot, the reverse-map latency report), without its engine. It
 * holds the series' immutable view (bounded: {@link CounterSeries#DEFAULT_CAPACITY} rows), so a kept
 * run costs a few hundred kilobytes whatever the size of the simulated machine.
 *
 * @param id         the history's number of the run (1, 2, ...), 0 before it is added
 * @param scenario   the scenario's name
 * @param source     where the scenario came from (its file), or empty
 * @param parameters what was changed for this run against the scenario file (a copy's tunable, a
 *                   sweep unit's values), by name, in order
 * @param policy     the sharing policy
 * @param tunables   every writable /sys/kernel/mm/ksm file at the end of the run, by sysfs name
 * @param pageSize   the simulated base page size, bytes
 * @param series     the counters over simulated time
 * @param last       the final counters and ksm_stat
 * @param report     reverse-map walk latencies per node and operation, and the memory KSM pages cost
 * @param finished   when the run was kept
 */
public record FinishedRun(long id, String scenario, String source, Map<String, String> parameters, String policy,
        Map<String, String> tunables, int pageSize, CounterSeries.View series, KsmSnapshot last, RmapReport report,
        Instant finished) {

    public FinishedRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        tunables = Collections.unmodifiableMap(new LinkedHashMap<>(tunables));
    }

    /**
     * The kept state of a simulation that has finished (or been stopped): its series view, final
     * snapshot and latency report, taken now; the simulation itself is not referenced.
     */
    public static FinishedRun of(String scenario, String source, Map<String, String> parameters,
            KsmSimulation simulation) {
        KsmSnapshot last = simulation.snapshot();
        Map<String, String> tunables = new LinkedHashMap<>();
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            tunables.put(file.fileName(), last.counters().asSysfsMap().get(file.fileName()));
        }
        return new FinishedRun(0, scenario, source, parameters, simulation.scenario().run().policy(), tunables,
                simulation.scenario().topology().pageSize(), simulation.series(), last, simulation.rmapReport(),
                Instant.now());
    }

    /** The same run under the history's number {@code newId}. */
    public FinishedRun withId(long newId) {
        return new FinishedRun(newId, scenario, source, parameters, policy, tunables, pageSize, series, last, report,
                finished);
    }

    /** "#2 reference-a · stock · max_page_sharing=128": the number, scenario, policy and changed values. */
    public String label() {
        StringBuilder b = new StringBuilder();
        b.append('#').append(id).append(' ').append(scenario).append(" \u00b7 ").append(policy);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            b.append(" \u00b7 ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /** Pages saved: pages_sharing + ksm_zero_pages (what the sweep table calls pages saved). */
    public long pagesSaved() {
        return last.counters().pagesSharing() + last.counters().ksmZeroPages();
    }

    /** ksmd's CPU time over the whole run, ns (the series' last row; 0 without rows). */
    public long ksmdBusyNanos() {
        return series.size() == 0 ? 0 : series.ksmdBusyNanos(series.size() - 1);
    }

    /**
     * The simulated time at which pages_sharing first reached its final value and kept it to the end,
     * ns: how fast the run merged (0 when it never shared a page).
     */
    public long mergedByNanos() {
        int n = series.size();
        if (n == 0 || last.counters().pagesSharing() == 0) {
            return 0;
        }
        long target = series.value(KsmSysfsFile.PAGES_SHARING.fileName(), n - 1);
        int i = n - 1;
        while (i > 0 && series.value(KsmSysfsFile.PAGES_SHARING.fileName(), i - 1) == target) {
            i--;
        }
        return series.timeNanos(i);
    }
}
