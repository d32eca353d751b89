package org.ksmstudio.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.io.Text;

/**
 * The table of a sweep or a comparison: one row per unit, the swept parameters, the policy, then
 * worst walk, longest R-state stretch, p99 page migration latency per node, pages saved, KSM pages,
 * extra pages for dups, general_profit, ksmd CPU share and failures. Written as aligned text, CSV or JSON.
 */
public final class SweepTable {
    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<SweepResult> results;

    public SweepTable(List<SweepResult> results) {
        this.results = List.copyOf(results);
        int nodes = 0;
        List<String> params = new ArrayList<>();
        for (SweepResult r : results) {
            nodes = Math.max(nodes, r.p99MigrationNanos().size());
            for (String k : r.unit().parameters().keySet()) {
                if (!params.contains(k)) {
                    params.add(k);
                }
            }
        }
        header.addAll(params);
        header.add("policy");
        header.add("worst_walk_ms");
        header.add("longest_r_stretch_ms");
        for (int n = 0; n < nodes; n++) {
            header.add("p99_migration_ms_node" + n);
        }
        header.add("pages_saved");
        header.add("ksm_pages");
        header.add("extra_dup_pages");
        header.add("general_profit");
        header.add("ksmd_cpu_pct");
        header.add("failures");
        header.add("error");
        for (SweepResult r : results) {
            List<String> row = new ArrayList<>();
            for (String k : params) {
                row.add(r.unit().parameters().getOrDefault(k, ""));
            }
            row.add(r.unit().policy());
            row.add(ms(r.worstWalkNanos()));
            row.add(ms(r.longestStretchNanos()));
            for (int n = 0; n < nodes; n++) {
                row.add(n < r.p99MigrationNanos().size() ? ms(r.p99MigrationNanos().get(n)) : "");
            }
            row.add(Long.toString(r.pagesSaved()));
            row.add(Long.toString(r.ksmPages()));
            row.add(Long.toString(r.extraDupPages()));
            row.add(Long.toString(r.generalProfit()));
            row.add(String.format(Locale.ROOT, "%.2f", r.ksmdCpuShare() * 100));
            row.add(Long.toString(r.failures()));
            String error = r.error();
            row.add(error == null ? "" : error);
            rows.add(row);
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    public List<String> header() {
        return List.copyOf(header);
    }

    public List<List<String>> rows() {
        return rows.stream().map(List::copyOf).toList();
    }

    /** Aligned columns for a terminal, one line per row (cells with control characters escaped). */
    public String toText() {
        List<List<String>> shown = rows.stream().map(r -> r.stream().map(Text::oneLine).toList()).toList();
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : shown) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, w);
        for (List<String> r : shown) {
            line(b, r, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            l.append(" ".repeat(i == 0 ? 0 : 2));
            l.append(" ".repeat(Math.max(0, w[i] - c.length()))).append(c);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    /** CSV ({@link CsvTables}) with a header line. */
    public String toCsv() {
        return CsvTables.text(header, rows);
    }

    /** JSON: {"runs": [{"parameters": {...}, "policy": ..., metrics in ns and pages, "error": ...}]}. */
    public String toJson() {
        List<Object> runs = new ArrayList<>();
        for (SweepResult r : results) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("parameters", new LinkedHashMap<String, Object>(r.unit().parameters()));
            m.put("policy", r.unit().policy());
            m.put("error", r.error());
            m.put("simulated_ns", r.simulatedNanos());
            m.put("worst_walk_ns", r.worstWalkNanos());
            m.put("longest_r_stretch_ns", r.longestStretchNanos());
            m.put("p99_migration_ns_per_node", new ArrayList<Object>(r.p99MigrationNanos()));
            m.put("max_migration_ns_per_node", new ArrayList<Object>(r.maxMigrationNanos()));
            m.put("pages_saved", r.pagesSaved());
            m.put("ksm_pages", r.ksmPages());
            m.put("extra_dup_pages", r.extraDupPages());
            m.put("general_profit", r.generalProfit());
            m.put("ksmd_cpu_share", r.ksmdCpuShare());
            m.put("failures", r.failures());
            runs.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "ksmstudio-sweep-1");
        root.put("runs", runs);
        return StrictJson.write(root);
    }
}
