package org.ksmstudio.ui.internal.views;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeriesSet;
import org.eclipse.swtchart.LineStyle;

/** An SWTChart line chart of named series over simulated seconds. */
final class TimeSeriesChart {

	/** Colours of the series, in order. */
	private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
			new RGB(255, 127, 14), new RGB(148, 103, 189), new RGB(140, 86, 75) };

	private final Chart chart;
	private final List<String> names;

	TimeSeriesChart(Composite parent, String title, String yTitle, List<String> names) {
		this.names = List.copyOf(names);
		chart = new Chart(parent, SWT.NONE);
		chart.getTitle().setText(yTitle == null || yTitle.isEmpty() ? title : title + " (" + yTitle + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		chart.getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getXAxis(0).getTitle().setVisible(false);
		chart.getAxisSet().getYAxis(0).getTitle().setVisible(false);
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
				series.setYSeries(values);
			}
			chart.getAxisSet().adjustRange();
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
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
