package org.ksmstudio.model.validation;

/**
 * The largest value of every size, count, duration and rate of a scenario, with the reason for
 * each (docs/reliability.md lists them). Validation refuses values above them; the size guard of
 * the run path ({@code org.ksmstudio.core.convert.ScenarioSizeGuard}) checks what they add up to.
 */
public final class ScenarioLimits {

    /** Pages of one engine, so of a whole scenario (2^29: the engine indexes page slots by int). */
    public static final long MAX_PAGES = 1L << 29;

    /** Processes, forked children included: the kernel's PID_MAX_LIMIT on 64-bit (include/linux/threads.h). */
    public static final int MAX_PROCESSES = 4 * 1024 * 1024;

    /** CPUs: the largest NR_CPUS of x86_64 (CONFIG_MAXSMP). */
    public static final int MAX_CPUS = 8192;
    /** Most CPU time ksmd may have had before a scenario, ms (ten years). */
    public static final long MAX_KSMD_CPU_TIME_MS = 10L * 365 * 86_400_000;

    /** vCPUs of a KVM guest: KVM_MAX_VCPUS of x86. */
    public static final int MAX_VCPUS = 4096;

    /** Memory of a NUMA node: 4 PiB, the 52 bits of physical address of x86_64 and arm64. */
    public static final long MAX_NODE_MEMORY_MIB = 1L << 32;

    /**
     * Every simulated time and duration: 7 days. ksmd at its default 20 ms sleep wakes 30 million
     * times in 7 days, minutes of simulation; times stay far below the long nanoseconds the engine
     * counts in (292 years).
     */
    public static final long MAX_DURATION_MILLIS = 7L * 24 * 3600 * 1000;

    /** Writes per second to a region: 10^9, one write per nanosecond, the engine's time unit. */
    public static final double MAX_WRITES_PER_SECOND = 1e9;

    /** Cost of one kernel operation: 1 s; sums over 2^29 pages stay within a long of nanoseconds. */
    public static final long MAX_COST_NS = 1_000_000_000L;

    /** Repetitions of a timeline event, and firings of all events of a run together: 10^8. */
    public static final long MAX_FIRINGS = 100_000_000L;

    /** Samples of a run's time series (run length / sampling interval): 10^6. */
    public static final long MAX_SAMPLES = 1_000_000L;

    private ScenarioLimits() {
    }
}
