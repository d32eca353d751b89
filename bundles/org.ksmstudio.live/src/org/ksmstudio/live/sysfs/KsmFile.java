package org.ksmstudio.live.sysfs;

import java.util.List;
import java.util.Optional;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

/**
 * The files of {@code /sys/kernel/mm/ksm} on the live side: one constant per row of the engine's
 * table {@link KsmSysfsFile}, in its order, with every property taken from it. A running kernel may
 * lack some of them (older kernels have no advisor or smart scan files, merge_across_nodes needs
 * CONFIG_NUMA; {@link KsmSysfsFile#since()} says since when).
 */
public enum KsmFile {
	MAX_PAGE_SHARING, MERGE_ACROSS_NODES, SLEEP_MILLISECS, PAGES_TO_SCAN, STABLE_NODE_CHAINS_PRUNE_MILLISECS,
	USE_ZERO_PAGES, SMART_SCAN, ADVISOR_MAX_CPU, ADVISOR_MIN_PAGES_TO_SCAN, ADVISOR_MAX_PAGES_TO_SCAN,
	ADVISOR_TARGET_SCAN_TIME, ADVISOR_MODE, RUN, PAGES_SCANNED, PAGES_SHARED, PAGES_SHARING, PAGES_UNSHARED,
	PAGES_VOLATILE, PAGES_SKIPPED, KSM_ZERO_PAGES, FULL_SCANS, STABLE_NODE_CHAINS, STABLE_NODE_DUPS,
	GENERAL_PROFIT;

	/** The counters that define convergence: the ones a reference phase expects. */
	public static final KsmFile[] CONVERGENCE_COUNTERS = { PAGES_SHARED, PAGES_SHARING, PAGES_UNSHARED,
			PAGES_VOLATILE, STABLE_NODE_CHAINS, STABLE_NODE_DUPS, KSM_ZERO_PAGES, GENERAL_PROFIT };

	private static final List<KsmFile> TUNABLES = KsmSysfsFile.tunables().stream().map(KsmFile::of).toList();
	private static final List<KsmFile> COUNTERS = KsmSysfsFile.counters().stream().map(KsmFile::of).toList();

	private final KsmSysfsFile row = KsmSysfsFile.valueOf(name());

	/** The row of the table: default, range, rules, first kernel version, unit, meaning. */
	public KsmSysfsFile row() {
		return row;
	}

	/** The live file of a row of the table. */
	public static KsmFile of(KsmSysfsFile row) {
		return valueOf(row.name());
	}

	/** The file name in {@code /sys/kernel/mm/ksm}, which is also the sysfs name of the value. */
	public String fileName() {
		return row.fileName();
	}

	/** Whether the file is a tunable (writable by root) rather than a read-only counter. */
	public boolean isTunable() {
		return row.writable();
	}

	/** The kernel's default of a tunable; empty for counters. */
	public Optional<String> defaultValue() {
		return row.defaultValue();
	}

	/** Whether the value is text ({@code advisor_mode}) rather than a number. */
	public boolean isText() {
		return row.isText();
	}

	/** The file of that sysfs name, if KSM Studio knows it. */
	public static Optional<KsmFile> byName(String fileName) {
		return KsmSysfsFile.byName(fileName).map(KsmFile::of);
	}

	/** The tunables, in {@link KsmSysfsFile#writeOrder()} (see {@link ApplyPlanner}). */
	public static List<KsmFile> tunables() {
		return TUNABLES;
	}

	/** The read-only counters. */
	public static List<KsmFile> counters() {
		return COUNTERS;
	}

	/**
	 * The value of a raw file content as the kernel means it: trimmed, and for
	 * {@code advisor_mode} ({@code "[none] scan-time"}) the selected mode.
	 */
	public String normalize(String raw) {
		return row.normalize(raw);
	}

	/**
	 * A number for charting and comparing: the value itself, or for {@code advisor_mode}
	 * 0 for {@code none} and 1 for {@code scan-time}.
	 *
	 * @throws NumberFormatException when the value is not what the kernel writes
	 */
	public long toNumber(String normalized) {
		return row.toNumber(normalized);
	}

	@Override
	public String toString() {
		return fileName();
	}
}
