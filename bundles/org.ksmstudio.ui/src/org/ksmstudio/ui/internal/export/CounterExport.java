package org.ksmstudio.ui.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.KsmCounters;

/** Writes a run's counter time series as CSV or JSON, counters named exactly as in sysfs. */
public final class CounterExport {

	private CounterExport() {
	}

	/** CSV: a header {@code time_s,pages_scanned,...}, then one line per sample. */
	public static void csv(List<CounterSample> samples, Writer out) throws IOException {
		out.write("time_s"); //$NON-NLS-1$
		for (String name : KsmCounters.COUNTER_NAMES) {
			out.write(',');
			out.write(name);
		}
		out.write('\n');
		for (CounterSample sample : samples) {
			out.write(seconds(sample.timeNanos()));
			for (String name : KsmCounters.COUNTER_NAMES) {
				out.write(',');
				out.write(Long.toString(sample.counters().value(name)));
			}
			out.write('\n');
		}
	}

	/** JSON: {@code {"samples":[{"time_s":0.1,"pages_shared":8,...},...]}}. */
	public static void json(List<CounterSample> samples, Writer out) throws IOException {
		out.write("{\"samples\":[\n"); //$NON-NLS-1$
		for (int i = 0; i < samples.size(); i++) {
			CounterSample sample = samples.get(i);
			out.write("  {\"time_s\":" + seconds(sample.timeNanos())); //$NON-NLS-1$
			for (String name : KsmCounters.COUNTER_NAMES) {
				out.write(",\"" + name + "\":" + sample.counters().value(name)); //$NON-NLS-1$ //$NON-NLS-2$
			}
			out.write(i + 1 < samples.size() ? "},\n" : "}\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		out.write("]}\n"); //$NON-NLS-1$
	}

	/** JSON of one map of values (e.g. a latency table row). */
	static String object(Map<String, ?> values) {
		StringBuilder b = new StringBuilder("{"); //$NON-NLS-1$
		values.forEach((k, v) -> {
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('"').append(escape(k)).append("\":"); //$NON-NLS-1$
			if (v instanceof Number) {
				b.append(v);
			} else {
				b.append('"').append(escape(String.valueOf(v))).append('"');
			}
		});
		return b.append('}').toString();
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static String seconds(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9); //$NON-NLS-1$
	}
}
