package org.ksmstudio.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.ksmstudio.engine.reference.PhaseResult;
import org.ksmstudio.engine.reference.ReferenceFile;
import org.ksmstudio.engine.reference.ReferenceRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to run every case of a kernel reference file: the bundled one by default (the bar: under 5 s in
 * total), or {@code -p reference=/data/r2-identical-1m.json}, the R2 comparison (1,048,576 identical
 * pages, ksmd at full speed) whose recorded {@code ksmd_cpu_s_to_last_change} the score is set against.
 * {@code -wi 3} measures it warm.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class ReferenceBenchmark {
    /** A resource of this jar. */
    @Param({ "/data/kernel-reference.json" })
    public String reference;

    ReferenceFile file;

    @Setup
    public void load() throws IOException {
        try (InputStream in = ReferenceBenchmark.class.getResourceAsStream(reference)) {
            if (in == null) {
                throw new IOException(reference + ": no such resource in the benchmarks jar");
            }
            file = ReferenceFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every case, cold JVM included in the first measurement. */
    @Benchmark
    public long allCases() {
        return ReferenceRunner.run(file, r -> {
        }).stream().filter(PhaseResult::passed).count();
    }
}
