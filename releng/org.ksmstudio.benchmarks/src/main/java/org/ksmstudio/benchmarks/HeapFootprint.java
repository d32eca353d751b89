package org.ksmstudio.benchmarks;

import java.time.Duration;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;

/**
 * Heap held per simulated page (not a JMH benchmark: JMH does not measure retained heap).
 * Builds the host workload ({@link Workloads#host}) with N pages, runs ksmd to convergence and
 * reports used heap after full GCs, per page. Usage: {@code java -Xmx4g -cp benchmarks.jar
 * org.ksmstudio.benchmarks.HeapFootprint 16777216}.
 */
public final class HeapFootprint {
    private HeapFootprint() {
    }

    public static void main(String[] args) {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 24;
        long base = used();
        long t0 = System.nanoTime();
        KsmSimulation sim = KsmSimulation.create(Workloads.host(pages, 1 << 20));
        long t1 = System.nanoTime();
        long built = used() - base;
        sim.runUntilConverged(Duration.ofHours(100));
        long t2 = System.nanoTime();
        long converged = used() - base;
        KsmCounters k = sim.snapshot().counters();
        System.out.printf("pages %,d  max heap %,d MiB%n", pages, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("after load:        %,d MiB  %.1f bytes/page  (%.1f s)%n", built >> 20,
                built / (double) pages, (t1 - t0) / 1e9);
        System.out.printf("after convergence: %,d MiB  %.1f bytes/page  (%.1f s, %,d full scans, %,d pages scanned)%n",
                converged >> 20, converged / (double) pages, (t2 - t1) / 1e9, k.fullScans(), k.pagesScanned());
        System.out.printf("pages_shared %,d pages_sharing %,d pages_unshared %,d stable_node_dups %,d%n",
                k.pagesShared(), k.pagesSharing(), k.pagesUnshared(), k.stableNodeDups());
        System.out.printf("simulated ksmd time %.1f s; %.1f M simulated page scans per wall second%n",
                sim.snapshot().timeNanos() / 1e9, k.pagesScanned() / ((t2 - t1) / 1e9) / 1e6);
    }

    /** Used heap after full garbage collections. */
    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
