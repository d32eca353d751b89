package org.ksmstudio.core.run;

import java.util.List;

import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmSnapshot;

/**
 * The outcome of running one policy of a scenario.
 *
 * @param policy      the policy id
 * @param last        the final snapshot (counters, per-process ksm_stat)
 * @param samples     the counters' time series
 * @param checkpoints the checkpoints reached, in order
 */
public record RunResult(String policy, KsmSnapshot last, List<CounterSample> samples, List<CheckpointResult> checkpoints) {

    public RunResult {
        samples = List.copyOf(samples);
        checkpoints = List.copyOf(checkpoints);
    }

    /** Whether every checkpoint matched what the real kernel showed. */
    public boolean matchesKernel() {
        return checkpoints.stream().allMatch(CheckpointResult::matches);
    }
}
