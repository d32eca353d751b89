package org.ksmstudio.engine.scenario;

import java.time.Duration;

/**
 * How long and how a scenario runs.
 *
 * @param duration       simulated time to run; ignored when {@code untilConverged}
 * @param untilConverged run until no counter changed for two full scans (bounded by {@code duration}
 *                       when that is positive, else by 24 simulated hours)
 * @param seed           seed of every pseudo-random choice (same seed, same trace)
 * @param policy         name of the sharing / dup policy ("stock" is the kernel's)
 * @param sampleInterval simulated time between counter samples of the time series
 */
public record RunSettings(Duration duration, boolean untilConverged, long seed, String policy,
        Duration sampleInterval) {
    public RunSettings {
        duration = duration == null ? Duration.ZERO : duration;
        ScenarioException.check(!duration.isNegative(), "run.duration", duration, "must be >= 0");
        ScenarioException.check(untilConverged || !duration.isZero(), "run.duration", duration,
                "must be > 0 unless running until converged");
        policy = policy == null || policy.isBlank() ? "stock" : policy;
        sampleInterval = sampleInterval == null ? Duration.ofMillis(100) : sampleInterval;
        ScenarioException.check(sampleInterval.toNanos() > 0, "run.sampleInterval", sampleInterval, "must be > 0");
    }

    /** Until converged, seed 1, stock policy, one sample per 100 ms. */
    public static RunSettings converge() {
        return new RunSettings(Duration.ZERO, true, 1, "stock", Duration.ofMillis(100));
    }

    /** For a fixed simulated duration. */
    public static RunSettings forDuration(Duration d) {
        return new RunSettings(d, false, 1, "stock", Duration.ofMillis(100));
    }
}
