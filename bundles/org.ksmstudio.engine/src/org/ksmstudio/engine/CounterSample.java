package org.ksmstudio.engine;

/**
 * The counters at one simulated time (nanoseconds since the start of the run), with the CPU time
 * ksmd used up to then (nanoseconds), from which a view plots ksmd's CPU share over time.
 */
public record CounterSample(long timeNanos, KsmCounters counters, long ksmdBusyNanos) {
}
