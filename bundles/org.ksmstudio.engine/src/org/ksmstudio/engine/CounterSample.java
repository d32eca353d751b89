package org.ksmstudio.engine;

/**
 * The counters at one simulated time (nanoseconds since the start of the run), with the CPU time
 * ksmd spent up to then (nanoseconds; a batch counted as it runs, at most one CPU), from which a
 * view plots ksmd's CPU share over time.
 */
public record CounterSample(long timeNanos, KsmCounters counters, long ksmdBusyNanos) {
}
