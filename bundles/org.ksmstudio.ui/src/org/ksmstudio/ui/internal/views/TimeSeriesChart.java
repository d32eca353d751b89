package org.ksmstudio.ui.internal.views;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

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
 * An SWTChart line chart of named series over simulated seconds: axes titled with their units,
 * numbers with thousands separators, optionally a logarithmic y axis or a second y axis at the
 * right for a series of another scale.
 */
final class TimeSeriesChart {

	/** The smallest value a logarithmic axis draws (a value of 0 sits there). */
	static final double LOG_FLOOR = 1e-3;

	/** Colours of the series, in order. */
	private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
			new RGB(255, 127, 14), new RGB(148, 103, 189), new RGB(140, 86, 75) };

	private final Chart chart;
	private final List<String> names;
	private boolean log;
	/** the y axis's fixed range, or null when it follows the data */
	private Range yRange;

	TimeSeriesChart(Composite parent, String title, String yTitle, List<String> names) {
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
	TimeSeriesChart secondAxis(String name, String yTitle) {
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
	TimeSeriesChart fixedYRange(double lower, double upper) {
		yRange = new Range(lower, upper);
		return this;
	}

	/** Makes the y axis logarithmic (latencies from microseconds to minutes); values below {@link #LOG_FLOOR} sit on it. */
	TimeSeriesChart logScale() {
		log = true;
		return this;
	}

	/** The chart widget. */
	Chart chart() {
		return chart;
	}

	/** Replaces the data: the same x values for every series, the y values by series name. */
	void setData(double[] x, Map<String, double[]> y) {
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
				series.setXSeries(x);
				series.setYSeries(log ? floored(values) : values);
			}
			// SWTChart refuses a log scale while a series has a value <= 0: only with points
			IAxis yAxis = chart.getAxisSet().getYAxis(0);
			boolean logNow = log && x.length > 0;
			if (yAxis.isLogScaleEnabled() != logNow) {
				yAxis.enableLogScale(logNow);
			}
			chart.getAxisSet().adjustRange();
			Range fixed = yRange;
			if (fixed != null) {
				yAxis.setRange(fixed);
			}
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	private static double[] floored(double[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = Math.max(LOG_FLOOR, values[i]);
		}
		return out;
	}

	/** Removes every point (nothing to do when it has none). */
	void clear() {
		ISeries<?>[] all = chart.getSeriesSet().getSeries();
		if (all.length == 0 || all[0].getXSeries().length == 0) {
			return;
		}
		setData(new double[0], names.stream().collect(java.util.stream.Collectors.toMap(n -> n, n -> new double[0])));
	}
}
