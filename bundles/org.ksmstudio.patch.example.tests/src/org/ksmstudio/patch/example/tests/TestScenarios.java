package org.ksmstudio.patch.example.tests;

import java.time.Duration;

import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Volatility;

/** Small scenarios built through the engine's public scenario API. */
final class TestScenarios {
    static final String REGION = "heap";

    private TestScenarios() {
    }

    /** {@code procs} processes with {@code pages} pages each of 10 contents, run=1, under {@code policy}. */
    static Scenario duplicates(String policy, int procs, int pages) {
        Scenario.Builder b = Scenario.builder().name("patch test")
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(1000))
                .run(new RunSettings(Duration.ofMinutes(1), true, 1, policy, Duration.ofMillis(100)));
        for (int i = 0; i < procs; i++) {
            b.process(ProcessSpec.of(100 + i, "p" + i, new MergeableRegion(REGION, MergeMode.MADV_MERGEABLE,
                    java.util.List.of(ContentGroup.duplicates(10, pages / 10, Layout.BLOCK)), Volatility.NONE)));
        }
        return b.build();
    }
}
