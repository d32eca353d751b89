package org.ksmstudio.engine.rmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.io.JsonFields;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.scenario.Volatility;

/**
 * The {@code rmap_walks} rows of a reference file ({@code ksmstudio-kernel-reference-1}): each row is
 * replayed on the "this machine" cost model (ptes_total equal pages in one process, or in a parent and
 * children forked after the fill sharing its anon_vma tree; ksmd merges them with the row's
 * max_page_sharing; then the KSM page of the parent's first page is migrated) and passes when the
 * simulated time is within 25% of the measured median.
 */
public final class RmapWalkReference {
    /** Largest relative error a row may have. */
    public static final double TOLERANCE = 0.25;
    private static final String REGION = "ksm-walk";

    private RmapWalkReference() {
    }

    /** One measured row. */
    public record Row(int index, int ptesTotal, int maxPageSharing, int ptesOnMigratedPage, int processes,
            double minMs, double medianMs, double maxMs) {
    }

    /**
     * A replayed row.
     *
     * @param row          the row
     * @param simulatedMs  simulated time of the migration
     * @param mappingsOnPage rmap items of the migrated KSM page (compare with ptes_on_migrated_page)
     */
    public record Result(Row row, double simulatedMs, int mappingsOnPage) {

        public double error() {
            return (simulatedMs - row.medianMs()) / row.medianMs();
        }

        public boolean passed() {
            return Math.abs(error()) <= TOLERANCE;
        }

        /** One line: the row, expected and simulated time, the verdict. */
        public String line() {
            return String.format(Locale.ROOT,
                    "rmap_walks[%d] %d PTEs, max_page_sharing %d, %d on page, %d process%s: expected %.3f ms "
                            + "(%.3f..%.3f), simulated %.3f ms (%+.1f%%) %s",
                    row.index(), row.ptesTotal(), row.maxPageSharing(), row.ptesOnMigratedPage(), row.processes(),
                    row.processes() == 1 ? "" : "es", row.medianMs(), row.minMs(), row.maxMs(), simulatedMs,
                    error() * 100, passed() ? "PASS" : "FAIL");
        }
    }

    /** The rows of a parsed reference file (empty when it has none); errors name the JSON path. */
    public static List<Row> rows(JsonNode root) {
        ObjectNode m = JsonFields.object(root, "$");
        List<Row> rows = new ArrayList<>();
        if (!m.has("rmap_walks")) {
            return rows;
        }
        ArrayNode list = JsonFields.array(m.get("rmap_walks"), "$.rmap_walks");
        for (int i = 0; i < list.size(); i++) {
            String p = "$.rmap_walks[" + i + "]";
            ObjectNode r = JsonFields.object(list.get(i), p);
            String tp = p + ".migrate_one_page_ms";
            ObjectNode t = JsonFields.object(JsonFields.member(r, "migrate_one_page_ms", p), tp);
            int total = positive(r, "ptes_total", p);
            int procs = r.has("processes") ? positive(r, "processes", p) : 1;
            rows.add(new Row(i, total, positive(r, "max_page_sharing", p), positive(r, "ptes_on_migrated_page", p),
                    procs, milliseconds(t, "min", tp), milliseconds(t, "median", tp), milliseconds(t, "max", tp)));
        }
        return rows;
    }

    private static int positive(ObjectNode r, String key, String path) {
        return JsonFields.intIn(JsonFields.member(r, key, path), path + "." + key, 1, 1 << 28);
    }

    private static double milliseconds(ObjectNode t, String key, String path) {
        return JsonFields.number(JsonFields.member(t, key, path), path + "." + key, 0, 3_600_000);
    }

    /** Replays one row. */
    public static Result run(Row row) {
        // the reference VM has one node; a second node at distance 10 stands for the offlined block's target
        Topology t = new Topology("x86_64", 4096, 2, List.of(new NumaNode(0, 64L << 30, List.of(0, 1)),
                new NumaNode(1, 64L << 30, List.of())), List.of(List.of(10, 10), List.of(10, 10)));
        int perProcess = Math.max(1, row.ptesTotal() / row.processes());
        MergeableRegion region = new MergeableRegion(REGION, MergeMode.MADV_MERGEABLE,
                List.of(ContentGroup.duplicates(1, perProcess, Layout.BLOCK)), Volatility.NONE);
        Scenario.Builder b = Scenario.builder().name("rmap_walks[" + row.index() + "]").topology(t)
                .costModel(CostModel.THIS_MACHINE)
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(10_000).withMaxPageSharing(
                        row.maxPageSharing()))
                .run(new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofSeconds(10)));
        b.process(new ProcessSpec(100, "ksm-walk", 0, List.of(), false, false, 0, ForkPoint.AFTER_FILL,
                List.of(region)));
        for (int c = 1; c < row.processes(); c++) {
            b.process(new ProcessSpec(100 + c, "ksm-walk", 0, List.of(), false, false, 100, ForkPoint.AFTER_FILL,
                    List.of()));
        }
        KsmSimulation sim = KsmSimulation.create(b.build());
        sim.runUntilConverged(Duration.ofHours(24));
        OperationResult r = sim.movePages(100, REGION, 0, 1, 1);
        int mappings = 0;
        for (StableEntry e : sim.stableTree(Integer.MAX_VALUE).entries()) {
            for (DupView d : e.dups()) {
                if (d.node() == 1) {
                    mappings += d.rmapItemCount(); // the only KSM page on node 1 is the migrated one
                }
            }
        }
        return new Result(row, r.latencyNanos() / 1e6, mappings);
    }
}
