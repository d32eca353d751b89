package org.ksmstudio.live.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSampler;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmTimeSeries;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * Everything the Live view shows after one sample, computed on the sampling thread so that the UI
 * thread only puts it into widgets.
 *
 * @param access         what this process may do with the kernel's KSM
 * @param rows           the files present, tunables first, then counters, then files KSM Studio does not know
 * @param filesMessage   which known files this kernel lacks (or that all are present)
 * @param processes      the processes that use KSM
 * @param processMessage how many, and how many could not be read
 * @param times          seconds since the first sample, one per sample kept
 * @param series         the charted values by name, one per sample ({@code NaN} where absent)
 * @param error          why the last sample failed, or null
 */
public record LiveState(KsmAccess access, List<SysfsRow> rows, String filesMessage, List<ProcessKsmStat> processes,
		String processMessage, double[] times, Map<String, double[]> series, @Nullable String error) {

	/** Charted counters of the pages chart. */
	public static final List<KsmSysfsFile> PAGES = List.of(KsmSysfsFile.PAGES_SHARED, KsmSysfsFile.PAGES_SHARING,
			KsmSysfsFile.PAGES_UNSHARED, KsmSysfsFile.PAGES_VOLATILE);
	/** Charted counters of the stable tree chart. */
	public static final List<KsmSysfsFile> TREE = List.of(KsmSysfsFile.STABLE_NODE_CHAINS, KsmSysfsFile.STABLE_NODE_DUPS);
	/** Series name of general_profit in MiB. */
	public static final String PROFIT = KsmSysfsFile.GENERAL_PROFIT.fileName();
	/** Series name of the scan rate. */
	public static final String SCAN_RATE = "pages_scanned/s"; //$NON-NLS-1$

	/** Most points drawn per series (older samples are thinned). */
	private static final int MAX_POINTS = 1200;

	/** The state after a sample. */
	public static LiveState of(KsmSysfs sysfs, KsmSampler.Tick tick, KsmTimeSeries history) {
		KsmSample sample = tick.sample();
		long[] millis = history.times();
		List<SysfsRow> rows = new ArrayList<>();
		NumberFormat rateFormat = NumberFormat.getNumberInstance(Locale.ROOT);
		rateFormat.setMaximumFractionDigits(1);
		rateFormat.setGroupingUsed(true);
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			sample.text(file).ifPresent(v -> rows.add(new SysfsRow(file.fileName(), v, Messages.liveTunable,
					file.defaultValue().orElse(""), ""))); //$NON-NLS-1$ //$NON-NLS-2$
		}
		for (KsmSysfsFile file : KsmSysfsFile.counters()) {
			sample.text(file).ifPresent(v -> rows.add(new SysfsRow(file.fileName(), v, Messages.liveCounter, "", //$NON-NLS-1$
					rate(history.values(file), millis).map(rateFormat::format).orElse("")))); //$NON-NLS-1$
		}
		try {
			for (String unknown : sysfs.unknownFiles()) {
				rows.add(new SysfsRow(unknown, readQuietly(sysfs, unknown), Messages.liveUnknown, "", "")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} catch (IOException e) {
			// the directory vanished meanwhile: the next sample says so
		}
		List<ProcessKsmStat> processes = tick.processes().map(p -> p.processes()).orElse(List.of());
		String processMessage = processes.isEmpty() ? Messages.liveProcessesNone
				: NLS.bind(Messages.liveProcessesCount, processes.size());
		String unreadable = tick.processes().map(p -> p.unreadableMessage()).orElse(""); //$NON-NLS-1$
		if (!unreadable.isEmpty()) {
			processMessage += " " + unreadable; //$NON-NLS-1$
		}
		return new LiveState(sysfs.access(), rows, filesMessage(sysfs), processes, processMessage,
				seconds(millis), series(history, millis), null);
	}

	/** The state when a sample failed (KSM absent, a file unreadable). */
	public static LiveState failed(KsmSysfs sysfs, @Nullable String error) {
		return new LiveState(sysfs.access(), List.of(), filesMessage(sysfs), List.of(), "", new double[0], Map.of(), //$NON-NLS-1$
				error);
	}

	/** Which known files this kernel lacks, or that all are present; empty when KSM itself is absent. */
	static String filesMessage(KsmSysfs sysfs) {
		if (!Files.isDirectory(sysfs.directory())) {
			return ""; //$NON-NLS-1$
		}
		Set<KsmSysfsFile> missing = sysfs.missingFiles();
		StringBuilder text = new StringBuilder();
		if (missing.isEmpty()) {
			text.append(NLS.bind(Messages.liveAllPresent, KsmSysfsFile.values().length));
		} else {
			List<String> names = missing.stream().map(KsmSysfsFile::fileName).toList();
			text.append(NLS.bind(Messages.liveMissingHeader,
					new Object[] { missing.size(), KsmSysfsFile.values().length, String.join(", ", names) })); //$NON-NLS-1$
		}
		return text.toString();
	}

	private static String readQuietly(KsmSysfs sysfs, String name) {
		try {
			return Files.readString(sysfs.directory().resolve(name)).trim();
		} catch (IOException e) {
			return e.getMessage();
		}
	}

	/** Change per second between the last two samples. */
	private static java.util.Optional<Double> rate(long[] values, long[] millis) {
		int n = values.length;
		if (n < 2 || values[n - 1] == KsmTimeSeries.ABSENT || values[n - 2] == KsmTimeSeries.ABSENT
				|| millis[n - 1] <= millis[n - 2]) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of((values[n - 1] - values[n - 2]) * 1000.0 / (millis[n - 1] - millis[n - 2]));
	}

	private static int stride(int size) {
		return Math.max(1, (size + MAX_POINTS - 1) / MAX_POINTS);
	}

	private static double[] seconds(long[] millis) {
		int stride = stride(millis.length);
		double[] out = new double[(millis.length + stride - 1) / stride];
		for (int i = 0, j = 0; i < millis.length; i += stride, j++) {
			out[j] = millis[i] / 1000.0;
		}
		return out;
	}

	private static Map<String, double[]> series(KsmTimeSeries history, long[] millis) {
		Map<String, double[]> series = new LinkedHashMap<>();
		List<KsmSysfsFile> plain = new ArrayList<>(PAGES);
		plain.addAll(TREE);
		for (KsmSysfsFile file : plain) {
			series.put(file.fileName(), thin(history.values(file), 1));
		}
		series.put(PROFIT, thin(history.values(KsmSysfsFile.GENERAL_PROFIT), 1 << 20));
		long[] scanned = history.values(KsmSysfsFile.PAGES_SCANNED);
		double[] rate = new double[scanned.length];
		for (int i = 0; i < scanned.length; i++) {
			boolean known = i > 0 && scanned[i] != KsmTimeSeries.ABSENT && scanned[i - 1] != KsmTimeSeries.ABSENT
					&& millis[i] > millis[i - 1];
			rate[i] = known ? Math.max(0, scanned[i] - scanned[i - 1]) * 1000.0 / (millis[i] - millis[i - 1])
					: Double.NaN;
		}
		int stride = stride(rate.length);
		double[] thinned = new double[(rate.length + stride - 1) / stride];
		for (int i = 0, j = 0; i < rate.length; i += stride, j++) {
			thinned[j] = rate[i];
		}
		series.put(SCAN_RATE, thinned);
		return series;
	}

	private static double[] thin(long[] values, double divisor) {
		int stride = stride(values.length);
		double[] out = new double[(values.length + stride - 1) / stride];
		for (int i = 0, j = 0; i < values.length; i += stride, j++) {
			out[j] = values[i] == KsmTimeSeries.ABSENT ? Double.NaN : values[i] / divisor;
		}
		return out;
	}
}
