package org.ksmstudio.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.PatchValue;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * The counters' time series of runs as JSON ({@link StrictJson}) or CSV ({@link CsvTables}), one
 * format for the headless runs and the GUI's exports: each says which scenario and policy it is
 * and the tunables in force at each sample, beside ksmd's CPU share and every sysfs counter.
 */
public final class TimeSeriesExport {

    /** The column of ksmd's CPU share since the previous sample, in % of one CPU. */
    public static final String KSMD_CPU = "ksmd_cpu_percent";

    private TimeSeriesExport() {
    }

    /**
     * One row per sample and policy: scenario, policy, time_s, every read-only sysfs counter,
     * {@value #KSMD_CPU}, every tunable (advisor_mode by its name), then the files of the runs'
     * patches (empty in the rows of a policy without that file).
     */
    public static String csv(String scenario, List<RunResult> results) {
        List<String> header = new ArrayList<>(List.of("scenario", "policy", "time_s"));
        header.addAll(List.of(KsmCounters.COUNTER_NAMES));
        header.add(KSMD_CPU);
        KsmSysfsFile.tunables().forEach(f -> header.add(f.fileName()));
        List<String> patchFiles = new ArrayList<>();
        for (RunResult result : results) {
            for (PatchValue v : result.last().counters().patchValues()) {
                if (!patchFiles.contains(v.file().fileName())) {
                    patchFiles.add(v.file().fileName());
                }
            }
        }
        header.addAll(patchFiles);
        List<List<Object>> rows = new ArrayList<>();
        for (RunResult result : results) {
            CounterSample previous = null;
            for (CounterSample sample : result.samples()) {
                List<Object> row = new ArrayList<>(header.size());
                row.add(scenario);
                row.add(result.policy());
                row.add(seconds(sample.timeNanos()));
                for (String name : KsmCounters.COUNTER_NAMES) {
                    row.add(sample.counters().value(name));
                }
                row.add(cpuPercent(previous, sample));
                for (KsmSysfsFile tunable : KsmSysfsFile.tunables()) {
                    row.add(tunable == KsmSysfsFile.ADVISOR_MODE ? sample.counters().advisorMode()
                            : sample.counters().value(tunable));
                }
                Map<String, String> all = sample.counters().asSysfsMap();
                for (String name : patchFiles) {
                    row.add(all.getOrDefault(name, ""));
                }
                rows.add(row);
                previous = sample;
            }
        }
        return CsvTables.text(header, rows);
    }

    /**
     * ksmd's CPU share between two samples (from the start of the run when {@code previous} is null),
     * % of one CPU, rounded to 0.01.
     */
    public static double cpuPercent(@Nullable CounterSample previous, CounterSample sample) {
        long t0 = previous == null ? 0 : previous.timeNanos();
        long b0 = previous == null ? 0 : previous.ksmdBusyNanos();
        long dt = sample.timeNanos() - t0;
        return dt <= 0 ? 0 : Math.round(1e4 * (sample.ksmdBusyNanos() - b0) / (double) dt) / 100.0;
    }

    /**
     * {"scenario": ..., "runs": [{"policy", "time_s", "final", "processes", "checkpoints", "samples"}]},
     * each sample with its time_s, {@value #KSMD_CPU} and every sysfs file (tunables included).
     */
    public static String json(String scenario, List<RunResult> results) {
        List<Object> runs = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("policy", result.policy());
            run.put("time_s", seconds(result.last().timeNanos()));
            run.put("final", counters(result.last().counters()));
            List<Object> processes = new ArrayList<>();
            for (ProcessKsmStat p : result.last().processes()) {
                Map<String, Object> process = new LinkedHashMap<>();
                process.put("pid", p.pid());
                process.put("ksm_rmap_items", p.ksmRmapItems());
                process.put("ksm_zero_pages", p.ksmZeroPages());
                process.put("ksm_merging_pages", p.ksmMergingPages());
                process.put("ksm_process_profit", p.ksmProcessProfit());
                process.put("ksm_merge_any", p.ksmMergeAny() ? 1 : 0);
                process.put("ksm_mergeable", p.ksmMergeable() ? 1 : 0);
                processes.add(process);
            }
            run.put("processes", processes);
            List<Object> checkpoints = new ArrayList<>();
            for (CheckpointResult c : result.checkpoints()) {
                Map<String, Object> checkpoint = new LinkedHashMap<>();
                checkpoint.put("name", c.name());
                checkpoint.put("time_s", seconds(c.timeNanos()));
                checkpoint.put("matches", c.matches());
                List<Object> values = new ArrayList<>();
                for (CheckpointResult.Comparison v : c.comparisons()) {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("counter", v.counter());
                    value.put("pid", v.pid());
                    value.put("expected", v.expected());
                    value.put("simulated", v.simulated());
                    value.put("matches", v.matches());
                    values.add(value);
                }
                checkpoint.put("values", values);
                checkpoints.add(checkpoint);
            }
            run.put("checkpoints", checkpoints);
            List<Object> samples = new ArrayList<>();
            CounterSample previous = null;
            for (CounterSample s : result.samples()) {
                Map<String, Object> sample = new LinkedHashMap<>();
                sample.put("time_s", seconds(s.timeNanos()));
                sample.put(KSMD_CPU, cpuPercent(previous, s));
                sample.put("counters", counters(s.counters()));
                samples.add(sample);
                previous = s;
            }
            run.put("samples", samples);
            runs.add(run);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", scenario);
        root.put("runs", runs);
        return StrictJson.write(root);
    }

    /** The sysfs counters by name: numbers as numbers, text (advisor_mode) as strings. */
    private static Map<String, Object> counters(KsmCounters counters) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : counters.asSysfsMap().entrySet()) {
            m.put(e.getKey(), "advisor_mode".equals(e.getKey()) ? counters.advisorMode() : number(e.getValue()));
        }
        return m;
    }

    private static Object number(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Seconds, rounded to the microsecond. */
    private static double seconds(long nanos) {
        return Math.round(nanos / 1e3) / 1e6;
    }
}
