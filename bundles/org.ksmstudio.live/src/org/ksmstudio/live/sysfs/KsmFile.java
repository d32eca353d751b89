package org.ksmstudio.live.sysfs;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files of {@code /sys/kernel/mm/ksm} that KSM Studio knows, with the kernel's
 * defaults for the writable ones. A running kernel may lack some of them (older
 * kernels have no advisor or smart scan files, merge_across_nodes needs CONFIG_NUMA).
 */
public enum KsmFile {
	RUN("run", "0"),
	PAGES_TO_SCAN("pages_to_scan", "100"),
	SLEEP_MILLISECS("sleep_millisecs", "20"),
	MERGE_ACROSS_NODES("merge_across_nodes", "1"),
	MAX_PAGE_SHARING("max_page_sharing", "256"),
	STABLE_NODE_CHAINS_PRUNE_MILLISECS("stable_node_chains_prune_millisecs", "2000"),
	USE_ZERO_PAGES("use_zero_pages", "0"),
	SMART_SCAN("smart_scan", "1"),
	ADVISOR_MODE("advisor_mode", "none"),
	ADVISOR_MAX_CPU("advisor_max_cpu", "70"),
	ADVISOR_MIN_PAGES_TO_SCAN("advisor_min_pages_to_scan", "500"),
	ADVISOR_MAX_PAGES_TO_SCAN("advisor_max_pages_to_scan", "30000"),
	ADVISOR_TARGET_SCAN_TIME("advisor_target_scan_time", "200"),
	PAGES_SCANNED("pages_scanned", null),
	PAGES_SHARED("pages_shared", null),
	PAGES_SHARING("pages_sharing", null),
	PAGES_UNSHARED("pages_unshared", null),
	PAGES_VOLATILE("pages_volatile", null),
	PAGES_SKIPPED("pages_skipped", null),
	KSM_ZERO_PAGES("ksm_zero_pages", null),
	FULL_SCANS("full_scans", null),
	STABLE_NODE_CHAINS("stable_node_chains", null),
	STABLE_NODE_DUPS("stable_node_dups", null),
	GENERAL_PROFIT("general_profit", null);

	/** The counters that define convergence: the ones a reference phase expects. */
	public static final KsmFile[] CONVERGENCE_COUNTERS = { PAGES_SHARED, PAGES_SHARING, PAGES_UNSHARED,
			PAGES_VOLATILE, STABLE_NODE_CHAINS, STABLE_NODE_DUPS, KSM_ZERO_PAGES, GENERAL_PROFIT };

	private final String fileName;
	private final String defaultValue;

	KsmFile(String fileName, String defaultValue) {
		this.fileName = fileName;
		this.defaultValue = defaultValue;
	}

	/** The file name in {@code /sys/kernel/mm/ksm}, which is also the sysfs name of the value. */
	public String fileName() {
		return fileName;
	}

	/** Whether the file is a tunable (writable by root) rather than a read-only counter. */
	public boolean isTunable() {
		return defaultValue != null;
	}

	/** The kernel's default of a tunable; empty for counters. */
	public Optional<String> defaultValue() {
		return Optional.ofNullable(defaultValue);
	}

	/** Whether the value is text ({@code advisor_mode}) rather than a number. */
	public boolean isText() {
		return this == ADVISOR_MODE;
	}

	/** The file of that sysfs name, if KSM Studio knows it. */
	public static Optional<KsmFile> byName(String fileName) {
		return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
	}

	/** The tunables, in the order in which they are best written (see {@link ApplyPlanner}). */
	public static KsmFile[] tunables() {
		return Arrays.stream(values()).filter(KsmFile::isTunable).toArray(KsmFile[]::new);
	}

	/** The read-only counters. */
	public static KsmFile[] counters() {
		return Arrays.stream(values()).filter(f -> !f.isTunable()).toArray(KsmFile[]::new);
	}

	/**
	 * The value of a raw file content as the kernel means it: trimmed, and for
	 * {@code advisor_mode} ({@code "[none] scan-time"}) the selected mode.
	 */
	public String normalize(String raw) {
		String text = raw.trim();
		if (isText()) {
			int open = text.indexOf('[');
			int close = text.indexOf(']', open + 1);
			if (open >= 0 && close > open) {
				return text.substring(open + 1, close);
			}
		}
		return text;
	}

	/**
	 * A number for charting and comparing: the value itself, or for {@code advisor_mode}
	 * 0 for {@code none} and 1 for {@code scan-time}.
	 *
	 * @throws NumberFormatException when the value is not what the kernel writes
	 */
	public long toNumber(String normalized) {
		if (isText()) {
			return switch (normalized) {
			case "none" -> 0;
			case "scan-time" -> 1;
			default -> throw new NumberFormatException(fileName + ": unknown mode '" + normalized + "'");
			};
		}
		return Long.parseLong(normalized);
	}

	@Override
	public String toString() {
		return fileName;
	}
}
