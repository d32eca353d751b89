package org.ksmstudio.ui.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.io.StrictJson;

/** Writes a run's counter time series as CSV or JSON (the engine's writers), counters named exactly as in sysfs. */
public final class CounterExport {

	private CounterExport() {
	}

	/** CSV: a header {@code time_s,pages_scanned,...}, then one line per sample. */
	public static void csv(List<CounterSample> samples, Writer out) throws IOException {
		List<String> header = new ArrayList<>();
		header.add("time_s"); //$NON-NLS-1$
		header.addAll(List.of(KsmCounters.COUNTER_NAMES));
		List<List<Object>> rows = new ArrayList<>();
		for (CounterSample sample : samples) {
			List<Object> row = new ArrayList<>();
			row.add(seconds(sample.timeNanos()));
			for (String name : KsmCounters.COUNTER_NAMES) {
				row.add(sample.counters().value(name));
			}
			rows.add(row);
		}
		CsvTables.write(out, header, rows);
	}

	/** JSON: {@code {"samples":[{"time_s":0.1,"pages_shared":8,...},...]}}. */
	public static void json(List<CounterSample> samples, Writer out) throws IOException {
		List<Object> list = new ArrayList<>();
		for (CounterSample sample : samples) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("time_s", seconds(sample.timeNanos())); //$NON-NLS-1$
			for (String name : KsmCounters.COUNTER_NAMES) {
				m.put(name, sample.counters().value(name));
			}
			list.add(m);
		}
		out.write(StrictJson.write(Map.of("samples", list))); //$NON-NLS-1$
	}

	/** Seconds, rounded to the millisecond. */
	private static double seconds(long nanos) {
		return Math.round(nanos / 1e6) / 1e3;
	}
}
