package org.ksmstudio.core.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.PatchValue;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * Two or more finished runs side by side: one row per thing they ran with (scenario, policy, every
 * tunable, a patch's own tunables) and per thing they showed (every sysfs counter and a patch's, memory saved, ksmd's CPU, the walk
 * latencies per node and operation), with each run's value, its difference from the first run (the
 * baseline), which run is better where "better" has a direction, and whether the runs differ at all.
 */
public final class RunComparison {

    /** What a row is about; the name is the CSV's first column. */
    public enum Section {
        /** What was run: scenario, policy, source file, changed values. */
        RUN,
        /** A /sys/kernel/mm/ksm tunable at the end of the run. */
        TUNABLE,
        /** A /sys/kernel/mm/ksm counter at the end of the run. */
        COUNTER,
        /** Memory saved and spent. */
        MEMORY,
        /** ksmd's CPU and how fast it merged. */
        KSMD,
        /** Reverse-map walk latency (migration, compaction, reclaim, ...). */
        LATENCY;

        /** The lower-case name ("tunable"). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which way is better. */
    public enum Better {
        /** More is better (pages saved). */
        HIGHER,
        /** Less is better (latency, CPU). */
        LOWER,
        /** Neither: only whether the runs differ matters. */
        NONE
    }

    /**
     * One row.
     *
     * @param section what it is about
     * @param name    a sysfs name or a measure's name
     * @param unit    the values' unit ("pages", "bytes", "ns", "s", "%"), or empty
     * @param better  which way is better
     * @param values  one per run: a Long, a Double, a String, or null where the run has none
     * @param best    the index of the one best run, or -1 (no direction, a tie or a missing value)
     * @param differs whether the runs' values are not all equal
     */
    public record Row(Section section, String name, String unit, Better better, List<Object> values, int best,
            boolean differs) {

        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** Run {@code index}'s value minus the first run's, or null when either is not a number. */
        public Double delta(int index) {
            return values.get(index) instanceof Number v && values.get(0) instanceof Number base
                    ? v.doubleValue() - base.doubleValue()
                    : null;
        }
    }

    /** The unit of memory rows. */
    public static final String BYTES = "bytes"; //$NON-NLS-1$
    /** The unit of latency rows. */
    public static final String NANOS = "ns"; //$NON-NLS-1$
    /** The unit of times. */
    public static final String SECONDS = "s"; //$NON-NLS-1$
    /** The unit of CPU shares. */
    public static final String PERCENT = "%"; //$NON-NLS-1$
    /** The unit of a file's path (the scenario's source). */
    public static final String FILE = "file"; //$NON-NLS-1$

    private final List<FinishedRun> runs;
    private final List<Row> rows = new ArrayList<>();

    /** Compares {@code runs} (at least one; the first is the baseline of the differences). */
    public RunComparison(List<FinishedRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        this.runs = List.copyOf(runs);
        text(Section.RUN, Messages.Compare_Scenario, FinishedRun::scenario);
        text(Section.RUN, Messages.Compare_Policy, FinishedRun::policy);
        rows.add(row(Section.RUN, Messages.Compare_Source, FILE, Better.NONE, FinishedRun::source));
        text(Section.RUN, Messages.Compare_Changed, r -> changed(r.parameters()));
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            Row row = row(Section.TUNABLE, file.fileName(), file.unit(), Better.NONE, r -> tunable(r, file));
            rows.add(row);
        }
        for (KsmSysfsFile file : KsmSysfsFile.counters()) {
            Better better = file == KsmSysfsFile.PAGES_SHARING || file == KsmSysfsFile.GENERAL_PROFIT ? Better.HIGHER
                    : Better.NONE;
            rows.add(row(Section.COUNTER, file.fileName(), file.unit(), better, r -> r.last().counters().value(file)));
        }
        patchRows();
        number(Section.MEMORY, Messages.Compare_PagesSaved, KsmSysfsFile.PAGES_SHARING.unit(), Better.HIGHER,
                FinishedRun::pagesSaved);
        number(Section.MEMORY, Messages.Compare_MemorySaved, BYTES, Better.HIGHER,
                r -> r.pagesSaved() * r.pageSize());
        number(Section.MEMORY, Messages.Compare_KsmPages, KsmSysfsFile.PAGES_SHARED.unit(), Better.NONE,
                r -> r.report().memory().ksmPages());
        number(Section.MEMORY, Messages.Compare_DupMemory, BYTES, Better.LOWER,
                r -> r.report().memory().extraDupPages() * r.pageSize());
        number(Section.KSMD, Messages.Compare_CpuShare, PERCENT, Better.LOWER,
                r -> 100 * r.last().ksmdCpuShare());
        number(Section.KSMD, Messages.Compare_CpuTime, SECONDS, Better.LOWER,
                r -> r.ksmdBusyNanos() / 1e9);
        number(Section.KSMD, Messages.Compare_MergedBy, SECONDS, Better.LOWER,
                r -> r.mergedByNanos() / 1e9);
        number(Section.KSMD, Messages.Compare_SimulatedTime, SECONDS, Better.NONE,
                r -> r.last().timeNanos() / 1e9);
        number(Section.LATENCY, Messages.Compare_WorstWalk, NANOS, Better.LOWER,
                r -> r.report().longestWalkNanos());
        number(Section.LATENCY, Messages.Compare_LongestStretch, NANOS, Better.LOWER,
                r -> r.report().longestStretchNanos());
        number(Section.LATENCY, Messages.Compare_Failures, KsmSysfsFile.PAGES_SHARED.unit(), Better.LOWER,
                r -> r.report().failures());
        latencyRows();
    }

    /**
     * The own tunables and counters of the runs' patches (a policy's sysfs files beside the kernel's),
     * by name in the order the runs list them; empty where a run's policy has no such file.
     */
    private void patchRows() {
        Map<String, PatchSysfsFile> files = new LinkedHashMap<>();
        for (FinishedRun run : runs) {
            for (PatchValue value : run.last().counters().patchValues()) {
                files.putIfAbsent(value.file().fileName(), value.file());
            }
        }
        for (PatchSysfsFile file : files.values()) {
            rows.add(row(file.writable() ? Section.TUNABLE : Section.COUNTER, file.fileName(), file.unit(), Better.NONE,
                    r -> r.last().counters().patchValues().stream().filter(v -> v.file().fileName().equals(file.fileName()))
                            .findFirst().map(v -> (Object) v.value()).orElse(null)));
        }
    }

    /** Every (node, operation) any run walked: its pages, p99 and max page latency per run. */
    private void latencyRows() {
        Map<Integer, List<RmapOperation>> walked = new TreeMap<>();
        for (FinishedRun run : runs) {
            for (OperationStats s : run.report().operations()) {
                List<RmapOperation> ops = walked.computeIfAbsent(s.node(), n -> new ArrayList<>());
                if (!ops.contains(s.operation())) {
                    ops.add(s.operation());
                }
            }
        }
        for (Map.Entry<Integer, List<RmapOperation>> e : walked.entrySet()) {
            int node = e.getKey();
            List<RmapOperation> ops = new ArrayList<>(e.getValue());
            ops.sort(null);
            for (RmapOperation op : ops) {
                String what = NLS.bind(Messages.Compare_OperationOnNode, op.label(), node);
                stats(NLS.bind(Messages.Compare_Pages, what), KsmSysfsFile.PAGES_SHARED.unit(), Better.NONE,
                        node, op, OperationStats::count);
                stats(NLS.bind(Messages.Compare_P99, what), NANOS, Better.LOWER, node, op,
                        OperationStats::p99Nanos);
                stats(NLS.bind(Messages.Compare_Max, what), NANOS, Better.LOWER, node, op,
                        OperationStats::maxNanos);
            }
        }
    }

    private void stats(String name, String unit, Better better, int node, RmapOperation op,
            Function<OperationStats, Long> value) {
        rows.add(row(Section.LATENCY, name, unit, better, r -> {
            OperationStats s = r.report().get(node, op);
            return s == null ? null : value.apply(s);
        }));
    }

    private void text(Section section, String name, Function<FinishedRun, String> value) {
        rows.add(row(section, name, "", Better.NONE, value::apply)); //$NON-NLS-1$
    }

    private void number(Section section, String name, String unit, Better better, Function<FinishedRun, Number> value) {
        rows.add(row(section, name, unit, better, value::apply));
    }

    private Row row(Section section, String name, String unit, Better better, Function<FinishedRun, Object> value) {
        List<Object> values = new ArrayList<>();
        for (FinishedRun run : runs) {
            values.add(value.apply(run));
        }
        boolean differs = values.stream().distinct().count() > 1;
        return new Row(section, name, unit, better, values, best(values, better, differs), differs);
    }

    /** The index of the single best value, or -1. */
    private static int best(List<Object> values, Better better, boolean differs) {
        if (better == Better.NONE || !differs || values.stream().anyMatch(v -> !(v instanceof Number))) {
            return -1;
        }
        int best = 0;
        boolean tie = false;
        for (int i = 1; i < values.size(); i++) {
            double v = ((Number) values.get(i)).doubleValue();
            double b = ((Number) values.get(best)).doubleValue();
            if (v == b) {
                tie = true;
            } else if (better == Better.HIGHER ? v > b : v < b) {
                best = i;
                tie = false;
            }
        }
        return tie ? -1 : best;
    }

    private static Object tunable(FinishedRun run, KsmSysfsFile file) {
        String text = run.tunables().get(file.fileName());
        if (text == null || file.isText()) {
            return text;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String changed(Map<String, String> parameters) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            b.append(b.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue()); //$NON-NLS-1$ //$NON-NLS-2$
        }
        return b.toString();
    }

    /** The compared runs, the baseline first. */
    public List<FinishedRun> runs() {
        return runs;
    }

    /** Every row, by section. */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The rows whose runs differ. */
    public List<Row> differences() {
        return rows.stream().filter(Row::differs).toList();
    }

    /** The row of {@code section} named {@code name}, or null. */
    public Row row(Section section, String name) {
        return rows.stream().filter(r -> r.section() == section && r.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * What tells run {@code index} apart: "#2 · max_page_sharing=128" (its number, then the scenario,
     * policy and tunables where the runs differ; the changed values when no tunable differs), or its
     * label when nothing differs.
     */
    public String title(int index) {
        FinishedRun run = runs.get(index);
        List<String> parts = new ArrayList<>();
        boolean tunables = false;
        for (Row row : rows) {
            Object value = row.values().get(index);
            if (!row.differs() || value == null || Objects.toString(value).isEmpty()) {
                continue;
            }
            if (row.section() == Section.TUNABLE) {
                parts.add(row.name() + '=' + value);
                tunables = true;
            } else if (row.section() == Section.RUN && !row.name().equals(Messages.Compare_Changed)) {
                parts.add(value.toString());
            }
        }
        if (!tunables && !run.parameters().isEmpty()) {
            parts.add(changed(run.parameters()));
        }
        return parts.isEmpty() ? run.label() : "#" + run.id() + " \u00b7 " + String.join(" \u00b7 ", parts); //$NON-NLS-1$ //$NON-NLS-2$
    }
}
