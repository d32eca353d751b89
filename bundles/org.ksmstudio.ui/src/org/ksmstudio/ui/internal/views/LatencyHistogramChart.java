package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries;
import org.ksmstudio.engine.rmap.LatencyBuckets;

/**
 * An SWTChart bar chart of page latency histograms: one bar series per policy over log-scale buckets,
 * one per power of two of nanoseconds (the engine's 16 sub-buckets per power of two are summed), each
 * labelled with its lower bound in ns, µs, ms or s (every few buckets when there are many).
 */
final class LatencyHistogramChart {

	private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
			new RGB(255, 127, 14) };

	/** Octaves of a histogram: pages per power of two, {@code counts[i]} for {@code [2^(first+i), 2^(first+i+1))}. */
	record Octaves(int first, long[] counts) {
	}

	private final Chart chart;
	private @Nullable List<Object> shown;

	LatencyHistogramChart(Composite parent) {
		chart = new Chart(parent, SWT.NONE);
		chart.setData(LatencyView.HISTOGRAM_KEY, Boolean.TRUE);
		chart.getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getXAxis(0).getTitle().setVisible(false);
		chart.getAxisSet().getYAxis(0).getTitle().setVisible(false);
		chart.getAxisSet().getXAxis(0).enableCategory(true);
		chart.getAxisSet().getXAxis(0).setCategorySeries(new String[] { "" }); //$NON-NLS-1$
		chart.getLegend().setPosition(SWT.BOTTOM);
		chart.getLegend().setFont(JFaceResources.getDefaultFont());
	}

	Chart chart() {
		return chart;
	}

	/** Sums the engine's buckets per power of two of nanoseconds; null when empty. */
	static @Nullable Octaves octaves(@Nullable LatencyBuckets buckets) {
		if (buckets == null || buckets.size() == 0) {
			return null;
		}
		long[] lower = buckets.lowerNanos();
		long[] counts = buckets.counts();
		int first = octave(lower[0]);
		long[] sums = new long[octave(lower[lower.length - 1]) - first + 1];
		for (int i = 0; i < counts.length; i++) {
			sums[octave(lower[i]) - first] += counts[i];
		}
		return new Octaves(first, sums);
	}

	private static int octave(long nanos) {
		return nanos <= 0 ? 0 : 63 - Long.numberOfLeadingZeros(nanos);
	}

	/** "512 ns", "1 µs", "2.1 ms", "68.7 s": the lower bound of octave {@code e}. */
	static String label(int e) {
		long nanos = 1L << e;
		if (nanos < 1_000) {
			return nanos + " ns"; //$NON-NLS-1$
		}
		if (nanos < 1_000_000) {
			return trim(nanos / 1e3) + " \u00b5s"; //$NON-NLS-1$
		}
		if (nanos < 1_000_000_000) {
			return trim(nanos / 1e6) + " ms"; //$NON-NLS-1$
		}
		return trim(nanos / 1e9) + " s"; //$NON-NLS-1$
	}

	private static String trim(double v) {
		return v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * Shows the histograms of one node and operation, one series per policy (null where a policy has none).
	 *
	 * @param title    what the histogram is of, e.g. "node 0 · migrate_pages"
	 * @param policies the policies, in column order
	 */
	void show(String title, List<String> policies, List<@Nullable LatencyBuckets> histograms) {
		if (chart.isDisposed()) {
			return;
		}
		List<@Nullable Octaves> octaves = new ArrayList<>();
		int lo = Integer.MAX_VALUE;
		int hi = Integer.MIN_VALUE;
		for (LatencyBuckets b : histograms) {
			Octaves o = octaves(b);
			octaves.add(o);
			if (o != null) {
				lo = Math.min(lo, o.first());
				hi = Math.max(hi, o.first() + o.counts().length - 1);
			}
		}
		List<Object> key = List.of(title, List.copyOf(policies), new ArrayList<>(histograms));
		if (key.equals(shown)) {
			return;
		}
		shown = key;
		chart.suspendUpdate(true);
		try {
			for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
				chart.getSeriesSet().deleteSeries(s.getId());
			}
			chart.getTitle().setText(title);
			IAxis x = chart.getAxisSet().getXAxis(0);
			if (lo > hi) {
				x.setCategorySeries(new String[] { "" }); //$NON-NLS-1$
			} else {
				showBars(x, lo, hi, policies, octaves);
			}
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	private void showBars(IAxis x, int lo, int hi, List<String> policies, List<@Nullable Octaves> octaves) {
		String[] categories = new String[hi - lo + 1];
		// at most about 6 labels fit under a narrow chart: label every step-th bucket
		int step = Math.max(1, (categories.length + 5) / 6);
		for (int e = lo; e <= hi; e++) {
			categories[e - lo] = (e - lo) % step == 0 ? label(e) : ""; //$NON-NLS-1$
		}
		x.setCategorySeries(categories);
		for (int p = 0; p < policies.size(); p++) {
			Octaves o = octaves.get(p);
			if (o == null) {
				continue;
			}
			double[] y = new double[categories.length];
			for (int i = 0; i < o.counts().length; i++) {
				y[o.first() - lo + i] = o.counts()[i];
			}
			IBarSeries<?> bars = (IBarSeries<?>) chart.getSeriesSet().createSeries(ISeries.SeriesType.BAR,
					policies.get(p));
			bars.setYSeries(y);
			bars.setBarColor(new Color(PALETTE[p % PALETTE.length]));
			bars.setBarPadding(10);
		}
		chart.getLegend().setVisible(policies.size() > 1);
		chart.getAxisSet().adjustRange();
	}

	/** The pages of each bar series, by series id (for tests). */
	List<String> seriesSummary() {
		List<String> list = new ArrayList<>();
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			list.add(s.getId() + "=" + (long) Arrays.stream(s.getYSeries()).sum()); //$NON-NLS-1$
		}
		return list;
	}
}
