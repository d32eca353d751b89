package org.ksmstudio.engine;

/** The counters at one simulated time (nanoseconds since the start of the run). */
public record CounterSample(long timeNanos, KsmCounters counters) {
}
