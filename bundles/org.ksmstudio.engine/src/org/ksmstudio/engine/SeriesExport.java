package org.ksmstudio.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.json.Json;

/**
 * Writes a counter time series as CSV (a header {@code time_s} then the sysfs names) or JSON
 * ({@code {"samples": [{"time_s": .., "pages_shared": .., ...}], "final": {...}}}).
 */
public final class SeriesExport {
    private SeriesExport() {
    }

    /** The final counters as the headless runner prints them: one {@code name value} per line, sysfs names. */
    public static String sysfsLines(KsmCounters k) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : k.asSysfsMap().entrySet()) {
            sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** The time series as CSV: {@code time_s} then one column per sysfs counter, one row per sample. */
    public static void writeCsv(List<CounterSample> samples, Writer out) throws IOException {
        List<String> names = samples.isEmpty() ? List.of() : new ArrayList<>(samples.get(0).counters().asSysfsMap()
                .keySet());
        out.write("time_s");
        for (String n : names) {
            out.write(',');
            out.write(n);
        }
        out.write('\n');
        for (CounterSample s : samples) {
            out.write(Double.toString(s.timeNanos() / 1e9));
            for (String v : s.counters().asSysfsMap().values()) {
                out.write(',');
                out.write(v.contains(" ") ? '"' + v + '"' : v);
            }
            out.write('\n');
        }
    }

    /** The time series as JSON ({@code samples}), with the final counters and ksm_stat of {@code last}. */
    public static void writeJson(List<CounterSample> samples, KsmSnapshot last, Writer out) throws IOException {
        List<Object> list = new ArrayList<>();
        for (CounterSample s : samples) {
            list.add(row(s.timeNanos(), s.counters()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("samples", list);
        if (last != null) {
            Map<String, Object> fin = row(last.timeNanos(), last.counters());
            List<Object> procs = new ArrayList<>();
            for (ProcessKsmStat p : last.processes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pid", (long) p.pid());
                m.put("name", p.name());
                m.put("ksm_rmap_items", p.ksmRmapItems());
                m.put("ksm_zero_pages", p.ksmZeroPages());
                m.put("ksm_merging_pages", p.ksmMergingPages());
                m.put("ksm_process_profit", p.ksmProcessProfit());
                m.put("ksm_merge_any", p.ksmMergeAny() ? 1L : 0L);
                m.put("ksm_mergeable", p.ksmMergeable() ? 1L : 0L);
                procs.add(m);
            }
            fin.put("processes", procs);
            fin.put("ksmd_cpu_share", last.ksmdCpuShare());
            root.put("final", fin);
        }
        out.write(Json.writePretty(root));
        out.write('\n');
    }

    private static Map<String, Object> row(long nanos, KsmCounters k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time_s", nanos / 1e9);
        for (Map.Entry<String, String> e : k.asSysfsMap().entrySet()) {
            String v = e.getValue();
            m.put(e.getKey(), e.getKey().equals("advisor_mode") ? v : (Object) Long.parseLong(v));
        }
        return m;
    }
}
