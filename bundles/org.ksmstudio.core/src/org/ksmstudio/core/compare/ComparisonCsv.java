package org.ksmstudio.core.compare;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.io.CsvTables;

/**
 * A comparison as CSV ({@link CsvTables}): the table (its first rows name each run's scenario,
 * policy, source and changed values, then every tunable, so the file says what was compared), and
 * the runs' counter series on one time axis.
 */
public final class ComparisonCsv {

    private ComparisonCsv() {
    }

    /**
     * {@code section,name,unit,<run title>...,delta <run title>...,better,best}: one line per row of
     * the comparison; the deltas are against the first run, "best" is the best run's title.
     */
    public static String table(RunComparison comparison) {
        int n = comparison.runs().size();
        List<String> header = new ArrayList<>(List.of("section", "name", "unit")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        for (int i = 0; i < n; i++) {
            header.add(comparison.title(i));
        }
        for (int i = 1; i < n; i++) {
            header.add(NLS.bind(Messages.Compare_Delta, comparison.title(i)));
        }
        header.add("better"); //$NON-NLS-1$
        header.add("best"); //$NON-NLS-1$
        List<List<Object>> rows = new ArrayList<>();
        for (RunComparison.Row row : comparison.rows()) {
            List<Object> line = new ArrayList<>();
            line.add(row.section().id());
            line.add(row.name());
            line.add(row.unit());
            for (Object value : row.values()) {
                line.add(value == null ? "" : value); //$NON-NLS-1$
            }
            for (int i = 1; i < n; i++) {
                Double delta = row.delta(i);
                line.add(delta == null ? "" : number(delta)); //$NON-NLS-1$
            }
            line.add(row.better().name().toLowerCase(java.util.Locale.ROOT));
            line.add(row.best() < 0 ? "" : comparison.title(row.best())); //$NON-NLS-1$
            rows.add(line);
        }
        return CsvTables.text(header, rows);
    }

    /**
     * {@code run,scenario,policy,time_s,ksmd_cpu_percent,<every sysfs counter>}: each run's series,
     * one line per row, the runs one after the other.
     */
    public static String series(List<FinishedRun> runs) {
        List<String> header = new ArrayList<>(List.of("run", "scenario", "policy", "time_s", "ksmd_cpu_percent")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        header.addAll(List.of(KsmCounters.COUNTER_NAMES));
        List<List<Object>> rows = new ArrayList<>();
        for (FinishedRun run : runs) {
            CounterSeries.View series = run.series();
            for (int i = 0; i < series.size(); i++) {
                List<Object> line = new ArrayList<>(header.size());
                line.add(run.label());
                line.add(run.scenario());
                line.add(run.policy());
                line.add(series.timeNanos(i) / 1e9);
                line.add(number(100 * series.ksmdCpuShare(i)));
                for (String counter : KsmCounters.COUNTER_NAMES) {
                    line.add(series.value(counter, i));
                }
                rows.add(line);
            }
        }
        return CsvTables.text(header, rows);
    }

    /** A whole number as a Long, else the double. */
    private static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
