package org.ksmstudio.benchmarks;

import java.util.concurrent.TimeUnit;

import org.ksmstudio.engine.KsmSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated page scans per second of wall time on one core, 1,048,576 pages (4 guests of 1 GiB):
 * {@code steadyState} scans a converged workload (KSM pages, smart-scan skips, unstable tree
 * re-insertions), {@code fromScratch} runs ksmd from the first checksum through every merge to
 * convergence. Scores are per simulated page scanned (ops = pages).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ScanBenchmark {
    static final int PAGES = 1 << 20;

    /** The workload after ksmd converged. */
    @State(Scope.Thread)
    public static class Converged {
        KsmSimulation sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = KsmSimulation.create(Workloads.guests(4, PAGES / 4, 65536, 0));
            sim.runUntilConverged(java.time.Duration.ofHours(10));
        }
    }

    /** A new simulation of the workload for each invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        @Param({ "4" })
        int guests;
        KsmSimulation sim;

        @Setup(Level.Invocation)
        public void setUp() {
            sim = KsmSimulation.create(Workloads.guests(guests, PAGES / guests, 65536, 0));
        }
    }

    /** One wake-up of 65,536 pages on the converged workload. */
    @Benchmark
    @OperationsPerInvocation(65536)
    public long steadyState(Converged s) {
        s.sim.stepWakeup();
        return s.sim.snapshot().counters().pagesScanned();
    }

    /**
     * Three full scans from scratch: checksums, merges into the stable tree, re-visits
     * (3 x 1,048,576 page visits, the skipped ones included).
     */
    @Benchmark
    @OperationsPerInvocation(3 * PAGES)
    public long fromScratch(Fresh s) {
        s.sim.stepFullScan();
        s.sim.stepFullScan();
        s.sim.stepFullScan();
        return s.sim.snapshot().counters().pagesShared();
    }
}
