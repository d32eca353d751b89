package org.ksmstudio.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NumaNode;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time to compute one migration of a KSM page mapped {@code mappings} times by 16 KVM guests
 * (no sharing limit): the exact cost of its two walks, three passes over every rmap item. The page
 * goes back and forth between two nodes. Rmap extension (docs/cost-model.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RmapWalkBenchmark {

    /** A simulation whose KSM page is mapped {@code mappings} times. */
    @State(Scope.Thread)
    public static class Merged {
        @Param({ "65536", "1048576" })
        int mappings;
        KsmSimulation sim;
        int toNode = 1;

        @Setup(Level.Trial)
        public void setUp() {
            Topology t = new Topology("x86_64", 4096, 32, List.of(new NumaNode(0, 64L << 30, List.of(0)),
                    new NumaNode(1, 64L << 30, List.of(16))), List.of(List.of(10, 21), List.of(21, 10)));
            Scenario.Builder b = Scenario.builder().topology(t).costModel(CostModel.KVM_HOST_2016)
                    .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(100_000).withMaxPageSharing(1 << 30))
                    .run(new RunSettings(Duration.ZERO, true, 1, "no-limit", Duration.ofSeconds(10)));
            for (int g = 0; g < 16; g++) {
                MergeableRegion ram = new MergeableRegion("guest-ram", MergeMode.MADV_MERGEABLE,
                        List.of(ContentGroup.duplicates(1, mappings / 16, Layout.BLOCK)), null);
                b.process(new ProcessSpec(100 + g, "vm" + g, g % 2, List.of(1 + g), true, true, 0, null,
                        List.of(ram)));
            }
            sim = KsmSimulation.create(b.build());
            sim.runUntilConverged(Duration.ofHours(10));
        }
    }

    /** One move_pages of the shared page to the other node; returns its simulated latency. */
    @Benchmark
    public long migrateSharedPage(Merged s) {
        s.toNode ^= 1;
        return s.sim.movePages(100, "guest-ram", 0, 1, s.toNode).latencyNanos();
    }
}
