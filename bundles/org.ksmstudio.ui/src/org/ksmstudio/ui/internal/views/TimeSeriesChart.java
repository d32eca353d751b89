package org.ksmstudio.ui.internal.views;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeriesSet;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * An SWTChart line chart of named series over time, for the simulation's views and the Live Kernel
 * view alike: axes titled with their units, numbers with thousands separators, a y scale from zero
 * (a flat or all-zero series included), optionally a logarithmic y axis or a second y axis at the
 * right for a series of another scale.
 */
public final class TimeSeriesChart {

	/** The smallest value a logarithmic axis draws (a value of 0 sits there). */
	public static final double LOG_FLOOR = 1e-3;

	/** Colours of the series, in order. */
	private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
			new RGB(255, 127, 14), new RGB(148, 103, 189), new RGB(140, 86, 75) };

	private final Chart chart;
	private final List<String> names;
	private boolean log;
	/** the y axis's fixed range, or null when it follows the data */
	private @Nullable Range yRange;

	/** A chart of the series {@code names} over simulated seconds, its y axis titled {@code yTitle}. */
	public TimeSeriesChart(Composite parent, String title, String yTitle, List<String> names) {
		this.names = List.copyOf(names);
		chart = new Chart(parent, SWT.NONE);
		chart.getTitle().setText(title);
		chart.getTitle().setFont(JFaceResources.getDefaultFont());
		IAxis x = chart.getAxisSet().getXAxis(0);
		title(x, org.ksmstudio.ui.internal.Messages.chartTime);
		x.getTick().setFormat(new DecimalFormat("#,##0.###")); //$NON-NLS-1$
		IAxis y = chart.getAxisSet().getYAxis(0);
		title(y, yTitle);
		y.getTick().setFormat(new DecimalFormat("#,##0.###")); //$NON-NLS-1$
		chart.setToolTipText(org.ksmstudio.ui.internal.Messages.chartTime);
		ISeriesSet set = chart.getSeriesSet();
		for (int i = 0; i < names.size(); i++) {
			ILineSeries<?> series = (ILineSeries<?>) set.createSeries(ISeries.SeriesType.LINE, names.get(i));
			series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
			series.setLineStyle(LineStyle.SOLID);
			series.setLineWidth(2);
			series.setLineColor(new Color(PALETTE[i % PALETTE.length]));
			series.setXSeries(new double[0]);
			series.setYSeries(new double[0]);
			series.setDescription(shortName(names.get(i), names));
		}
		chart.getLegend().setPosition(SWT.RIGHT);
		chart.getLegend().setFont(JFaceResources.getDefaultFont());
		chart.getLegend().setVisible(names.size() > 1);
	}

	/**
	 * The legend's label of {@code name}: without the words every name starts with
	 * ("pages_shared" → "shared", "stable_node_dups" → "dups").
	 */
	private static String shortName(String name, List<String> names) {
		if (names.size() < 2) {
			return name;
		}
		String prefix = name;
		for (String other : names) {
			while (!other.startsWith(prefix)) {
				int cut = prefix.lastIndexOf('_', prefix.length() - 2);
				prefix = cut < 0 ? "" : prefix.substring(0, cut + 1); //$NON-NLS-1$
			}
		}
		return prefix.endsWith("_") ? name.substring(prefix.length()) : name; //$NON-NLS-1$
	}

	/** Titles the x axis {@code xTitle} (the Live Kernel view's wall-clock seconds). */
	public TimeSeriesChart xTitle(String xTitle) {
		title(chart.getAxisSet().getXAxis(0), xTitle);
		chart.setToolTipText(xTitle);
		return this;
	}

	private static void title(IAxis axis, String text) {
		axis.getTitle().setText(text == null ? "" : text); //$NON-NLS-1$
		axis.getTitle().setFont(JFaceResources.getDefaultFont());
		axis.getTitle().setVisible(text != null && !text.isEmpty());
	}

	/**
	 * Draws the series {@code name} against a second y axis at the right, titled {@code yTitle}:
	 * for a series far smaller than the others (1 chain beside 10,000 dups), which would lie flat on
	 * the first axis.
	 */
	public TimeSeriesChart secondAxis(String name, String yTitle) {
		int id = chart.getAxisSet().createYAxis();
		IAxis axis = chart.getAxisSet().getYAxis(id);
		axis.setPosition(IAxis.Position.Secondary);
		title(axis, yTitle);
		axis.getTick().setFormat(new DecimalFormat("#,##0.###")); //$NON-NLS-1$
		axis.getTick().setForeground(((ILineSeries<?>) chart.getSeriesSet().getSeries(name)).getLineColor());
		axis.getTitle().setForeground(axis.getTick().getForeground());
		chart.getSeriesSet().getSeries(name).setYAxisId(id);
		return this;
	}

	/**
	 * Fixes the y axis to {@code lower..upper} (a share of one CPU: 0..100 %), so that its scale is
	 * labelled however small the chart: a range fitted to the data can get one tick only.
	 */
	public TimeSeriesChart fixedYRange(double lower, double upper) {
		yRange = new Range(lower, upper);
		return this;
	}

	/** Makes the y axis logarithmic (latencies from microseconds to minutes); values below {@link #LOG_FLOOR} sit on it. */
	public TimeSeriesChart logScale() {
		log = true;
		return this;
	}

	/**
	 * Marks every point with a dot: for series of events (an operation's latency, known when it
	 * ended), whose points can all sit at one instant, where a line alone draws nothing.
	 */
	public TimeSeriesChart markPoints() {
		for (ISeries<?> series : chart.getSeriesSet().getSeries()) {
			((ILineSeries<?>) series).setSymbolType(ILineSeries.PlotSymbolType.CIRCLE);
			((ILineSeries<?>) series).setSymbolSize(3);
			((ILineSeries<?>) series).setSymbolColor(((ILineSeries<?>) series).getLineColor());
		}
		return this;
	}

	/** The chart widget. */
	public Chart chart() {
		return chart;
	}

	/**
	 * Replaces the data: the same x values for every series, the y values by series name. A series
	 * whose values are all NaN (a sysfs file this kernel lacks) is drawn empty; a single NaN point is
	 * drawn as 0.
	 */
	public void setData(double[] x, Map<String, double[]> y) {
		if (chart.isDisposed()) {
			return;
		}
		chart.suspendUpdate(true);
		try {
			for (String name : names) {
				ISeries<?> series = chart.getSeriesSet().getSeries(name);
				double[] values = y.get(name);
				if (values == null || values.length != x.length) {
					continue;
				}
				boolean absent = allNaN(values);
				series.setXSeries(absent ? new double[0] : x);
				series.setYSeries(absent ? new double[0] : drawn(values));
			}
			// SWTChart refuses a log scale while a series has a value <= 0: only with points
			IAxis yAxis = chart.getAxisSet().getYAxis(0);
			boolean logNow = log && x.length > 0;
			if (yAxis.isLogScaleEnabled() != logNow) {
				yAxis.enableLogScale(logNow);
			}
			chart.getAxisSet().getXAxis(0).setRange(xRange(x));
			for (IAxis axis : chart.getAxisSet().getYAxes()) {
				axis.setRange(yRange(axis));
			}
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	/**
	 * The range of {@code axis}: the fixed one, else from zero to a little above the largest value of
	 * its series (a unit range when every value is zero, which SWTChart would draw as a range of zero
	 * height); on a log scale the decades from the smallest value (at least {@link #LOG_FLOOR}) to the
	 * largest.
	 */
	private Range yRange(IAxis axis) {
		Range fixed = yRange;
		if (fixed != null && axis.getId() == 0) {
			return fixed;
		}
		double max = Double.NEGATIVE_INFINITY;
		double min = Double.POSITIVE_INFINITY;
		for (ISeries<?> series : chart.getSeriesSet().getSeries()) {
			if (series.getYAxisId() == axis.getId()) {
				for (double v : series.getYSeries()) {
					max = Math.max(max, v);
					min = Math.min(min, v);
				}
			}
		}
		if (axis.isLogScaleEnabled()) { // whole decades around the values, a flat line inside one
			double low = Math.max(LOG_FLOOR, min == Double.POSITIVE_INFINITY ? LOG_FLOOR : min);
			double lower = Math.pow(10, Math.floor(Math.log10(low)));
			double upper = Math.pow(10, Math.ceil(Math.log10(Math.max(low, max))));
			return new Range(lower, upper > lower ? upper : lower * 10);
		}
		double lower = Math.min(0, min == Double.POSITIVE_INFINITY ? 0 : min);
		return new Range(lower, max > lower ? lower + (max - lower) * 1.05 : lower + 1);
	}

	/** The time from the first point to the last; from 0 to 1 s without two points (never negative seconds). */
	private static Range xRange(double[] x) {
		int n = x.length;
		return n > 1 && x[n - 1] > x[0] ? new Range(x[0], x[n - 1]) : new Range(0, n == 0 ? 1 : Math.max(1, x[n - 1]));
	}

	private double[] drawn(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			double v = Double.isNaN(values[i]) ? 0 : values[i];
			out[i] = log ? Math.max(LOG_FLOOR, v) : v;
		}
		return out;
	}

	private static boolean allNaN(double[] values) {
		for (double v : values) {
			if (!Double.isNaN(v)) {
				return false;
			}
		}
		return values.length > 0;
	}

	/** Removes every point (nothing to do when it has none). */
	public void clear() {
		ISeries<?>[] all = chart.getSeriesSet().getSeries();
		if (all.length == 0 || all[0].getXSeries().length == 0) {
			return;
		}
		setData(new double[0], names.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> new double[0])));
	}
}
