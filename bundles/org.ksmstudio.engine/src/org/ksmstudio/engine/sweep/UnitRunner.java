package org.ksmstudio.engine.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.policy.PolicyParameters;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/** Runs one {@link SweepUnit} on a scenario: applies its parameters and policy, simulates, measures. */
public final class UnitRunner {
    private UnitRunner() {
    }

    /** The scenario with the unit's tunables, seed and policy applied. */
    public static Scenario configure(Scenario base, SweepUnit unit) {
        KsmTunables t = base.tunables();
        RunSettings run = base.run();
        Map<String, String> policyParams = new LinkedHashMap<>();
        String policyName = PolicyParameters.baseName(unit.policy());
        for (Map.Entry<String, String> e : unit.parameters().entrySet()) {
            String name = e.getKey();
            String v = e.getValue();
            int dot = name.indexOf('.');
            if (dot > 0) {
                if (name.substring(0, dot).equals(policyName)) {
                    policyParams.put(name.substring(dot + 1), v);
                }
                continue;
            }
            if (name.equals("seed")) {
                run = new RunSettings(run.duration(), run.untilConverged(), integer(name, v), run.policy(),
                        run.sampleInterval());
                continue;
            }
            t = tunable(t, name, v);
        }
        StringBuilder spec = new StringBuilder(unit.policy());
        String sep = unit.policy().contains(":") ? "," : ":";
        for (Map.Entry<String, String> e : policyParams.entrySet()) {
            spec.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        SharingPolicies.byName(spec.toString()); // fails early, naming the policy or parameter
        run = new RunSettings(run.duration(), run.untilConverged(), run.seed(), spec.toString(), run.sampleInterval());
        return new Scenario(base.name(), base.topology(), base.workload(), t, base.costModel(), base.timeline(), run);
    }

    /** A tunable set by its /sys/kernel/mm/ksm name, checked by the rules of {@link KsmSysfsFile}. */
    static KsmTunables tunable(KsmTunables t, String name, String v) {
        KsmSysfsFile file = KsmSysfsFile.byName(name).filter(f -> f.writable() && f != KsmSysfsFile.RUN)
                .orElseThrow(() -> new IllegalArgumentException("--param " + name + ": not a swept tunable (use a "
                        + "/sys/kernel/mm/ksm name such as max_page_sharing, seed, or POLICY.PARAM)"));
        KsmSysfsFile.Parsed value = file.parse(v.strip());
        if (!value.ok()) {
            throw new IllegalArgumentException("--param " + name + " = " + v + ": " + value.reason());
        }
        return t.with(file, value.value());
    }

    private static long integer(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param " + name + " = " + v + ": not an integer");
        }
    }

    /**
     * Runs the unit on {@code base}: its parameters and policy applied to the plan's scenario, the
     * whole plan walked by the one stepper; a bad parameter or scenario gives a failed result.
     */
    public static SweepResult run(RunPlan base, SweepUnit unit) {
        KsmSimulation sim;
        try {
            sim = SimulationRun.start(base.withScenario(configure(base.scenario(), unit))).runToEnd().simulation();
        } catch (RuntimeException e) {
            return SweepResult.failed(unit, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return measure(unit, sim);
    }

    /**
     * The sweep table's values of a finished simulation of {@code unit}: simulated time, worst walk and
     * R-state stretch, migration p99 and max per node, pages saved, KSM pages, extra dup pages,
     * general_profit, ksmd CPU share, failures.
     */
    public static SweepResult measure(SweepUnit unit, KsmSimulation sim) {
        RmapReport r = sim.rmapReport();
        KsmSnapshot snap = sim.snapshot();
        return new SweepResult(unit, null, snap.timeNanos(), r.longestWalkNanos(), r.longestStretchNanos(),
                r.migrationP99Nanos(), r.migrationMaxNanos(),
                snap.counters().pagesSharing() + snap.counters().ksmZeroPages(), r.memory().ksmPages(),
                r.memory().extraDupPages(), snap.counters().generalProfit(), snap.ksmdCpuShare(), r.failures());
    }
}
