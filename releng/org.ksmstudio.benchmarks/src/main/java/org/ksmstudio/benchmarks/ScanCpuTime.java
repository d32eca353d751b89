package org.ksmstudio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;

/**
 * The engine's speed in thread CPU time, which a machine shared with other work does not distort
 * as it does wall time (not a JMH benchmark: JMH measures wall time). For each size: the CPU time
 * to build the workload, each of the first three full scans from scratch (page visits: every page
 * of every scan, the skipped ones included, as {@link ScanBenchmark#fromScratch}), and one more
 * full scan of the converged workload; and the heap held after the build and after the four scans
 * (measured after full garbage collections, outside the timed parts). Usage: {@code java -Xmx12g -cp
 * benchmarks.jar org.ksmstudio.benchmarks.ScanCpuTime 1048576 16777216}.
 */
public final class ScanCpuTime {
    private ScanCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String a : args.length == 0 ? new String[] { "1048576" } : args) {
            int pages = Integer.parseInt(a);
            long base = HeapFootprint.used();
            long t0 = mx.getCurrentThreadCpuTime();
            KsmSimulation sim = KsmSimulation.create(Workloads.host(pages, 65536));
            long built = mx.getCurrentThreadCpuTime() - t0;
            long heapBuilt = HeapFootprint.used() - base;
            long[] scan = new long[4];
            StringBuilder scans = new StringBuilder();
            for (int i = 0; i < scan.length; i++) {
                long s0 = mx.getCurrentThreadCpuTime();
                sim.stepFullScan();
                scan[i] = mx.getCurrentThreadCpuTime() - s0;
                scans.append(String.format("  scan %d %,d ms", i + 1, scan[i] / 1_000_000));
            }
            long firstThree = scan[0] + scan[1] + scan[2];
            long heapScanned = HeapFootprint.used() - base;
            KsmCounters k = sim.snapshot().counters();
            System.out.printf("pages %,d  guests %d  build %,d ms%s%n", pages, Workloads.hostGuests(pages),
                    built / 1_000_000, scans);
            System.out.printf("  first three full scans: %.1f M page visits per CPU second;"
                    + " converged full scan: %.1f M pages per CPU second%n",
                    3.0 * pages / (firstThree / 1e9) / 1e6, pages / (scan[3] / 1e9) / 1e6);
            System.out.printf("  pages_shared %,d pages_sharing %,d pages_unshared %,d stable_node_dups %,d"
                    + " full_scans %d%n", k.pagesShared(), k.pagesSharing(), k.pagesUnshared(), k.stableNodeDups(),
                    k.fullScans());
            System.out.printf("  heap after the build %,d MiB (%.1f bytes/page), after the scans %,d MiB (%.1f bytes/page)%n",
                    heapBuilt >> 20, heapBuilt / (double) pages, heapScanned >> 20, heapScanned / (double) pages);
            System.out.printf("  first three full scans %.1f s of CPU time%n", firstThree / 1e9);
        }
    }
}
