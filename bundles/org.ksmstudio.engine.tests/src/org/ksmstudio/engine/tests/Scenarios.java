package org.ksmstudio.engine.tests;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/** Small scenarios for tests. */
final class Scenarios {
    static final String REGION = "heap";

    private Scenarios() {
    }

    /** procs processes with n identical pages each, limit m, run=1. */
    static Scenario identicalPages(int procs, int n, int m, long pagesToScan, long sleepMs) {
        return mixed(procs, 1, n, Layout.BLOCK, 0, 0, KsmTunables.DEFAULTS.withRun(1).withMaxPageSharing(m)
                .withPagesToScan(pagesToScan).withSleepMillisecs(sleepMs), 1);
    }

    static Scenario mixed(int procs, int distinct, int copies, Layout layout, long unique, long zero,
            KsmTunables tunables, long seed) {
        List<ContentGroup> groups = new ArrayList<>();
        groups.add(ContentGroup.duplicates(distinct, copies, layout));
        if (unique > 0) {
            groups.add(ContentGroup.unique(unique));
        }
        if (zero > 0) {
            groups.add(ContentGroup.zero(zero));
        }
        Scenario.Builder b = Scenario.builder().name("test").tunables(tunables)
                .run(new RunSettings(java.time.Duration.ZERO, true, seed, "stock", java.time.Duration.ofMillis(100)));
        for (int i = 0; i < procs; i++) {
            b.process(ProcessSpec.of(100 + i, "p" + i,
                    new MergeableRegion(REGION, MergeMode.MADV_MERGEABLE, groups, Volatility.NONE)));
        }
        return b.build();
    }
}
