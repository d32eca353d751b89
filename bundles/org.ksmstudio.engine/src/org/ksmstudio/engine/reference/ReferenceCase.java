package org.ksmstudio.engine.reference;

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.scenario.Workload;

/**
 * One case of a reference file ({@link ReferenceFile}): the workload (its processes in start
 * order, as the engine's {@link Workload}), the tunables written before run=1, and the phases
 * with what the kernel showed.
 *
 * @param ksmdCpuSecondsBeforeStart ksmd's CPU time since it started, read before run=1 (what the scan-time
 *                                  advisor's first step counts), or NaN when not recorded
 */
public record ReferenceCase(String name, Map<String, String> tunables, Workload workload, List<Phase> phases,
        double ksmdCpuSecondsBeforeStart) {

    /** A sysfs write of a phase with its expected result ("ok" or an errno name). */
    public record SysfsWrite(String file, String value, @Nullable String result) {
    }

    /** A page write of a phase. */
    public record Write(long fromPage, long toPage, long every, String newContent, boolean inEveryProcess) {
    }

    /**
     * A phase: exactly one of start, write, waitSeconds/waitFullScans, sysfs is set.
     *
     * @param expect          expected values by sysfs name, as text (numbers, or e.g. "none [scan-time]")
     * @param fullScansToLastChange expected, or -1 when absent
     * @param wallSecondsToLastChange expected, or NaN when absent
     * @param ksmdCpuSecondsToLastChange ksmd's CPU time from the phase start to the first reading that saw the
     *                        last change, or NaN when absent
     * @param perProcess      expected /proc/PID/ksm_stat values per process, in order
     * @param timingNotCompared why the phase's full scans, wall and CPU time are shown but not compared, or null
     *                        when they are compared
     * @param cpuNotCompared  why only ksmd's CPU time is shown but not compared, or null
     * @param vmstat          expected {@code /proc/vmstat} THP events ({@link #VMSTAT_EVENTS}) since the workload was
     *                        filled (before run=1), empty when not recorded
     * @param actionDelaySeconds the harness's time from the previous phase's convergence (the full scan that
     *                        settled it) to the end of this phase's action, seconds, or NaN when not recorded
     */
    public record Phase(String name, boolean start, @Nullable Write write, double waitSeconds, long waitFullScans,
            List<SysfsWrite> sysfs, Map<String, String> expect, long fullScansToLastChange,
            double wallSecondsToLastChange, double ksmdCpuSecondsToLastChange, List<Map<String, Long>> perProcess,
            @Nullable String timingNotCompared, @Nullable String cpuNotCompared, Map<String, Long> vmstat,
            double actionDelaySeconds) {
        /** The vmstat events a phase may expect: huge pages split, and splits refused. */
        public static final List<String> VMSTAT_EVENTS = List.of("thp_split_page", "thp_split_page_failed");
    }
}
