package org.ksmstudio.engine.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.scenario.Volatility;

/**
 * Runs the cases of a reference file through the engine the way the measurements were taken on
 * the kernel: tunables, run=1, then each phase's action and a wait for convergence (two full
 * scans without a change), and compares every phase.
 */
public final class ReferenceRunner {
    /** Region name used for the reference workloads. */
    public static final String REGION = "region";
    private static final Duration CONVERGE_LIMIT = Duration.ofHours(2);
    private static final int FIRST_PID = 1000;
    /**
     * Time between the harness seeing a phase converge and the next phase's action: the kernel data
     * show it (after_cow of the reference file: 700 pages, 7 wake-ups of ksmd, fewer scanned to the
     * last change than with an immediate write), as a polling harness would.
     */
    public static final Duration HARNESS_DELAY = Duration.ofMillis(170);

    private ReferenceRunner() {
    }

    /** Runs every case; {@code sink} receives each phase result as soon as it is known. */
    public static List<PhaseResult> run(ReferenceFile file, Consumer<PhaseResult> sink) {
        List<PhaseResult> all = new ArrayList<>();
        for (ReferenceCase c : file.cases()) {
            for (PhaseResult r : runCase(file.pageSize(), c)) {
                all.add(r);
                sink.accept(r);
            }
        }
        return all;
    }

    /** The scenario of a case (tunables at their kernel defaults, run=0: the case writes them). */
    public static Scenario scenarioOf(int pageSize, ReferenceCase c) {
        ReferenceCase.Workload w = c.workload();
        long body = (long) w.distinctContents() * w.copiesPerContent() + w.uniquePages() + w.zeroPages();
        if (body != w.pagesPerProcess()) {
            throw new ScenarioException(c.name() + ".workload.pages_per_process", w.pagesPerProcess(),
                    "differs from distinct_contents x copies_per_content + unique_pages + zero_pages = " + body);
        }
        if (w.processes() < 1) {
            throw new ScenarioException(c.name() + ".workload.processes", w.processes(), "must be >= 1");
        }
        Layout layout = switch (w.layout()) {
            case "block" -> Layout.BLOCK;
            case "interleave", "interleaved" -> Layout.INTERLEAVE;
            default -> throw new ScenarioException(c.name() + ".workload.layout", w.layout(),
                    "expected block or interleave");
        };
        List<ContentGroup> groups = new ArrayList<>();
        if (w.distinctContents() > 0 && w.copiesPerContent() > 0) {
            groups.add(new ContentGroup(ContentGroup.Kind.DUPLICATES, w.distinctContents(), w.copiesPerContent(),
                    layout, 0, w.sameContentsInEveryProcess() ? ContentSharing.SHARED_ACROSS_PROCESSES
                            : ContentSharing.SALTED, null));
        }
        if (w.uniquePages() > 0) {
            groups.add(ContentGroup.unique(w.uniquePages()));
        }
        if (w.zeroPages() > 0) {
            groups.add(ContentGroup.zero(w.zeroPages()));
        }
        Scenario.Builder b = Scenario.builder().name(c.name())
                .topology(new Topology("x86_64", pageSize, 2,
                        Topology.singleNode(64L << 30, 2).nodes(), List.of()))
                .tunables(KsmTunables.DEFAULTS)
                .run(RunSettings.converge());
        for (int i = 0; i < w.processes(); i++) {
            b.process(ProcessSpec.of(FIRST_PID + i, "ksm-workload",
                    new MergeableRegion(REGION, MergeMode.MADV_MERGEABLE, groups, Volatility.NONE)));
        }
        return b.build();
    }

    /** Runs one case and compares its phases. */
    public static List<PhaseResult> runCase(int pageSize, ReferenceCase c) {
        List<PhaseResult> results = new ArrayList<>();
        KsmSimulation sim = KsmSimulation.create(scenarioOf(pageSize, c));
        for (Map.Entry<String, String> t : c.tunables().entrySet()) {
            SysfsResult r = sim.writeSysfs(t.getKey(), t.getValue());
            if (!r.ok()) {
                throw new ScenarioException(c.name() + ".tunables." + t.getKey(), t.getValue(), r.message());
            }
        }
        for (ReferenceCase.Phase p : c.phases()) {
            results.add(runPhase(sim, c, p));
        }
        return results;
    }

    private static PhaseResult runPhase(KsmSimulation sim, ReferenceCase c, ReferenceCase.Phase p) {
        List<PhaseResult.Check> checks = new ArrayList<>();
        if (!p.start()) {
            sim.runFor(HARNESS_DELAY);
        }
        boolean converge = true;
        if (p.start()) {
            sim.writeSysfs("run", "1");
        } else if (p.write() != null) {
            ReferenceCase.Write w = p.write();
            NewContent content = w.newContent().equals("same") ? NewContent.SAME : NewContent.UNIQUE;
            int n = w.inEveryProcess() ? c.workload().processes() : 1;
            List<Integer> pids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pids.add(FIRST_PID + i);
            }
            // one write action: in every process it is one sequence on one CPU (one LRU add batch)
            long to = Math.min(w.toPage(), c.workload().pagesPerProcess());
            sim.writePagesInProcesses(pids, REGION, Math.min(w.fromPage(), to), to, w.every(), content);
        } else if (!p.sysfs().isEmpty()) {
            for (ReferenceCase.SysfsWrite s : p.sysfs()) {
                SysfsResult r = sim.writeSysfs(s.file(), s.value());
                String got = r.outcome() == SysfsResult.Outcome.OK ? "ok" : r.outcome().name();
                if (s.result() != null) {
                    checks.add(new PhaseResult.Check("write:" + s.file() + "=" + s.value(), s.result(), got,
                            s.result().equalsIgnoreCase(got), ""));
                }
            }
            converge = "1".equals(sim.readSysfs("run"));
        }
        // A wait action lets the workload run first; the phase is measured from its end (the
        // kernel data of "wait" phases only fit a baseline taken after the wait). A wait of N full
        // scans snapshots right after the N-th, as the kernel harness does, without converging.
        if (p.waitSeconds() > 0) {
            sim.runFor(Duration.ofNanos((long) (p.waitSeconds() * 1e9)));
        }
        for (long i = 0; i < p.waitFullScans(); i++) {
            sim.stepFullScan();
        }
        boolean afterScans = p.waitFullScans() > 0;
        converge &= !afterScans;
        sim.markPhaseStart();
        KsmSnapshot start = sim.snapshot();
        boolean converged = true;
        if (converge) {
            converged = sim.runUntilConverged(CONVERGE_LIMIT);
        } else if (!afterScans) {
            sim.runFor(Duration.ofSeconds(1));
        }
        KsmSnapshot end = sim.snapshot();
        compareCounters(sim, end.counters(), p.expect(), checks);
        KsmSimulation.LastChange lc = sim.lastChange();
        if (converge && !converged) {
            checks.add(new PhaseResult.Check("converged", "yes", "no", false, "within " + CONVERGE_LIMIT));
        }
        if (converge && p.fullScansToLastChange() >= 0) {
            long got = lc.fullScans() - start.counters().fullScans();
            checks.add(new PhaseResult.Check("full_scans_to_last_change", Long.toString(p.fullScansToLastChange()),
                    Long.toString(got), Math.abs(got - p.fullScansToLastChange()) <= 1, ""));
        }
        if (converge && !Double.isNaN(p.wallSecondsToLastChange())) {
            double got = (lc.timeNanos() - start.timeNanos()) / 1e9;
            double exp = p.wallSecondsToLastChange();
            boolean timed = end.counters().sleepMillisecs() > 0;
            boolean ok = !timed || Math.abs(got - exp) <= 0.10 * exp + 1e-9;
            checks.add(new PhaseResult.Check("wall_s_to_last_change", fmt(exp), fmt(got), ok,
                    timed ? "" : "sleep 0: not compared"));
        }
        List<ProcessKsmStat> procs = end.processes();
        for (int i = 0; i < p.perProcess().size(); i++) {
            Map<String, Long> exp = p.perProcess().get(i);
            ProcessKsmStat ps = i < procs.size() ? procs.get(i) : null;
            for (Map.Entry<String, Long> e : exp.entrySet()) {
                Long got = ps == null ? null : procValue(ps, e.getKey());
                checks.add(new PhaseResult.Check("p" + i + "." + e.getKey(), Long.toString(e.getValue()),
                        String.valueOf(got), got != null && got.longValue() == e.getValue(), ""));
            }
        }
        return new PhaseResult(c.name(), p.name(), checks);
    }

    private static void compareCounters(KsmSimulation sim, KsmCounters k, Map<String, String> expect,
            List<PhaseResult.Check> checks) {
        boolean smart = k.smartScan() == 1;
        Long eu = number(expect.get("pages_unshared"));
        Long ev = number(expect.get("pages_volatile"));
        boolean sumOk = eu != null && ev != null && eu + ev == k.pagesUnshared() + k.pagesVolatile();
        for (Map.Entry<String, String> e : expect.entrySet()) {
            String name = e.getKey();
            Long exp = number(e.getValue());
            String got;
            try {
                got = exp != null ? Long.toString(k.value(name)) : sim.readSysfs(name);
            } catch (IllegalArgumentException unknown) {
                checks.add(new PhaseResult.Check(name, e.getValue(), "?", false, "unknown file"));
                continue;
            }
            boolean ok = exp != null ? got.equals(Long.toString(exp)) : got.equals(e.getValue().strip());
            String note = "";
            if (!ok && smart && sumOk && (name.equals("pages_unshared") || name.equals("pages_volatile"))) {
                ok = true;
                note = "sum";
            }
            checks.add(new PhaseResult.Check(name, e.getValue(), got, ok, note));
        }
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Long procValue(ProcessKsmStat ps, String key) {
        return switch (key) {
            case "ksm_rmap_items" -> ps.ksmRmapItems();
            case "ksm_merging_pages" -> ps.ksmMergingPages();
            case "ksm_zero_pages" -> ps.ksmZeroPages();
            case "ksm_process_profit" -> ps.ksmProcessProfit();
            case "ksm_merge_any" -> ps.ksmMergeAny() ? 1L : 0L;
            case "ksm_mergeable" -> ps.ksmMergeable() ? 1L : 0L;
            default -> null;
        };
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
