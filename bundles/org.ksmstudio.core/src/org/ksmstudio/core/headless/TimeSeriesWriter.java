package org.ksmstudio.core.headless;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ksmstudio.core.run.CheckpointResult;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.ProcessKsmStat;

/** Writes the counters' time series of headless runs as JSON or CSV. */
final class TimeSeriesWriter {

    private TimeSeriesWriter() {
    }

    /** One row per sample and policy: policy, time_s, then every numeric sysfs counter. */
    static String csv(List<RunResult> results) {
        StringBuilder csv = new StringBuilder("policy,time_s");
        for (String name : numericNames()) {
            csv.append(',').append(name);
        }
        csv.append('\n');
        for (RunResult result : results) {
            for (CounterSample sample : result.samples()) {
                csv.append(result.policy()).append(',').append(seconds(sample.timeNanos()));
                for (String name : numericNames()) {
                    csv.append(',').append(sample.counters().value(name));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** {"scenario": ..., "runs": [{"policy", "final", "processes", "checkpoints", "samples"}]}. */
    static String json(String scenario, List<RunResult> results) {
        StringBuilder json = new StringBuilder("{\n  \"scenario\": ").append(string(scenario)).append(",\n  \"runs\": [");
        for (int r = 0; r < results.size(); r++) {
            RunResult result = results.get(r);
            json.append(r == 0 ? "\n" : ",\n").append("    {\n      \"policy\": ").append(string(result.policy()))
                    .append(",\n      \"time_s\": ").append(seconds(result.last().timeNanos()))
                    .append(",\n      \"final\": ").append(counters(result.last().counters()))
                    .append(",\n      \"processes\": [");
            List<ProcessKsmStat> processes = result.last().processes();
            for (int i = 0; i < processes.size(); i++) {
                ProcessKsmStat p = processes.get(i);
                json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"pid\": %d, \"ksm_rmap_items\": %d, \"ksm_zero_pages\": %d, \"ksm_merging_pages\": %d, "
                                + "\"ksm_process_profit\": %d}",
                        p.pid(), p.ksmRmapItems(), p.ksmZeroPages(), p.ksmMergingPages(), p.ksmProcessProfit()));
            }
            json.append("],\n      \"checkpoints\": [");
            for (int i = 0; i < result.checkpoints().size(); i++) {
                CheckpointResult c = result.checkpoints().get(i);
                json.append(i == 0 ? "\n" : ",\n").append("        {\"name\": ").append(string(c.name()))
                        .append(", \"time_s\": ").append(seconds(c.timeNanos())).append(", \"matches\": ")
                        .append(c.matches()).append(", \"values\": [");
                for (int j = 0; j < c.comparisons().size(); j++) {
                    CheckpointResult.Comparison v = c.comparisons().get(j);
                    json.append(j == 0 ? "" : ", ").append("{\"counter\": ").append(string(v.counter()))
                            .append(", \"pid\": ").append(v.pid()).append(", \"expected\": ").append(v.expected())
                            .append(", \"simulated\": ").append(v.simulated()).append(", \"matches\": ").append(v.matches()).append('}');
                }
                json.append("]}");
            }
            json.append(result.checkpoints().isEmpty() ? "]" : "\n      ]").append(",\n      \"samples\": [");
            for (int i = 0; i < result.samples().size(); i++) {
                CounterSample s = result.samples().get(i);
                json.append(i == 0 ? "\n" : ",\n").append("        {\"time_s\": ").append(seconds(s.timeNanos()))
                        .append(", \"counters\": ").append(counters(s.counters())).append('}');
            }
            json.append(result.samples().isEmpty() ? "]" : "\n      ]").append("\n    }");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static String counters(KsmCounters counters) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : counters.asSysfsMap().entrySet()) {
            json.append(first ? "" : ", ").append(string(e.getKey())).append(": ");
            json.append("advisor_mode".equals(e.getKey()) ? string(counters.advisorMode()) : e.getValue());
            first = false;
        }
        return json.append('}').toString();
    }

    private static List<String> numericNames() {
        return List.of(KsmCounters.COUNTER_NAMES);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
