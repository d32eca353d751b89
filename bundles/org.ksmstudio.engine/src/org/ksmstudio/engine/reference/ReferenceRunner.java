package org.ksmstudio.engine.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.HugePageCounters;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;

/**
 * Runs the cases of a reference file through the engine the way the measurements were taken on
 * the kernel: tunables, run=1, then each phase's action and a wait for convergence (two full
 * scans without a change), and compares every phase. Each case is a {@link RunPlan} walked by the
 * one stepper, {@link SimulationRun}.
 */
public final class ReferenceRunner {
    private static final Duration CONVERGE_LIMIT = Duration.ofHours(2);
    /**
     * Time between the harness seeing a phase converge and the next phase's action where the phase does
     * not record it ({@code action_delay_s}): the older kernel data show it (after_cow of the reference
     * file: 700 pages, 7 wake-ups of ksmd, fewer scanned to the last change than with an immediate
     * write), as a polling harness would.
     */
    public static final Duration HARNESS_DELAY = Duration.ofMillis(170);

    /** Allowed relative difference of the wall time and of ksmd's CPU time to the last change. */
    public static final double TIME_TOLERANCE = 0.10;
    /**
     * Allowed absolute difference of ksmd's CPU time to the last change, seconds: the kernel's
     * reading is taken at the first poll (10 ms apart) after the change, while ksmd may still be busy.
     */
    public static final double CPU_SLACK_SECONDS = 0.010;

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
        Topology machine = new Topology("x86_64", pageSize, 2, Topology.singleNode(64L << 30, 2).nodes(), List.of());
        if (!Double.isNaN(c.ksmdCpuSecondsBeforeStart())) {
            machine = machine.withKsmdCpuNanos(Math.round(c.ksmdCpuSecondsBeforeStart() * 1e9));
        }
        Scenario.Builder b = Scenario.builder().name(c.name())
                .topology(machine)
                .tunables(KsmTunables.DEFAULTS)
                .run(RunSettings.converge());
        for (ProcessSpec p : c.workload().processes()) {
            b.process(p);
        }
        return b.build();
    }

    /**
     * The plan of a case: each phase's action (after its recorded {@code action_delay_s}, else
     * {@link #HARNESS_DELAY}, except for the first),
     * its waits, the counters settling (converging when ksmd runs, else 1 s) and a checkpoint named
     * after the phase.
     */
    public static RunPlan planOf(int pageSize, ReferenceCase c) {
        Scenario scenario = scenarioOf(pageSize, c);
        // a write of one process goes to the first process's first region, as the kernel replay does
        ProcessSpec first = c.workload().processes().get(0);
        List<RunPlan.Step> steps = new ArrayList<>();
        for (ReferenceCase.Phase p : c.phases()) {
            if (!p.start()) {
                steps.add(new RunPlan.Advance(actionDelay(p)));
            }
            if (p.start()) {
                steps.add(new RunPlan.Fire(new TimelineEvent.SysfsWrite(Duration.ZERO, "run", "1")));
            } else if (p.write() instanceof ReferenceCase.Write w) {
                NewContent content = w.newContent().equals("same") ? NewContent.SAME : NewContent.UNIQUE;
                // one write action: in every process it is one sequence on one CPU (one LRU add batch)
                steps.add(new RunPlan.Fire(new TimelineEvent.WritePages(Duration.ZERO,
                        w.inEveryProcess() ? 0 : first.pid(), first.regions().get(0).name(), w.fromPage(), Math.max(w.fromPage(), w.toPage()),
                        w.every(), content)));
            } else {
                for (ReferenceCase.SysfsWrite write : p.sysfs()) {
                    steps.add(new RunPlan.Fire(new TimelineEvent.SysfsWrite(Duration.ZERO, write.file(), write.value())));
                }
            }
            // A wait action lets the workload run first; the phase is measured from its end (the
            // kernel data of "wait" phases only fit a baseline taken after the wait).
            if (p.waitSeconds() > 0) {
                steps.add(new RunPlan.Advance(Duration.ofNanos((long) (p.waitSeconds() * 1e9))));
            }
            // a wait of N full scans snapshots right after the N-th, as the kernel harness does, without converging
            if (p.waitFullScans() > 0) {
                steps.add(new RunPlan.FullScans(p.waitFullScans()));
            } else {
                steps.add(new RunPlan.Settle(CONVERGE_LIMIT, Duration.ofSeconds(1)));
            }
            steps.add(new RunPlan.Checkpoint(p.name(), List.of()));
        }
        // the case's length: every phase may use its whole convergence limit
        RunSettings run = new RunSettings(CONVERGE_LIMIT.plusHours(1).multipliedBy(Math.max(1, c.phases().size())),
                true, 1, "stock", RunSettings.converge().sampleInterval());
        return new RunPlan(new Scenario(scenario.name(), scenario.topology(), scenario.workload(),
                scenario.tunables(), scenario.costModel(), scenario.timeline(), run), steps);
    }

    /**
     * When the phase's action happens after the previous phase settled: as recorded, else
     * {@link #HARNESS_DELAY}. Where ksmd sleeps less than this between batches, it decides which
     * written pages ksmd's current full scan still reaches.
     */
    static Duration actionDelay(ReferenceCase.Phase p) {
        return Double.isNaN(p.actionDelaySeconds()) ? HARNESS_DELAY
                : Duration.ofNanos(Math.round(p.actionDelaySeconds() * 1e9));
    }

    /** Runs one case through the stepper and compares its phases. */
    public static List<PhaseResult> runCase(int pageSize, ReferenceCase c) {
        SimulationRun run = SimulationRun.start(planOf(pageSize, c));
        for (Map.Entry<String, String> t : c.tunables().entrySet()) {
            SysfsResult r = run.simulation().writeSysfs(t.getKey(), t.getValue());
            if (!r.ok()) {
                throw new ScenarioException(c.name() + ".tunables." + t.getKey(), t.getValue(), r.message());
            }
        }
        List<SimulationRun.Reached> reached = run.runToEnd().reached();
        List<PhaseResult> results = new ArrayList<>();
        for (int i = 0; i < c.phases().size(); i++) {
            results.add(phaseResult(c, c.phases().get(i), reached.get(i)));
        }
        return results;
    }

    private static PhaseResult phaseResult(ReferenceCase c, ReferenceCase.Phase p, SimulationRun.Reached r) {
        List<PhaseResult.Check> checks = new ArrayList<>();
        for (int i = 0; i < p.sysfs().size() && !p.start() && p.write() == null; i++) {
            ReferenceCase.SysfsWrite s = p.sysfs().get(i);
            SysfsResult result = r.writes().get(i);
            String got = result.outcome() == SysfsResult.Outcome.OK ? "ok" : result.outcome().name();
            if (s.result() instanceof String expected) {
                checks.add(new PhaseResult.Check("write:" + s.file() + "=" + s.value(), expected, got,
                        expected.equalsIgnoreCase(got), ""));
            }
        }
        SimulationRun.Phase phase = Objects.requireNonNull(r.phase(), "every phase settles before its checkpoint");
        boolean converge = phase.converging();
        KsmSnapshot end = r.snapshot();
        compareCounters(end.counters(), p.expect(), checks);
        KsmSimulation.LastChange lc = r.lastChange();
        if (converge && !phase.converged()) {
            checks.add(new PhaseResult.Check("converged", "yes", "no", false, "within " + CONVERGE_LIMIT));
        }
        String notCompared = p.timingNotCompared() == null ? "" : "not compared: " + p.timingNotCompared();
        boolean compared = notCompared.isEmpty();
        if (converge && p.fullScansToLastChange() >= 0) {
            long got = lc.fullScans() - phase.startFullScans();
            checks.add(new PhaseResult.Check("full_scans_to_last_change", Long.toString(p.fullScansToLastChange()),
                    Long.toString(got), !compared || Math.abs(got - p.fullScansToLastChange()) <= 1, notCompared));
        }
        if (converge && !Double.isNaN(p.wallSecondsToLastChange())) {
            double got = (lc.timeNanos() - phase.startNanos()) / 1e9;
            double exp = p.wallSecondsToLastChange();
            boolean timed = end.counters().sleepMillisecs() > 0;
            boolean ok = !timed || !compared || Math.abs(got - exp) <= TIME_TOLERANCE * exp + 1e-9;
            checks.add(new PhaseResult.Check("wall_s_to_last_change", fmt(exp), fmt(got), ok,
                    timed ? notCompared : "sleep 0: not compared"));
        }
        if (converge && !Double.isNaN(p.ksmdCpuSecondsToLastChange())) {
            double got = (lc.ksmdCpuNanos() - phase.startKsmdCpuNanos()) / 1e9;
            double exp = p.ksmdCpuSecondsToLastChange();
            String cpuNote = compared && p.cpuNotCompared() != null ? "not compared: " + p.cpuNotCompared() : notCompared;
            checks.add(new PhaseResult.Check("ksmd_cpu_s_to_last_change", fmt(exp), fmt(got),
                    !cpuNote.isEmpty() || Math.abs(got - exp) <= TIME_TOLERANCE * exp + CPU_SLACK_SECONDS, cpuNote));
        }
        for (Map.Entry<String, Long> e : p.vmstat().entrySet()) {
            HugePageCounters h = r.hugePages();
            long got = e.getKey().equals("thp_split_page") ? h.thpSplitPage() : h.thpSplitPageFailed();
            checks.add(new PhaseResult.Check(e.getKey(), Long.toString(e.getValue()), Long.toString(got),
                    got == e.getValue(), ""));
        }
        List<ProcessKsmStat> procs = end.processes();
        for (int i = 0; i < p.perProcess().size(); i++) {
            Map<String, Long> exp = p.perProcess().get(i);
            ProcessKsmStat ps = i < procs.size() ? procs.get(i) : null;
            for (Map.Entry<String, Long> e : exp.entrySet()) {
                Long got = ps == null || !ProcessKsmStat.FIELDS.contains(e.getKey()) ? null : ps.value(e.getKey());
                checks.add(new PhaseResult.Check("p" + i + "." + e.getKey(), Long.toString(e.getValue()),
                        String.valueOf(got), got != null && got.longValue() == e.getValue(), ""));
            }
        }
        return new PhaseResult(c.name(), p.name(), checks);
    }

    private static void compareCounters(KsmCounters k, Map<String, String> expect,
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
                got = exp != null ? Long.toString(k.value(name)) : k.asSysfsMap().get(name);
                if (got == null) {
                    throw new IllegalArgumentException(name);
                }
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

    private static @Nullable Long number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
