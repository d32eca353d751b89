package org.ksmstudio.engine.rmap.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Topology;

/** Scenarios of the rmap tests, built with the engine's scenario builder. */
final class RmapScenarios {
    static final String REGION = "heap";

    private RmapScenarios() {
    }

    /** A region of {@code pages} copies of one content (shared across processes). */
    static MergeableRegion identical(String name, int pages) {
        return new MergeableRegion(name, MergeMode.MADV_MERGEABLE, List.of(ContentGroup.duplicates(1, pages,
                Layout.BLOCK)), null);
    }

    /** {@code nodes} nodes of {@code cpusPerNode} CPUs; distance 10 local, {@code remote} between nodes. */
    static Topology numa(int nodes, int cpusPerNode, int remote) {
        List<NumaNode> list = new ArrayList<>();
        List<List<Integer>> distance = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            List<Integer> cpus = new ArrayList<>();
            for (int c = 0; c < cpusPerNode; c++) {
                cpus.add(n * cpusPerNode + c);
            }
            list.add(new NumaNode(n, 64L << 30, cpus));
            List<Integer> row = new ArrayList<>();
            for (int m = 0; m < nodes; m++) {
                row.add(m == n ? 10 : remote);
            }
            distance.add(row);
        }
        return new Topology("x86_64", 4096, nodes * cpusPerNode, list, distance);
    }

    static ProcessSpec process(int pid, int node, List<Integer> cpus, boolean active, boolean kvm,
            MergeableRegion region) {
        return new ProcessSpec(pid, "p" + pid, node, cpus, active, kvm, 0, ForkPoint.AFTER_FILL, List.of(region));
    }

    static ProcessSpec forkOf(int pid, int parent, List<Integer> cpus, boolean active) {
        return new ProcessSpec(pid, "c" + pid, 0, cpus, active, false, parent, ForkPoint.AFTER_FILL, List.of());
    }

    /** Fast ksmd (10,000 pages per 20 ms wake-up) with a sharing limit, run until converged. */
    static KsmTunables fastKsmd(int maxPageSharing) {
        return KsmTunables.DEFAULTS.withRun(1).withPagesToScan(10_000).withSleepMillisecs(20)
                .withMaxPageSharing(maxPageSharing);
    }

    static RunSettings converge(String policy) {
        return new RunSettings(Duration.ZERO, true, 1, policy, Duration.ofSeconds(1));
    }

    /**
     * The 2016 linux-mm thread (issue 3's example): 96 KVM guests (one vCPU each, running) on a 64-CPU,
     * 4-node host, each filling 65,536 pages (256 MiB) with the same content, and a test program with one
     * more such page, on CPU 0, that calls migrate_pages() every second, alternately to node 1 and node 2
     * (from any node, as its old_nodes mask is every node), ten times from t = 120 s (ksmd has merged
     * every page by then: the chain of 24,576 dups takes it about 95 s).
     */
    static Scenario kvmHost2016(String policy, int maxPageSharing, int guestPages) {
        Scenario.Builder b = Scenario.builder().name("2016 sharing limit").topology(numa(4, 16, 21))
                .costModel(CostModel.KVM_HOST_2016)
                .tunables(KsmTunables.DEFAULTS.withRun(1).withPagesToScan(20_000).withSleepMillisecs(10)
                        .withMaxPageSharing(maxPageSharing))
                .run(new RunSettings(Duration.ofSeconds(130), false, 1, policy, Duration.ofSeconds(1)));
        b.process(process(1000, 1, List.of(0), true, false, identical("buffer", 1)));
        for (int g = 0; g < 96; g++) {
            int cpu = 1 + g % 63;
            b.process(new ProcessSpec(2001 + g, "qemu-vm" + (g + 1), g % 4, List.of(cpu), true, true, 0,
                    ForkPoint.AFTER_FILL, List.of(identical("guest-ram", guestPages))));
        }
        for (int i = 0; i < 10; i++) {
            b.event(new TimelineEvent.MigratePages(Duration.ofSeconds(120 + i), 1000, -1, i % 2 == 0 ? 1 : 2));
        }
        return b.build();
    }
}
