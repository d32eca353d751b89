package org.ksmstudio.engine;

import java.util.List;

/**
 * A consistent view of a simulation between two ksmd wake-ups.
 *
 * @param timeNanos     simulated time
 * @param counters      /sys/kernel/mm/ksm
 * @param processes     /proc/PID/ksm_stat of every process, in creation order
 * @param ksmdCpuShare  ksmd CPU time over simulated time so far (0..1)
 * @param wakeups       ksmd wake-ups so far
 */
public record KsmSnapshot(long timeNanos, KsmCounters counters, List<ProcessKsmStat> processes, double ksmdCpuShare,
        long wakeups) {
}
