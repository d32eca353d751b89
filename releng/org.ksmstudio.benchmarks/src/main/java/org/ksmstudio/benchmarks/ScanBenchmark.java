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
 * Simulated page scans per second of wall time on one core, for a host of {@code pages} pages
 * ({@link Workloads#host}: 1,048,576 pages are 4 guests of 1 GiB, larger hosts 4 GiB guests; run
 * with {@code -p pages=16777216} for 64 GiB): {@code steadyState} scans a converged workload (KSM
 * pages, smart-scan skips, unstable tree re-insertions), {@code fromScratch} runs ksmd from the
 * first checksum through every merge to convergence. Scores are per simulated page scanned
 * (ops = pages).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = { "-Xmx8g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class ScanBenchmark {
    /** Pages of the host. */
    @Param({ "1048576" })
    int pages;

    /** The workload after ksmd converged. */
    @State(Scope.Thread)
    public static class Converged {
        KsmSimulation sim;

        @Setup(Level.Trial)
        public void setUp(ScanBenchmark b) {
            sim = KsmSimulation.create(Workloads.host(b.pages, 65536));
            sim.runUntilConverged(java.time.Duration.ofHours(10));
        }
    }

    /** A new simulation of the workload for each invocation. */
    @State(Scope.Thread)
    public static class Fresh {
        KsmSimulation sim;

        @Setup(Level.Invocation)
        public void setUp(ScanBenchmark b) {
            sim = KsmSimulation.create(Workloads.host(b.pages, 65536));
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
     * (3 x pages page visits, the skipped ones included): milliseconds per invocation.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long fromScratch(Fresh s) {
        s.sim.stepFullScan();
        s.sim.stepFullScan();
        s.sim.stepFullScan();
        return s.sim.snapshot().counters().pagesShared();
    }
}
