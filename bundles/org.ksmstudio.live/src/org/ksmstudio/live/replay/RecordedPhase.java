package org.ksmstudio.live.replay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmTimeSeries;
import org.ksmstudio.live.sysfs.WriteOutcome;

/**
 * What the real kernel did in one phase, in the terms of the reference format.
 *
 * @param name                     the phase's name
 * @param action                   the action (sysfs writes carry their observed results)
 * @param outcomes                 each sysfs write's outcome with its message (empty for other actions, and
 *                                 for phases read from a file)
 * @param expect                   counters when settled (pages_shared, ..., and full_scans where
 *                                 the phase ends without a convergence wait)
 * @param tunablesReadBack         the value read back from every tunable written in the phase
 * @param converged                whether the counters settled before the phase timeout
 * @param fullScansToLastChange    full scans from the phase start to the last counter change (null when not measured)
 * @param pagesScannedToLastChange pages scanned from the phase start to the last change
 * @param wallSecondsToLastChange  seconds from the phase start to the last change
 * @param ksmdCpuSecondsToLastChange ksmd's CPU time from the phase start to the first reading that saw the last
 *                                 change ({@code /proc/PID/schedstat}), seconds; null when not measured
 * @param perProcess               ksm_rmap_items, ksm_merging_pages, ksm_zero_pages, ksm_process_profit per process
 * @param series                   the counters over the phase (null when not kept)
 * @param vmstat                   {@code /proc/vmstat} THP events since the workload was filled (thp_split_page,
 *                                 thp_split_page_failed), when the phase ended; empty when not recorded (a
 *                                 workload without huge or pinned pages)
 * @param actionDelaySeconds       seconds from the previous phase's settling full scan (midway between the
 *                                 reading that saw it and the one before) to the end of this phase's action;
 *                                 null when not measured (the first phase, or after a phase that did not end
 *                                 on a full scan)
 */
public record RecordedPhase(String name, PhaseAction action, List<WriteOutcome> outcomes, Map<String, Long> expect,
		Map<KsmSysfsFile, String> tunablesReadBack, boolean converged, @Nullable Long fullScansToLastChange,
		@Nullable Long pagesScannedToLastChange, @Nullable Double wallSecondsToLastChange,
		@Nullable Double ksmdCpuSecondsToLastChange, List<Map<String, Long>> perProcess,
		@Nullable KsmTimeSeries series, Map<String, Long> vmstat, @Nullable Double actionDelaySeconds) {

	/** The per-process fields, in the order of the reference format. */
	public static final List<String> PER_PROCESS_FIELDS = List.of("ksm_rmap_items", "ksm_merging_pages",
			"ksm_zero_pages", "ksm_process_profit");

	/** The convergence counters of a sample, by sysfs name, as a phase's {@link #expect()}. */
	public static Map<String, Long> countersOf(KsmSample sample) {
		Map<String, Long> expect = new LinkedHashMap<>();
		for (KsmSysfsFile counter : ConvergenceWatcher.CONVERGENCE_COUNTERS) {
			if (sample.has(counter)) {
				expect.put(counter.fileName(), sample.value(counter));
			}
		}
		return expect;
	}

	/** The {@link #PER_PROCESS_FIELDS} of one process's ksm_stat that the kernel reports. */
	public static Map<String, Long> perProcessOf(ProcessKsmStat stat) {
		Map<String, Long> m = new LinkedHashMap<>();
		long[] values = { stat.rmapItems(), stat.mergingPages(), stat.zeroPages(), stat.processProfit() };
		for (int i = 0; i < values.length; i++) {
			if (values[i] != ProcessKsmStat.NOT_REPORTED) {
				m.put(PER_PROCESS_FIELDS.get(i), values[i]);
			}
		}
		return m;
	}

	/** A phase without vmstat events. */
	public RecordedPhase(String name, PhaseAction action, List<WriteOutcome> outcomes, Map<String, Long> expect,
			Map<KsmSysfsFile, String> tunablesReadBack, boolean converged, @Nullable Long fullScansToLastChange,
			@Nullable Long pagesScannedToLastChange, @Nullable Double wallSecondsToLastChange,
			@Nullable Double ksmdCpuSecondsToLastChange, List<Map<String, Long>> perProcess,
			@Nullable KsmTimeSeries series) {
		this(name, action, outcomes, expect, tunablesReadBack, converged, fullScansToLastChange,
				pagesScannedToLastChange, wallSecondsToLastChange, ksmdCpuSecondsToLastChange, perProcess, series,
				Map.of(), null);
	}

	/** A phase without a measured action delay. */
	public RecordedPhase(String name, PhaseAction action, List<WriteOutcome> outcomes, Map<String, Long> expect,
			Map<KsmSysfsFile, String> tunablesReadBack, boolean converged, @Nullable Long fullScansToLastChange,
			@Nullable Long pagesScannedToLastChange, @Nullable Double wallSecondsToLastChange,
			@Nullable Double ksmdCpuSecondsToLastChange, List<Map<String, Long>> perProcess,
			@Nullable KsmTimeSeries series, Map<String, Long> vmstat) {
		this(name, action, outcomes, expect, tunablesReadBack, converged, fullScansToLastChange,
				pagesScannedToLastChange, wallSecondsToLastChange, ksmdCpuSecondsToLastChange, perProcess, series,
				vmstat, null);
	}

	/** The same phase with {@code events} as its vmstat. */
	public RecordedPhase withVmstat(Map<String, Long> events) {
		return new RecordedPhase(name, action, outcomes, expect, tunablesReadBack, converged, fullScansToLastChange,
				pagesScannedToLastChange, wallSecondsToLastChange, ksmdCpuSecondsToLastChange, perProcess, series,
				events, actionDelaySeconds);
	}

	/** The same phase with {@code seconds} as its action delay. */
	public RecordedPhase withActionDelay(double seconds) {
		return new RecordedPhase(name, action, outcomes, expect, tunablesReadBack, converged, fullScansToLastChange,
				pagesScannedToLastChange, wallSecondsToLastChange, ksmdCpuSecondsToLastChange, perProcess, series,
				vmstat, seconds);
	}

	/** A phase without ksmd's CPU time. */
	public RecordedPhase(String name, PhaseAction action, List<WriteOutcome> outcomes, Map<String, Long> expect,
			Map<KsmSysfsFile, String> tunablesReadBack, boolean converged, @Nullable Long fullScansToLastChange,
			@Nullable Long pagesScannedToLastChange, @Nullable Double wallSecondsToLastChange,
			List<Map<String, Long>> perProcess, @Nullable KsmTimeSeries series) {
		this(name, action, outcomes, expect, tunablesReadBack, converged, fullScansToLastChange,
				pagesScannedToLastChange, wallSecondsToLastChange, null, perProcess, series);
	}

	public RecordedPhase {
		outcomes = List.copyOf(outcomes);
		expect = Collections.unmodifiableMap(new LinkedHashMap<>(expect));
		tunablesReadBack = Collections.unmodifiableMap(new LinkedHashMap<>(tunablesReadBack));
		perProcess = perProcess.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
		vmstat = Collections.unmodifiableMap(new LinkedHashMap<>(vmstat));
	}
}
