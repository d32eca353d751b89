package org.ksmstudio.core.run;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.sweep.SweepResult;

/**
 * The outcome of running one policy of a scenario.
 *
 * @param policy      the policy id
 * @param last        the final snapshot (counters, per-process ksm_stat)
 * @param samples     the counters' time series (bounded: see {@link org.ksmstudio.engine.CounterSeries})
 * @param checkpoints the checkpoints reached, in order
 * @param measures    reverse-map walks and memory at the end (worst walk, migration p99 per node,
 *                    pages saved, dups, ksmd CPU share), as one row of a sweep table; null if not measured
 */
public record RunResult(String policy, KsmSnapshot last, List<CounterSample> samples, List<CheckpointResult> checkpoints,
        @Nullable SweepResult measures) {

    public RunResult {
        samples = List.copyOf(samples);
        checkpoints = List.copyOf(checkpoints);
    }

    /** A result without walk and memory measures. */
    public RunResult(String policy, KsmSnapshot last, List<CounterSample> samples, List<CheckpointResult> checkpoints) {
        this(policy, last, samples, checkpoints, null);
    }

    /** Whether any reverse-map walk (migration, compaction, reclaim, memory failure) ran. */
    public boolean walked() {
        return measures != null && measures.worstWalkNanos() > 0;
    }

    /** Whether every checkpoint matched what the real kernel showed. */
    public boolean matchesKernel() {
        return checkpoints.stream().allMatch(CheckpointResult::matches);
    }

    /** The checkpoints whose expectation failed, in order (empty when every one matched). */
    public List<CheckpointResult> failedCheckpoints() {
        return checkpoints.stream().filter(c -> !c.matches()).toList();
    }
}
