package org.ksmstudio.engine.sweep;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.Scenario;

/**
 * Side-by-side comparison of policies on the same scenario: one run per policy, in parallel, and
 * their table (worst walk, p99 migration latency per node, pages saved, KSM pages, extra pages for
 * dups, ksmd CPU share, failures).
 */
public final class Comparison {
    private Comparison() {
    }

    /** Runs {@code scenario} once per policy on {@code runner}; results in policy order. */
    public static List<SweepResult> run(Scenario scenario, List<String> policies, SweepRunner runner,
            SweepRunner.@Nullable Progress progress) {
        SweepPlan plan = new SweepPlan(scenario.name(), List.of(), policies);
        return runner.run(plan.units(), RunPlan.of(scenario), progress);
    }

    /** The comparison as a table. */
    public static SweepTable table(Scenario scenario, List<String> policies) {
        return new SweepTable(run(scenario, policies, SweepRunner.localCores(), null));
    }
}
