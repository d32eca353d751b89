package org.ksmstudio.live.ui.internal.views;

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

/** An SWTChart line chart of named series over seconds, in the colours of the simulated counters' charts. */
public final class LiveChart {

	private static final RGB[] PALETTE = { new RGB(31, 119, 180), new RGB(214, 39, 40), new RGB(44, 160, 44),
			new RGB(255, 127, 14), new RGB(148, 103, 189), new RGB(140, 86, 75) };

	private final Chart chart;
	private final List<String> names;

	/** A chart of the series {@code names}. */
	public LiveChart(Composite parent, String title, String xTitle, String yTitle, List<String> names) {
		this.names = List.copyOf(names);
		chart = new Chart(parent, SWT.NONE);
		chart.getTitle().setText(title);
		chart.getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getXAxis(0).getTitle().setText(xTitle);
		chart.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
		chart.getAxisSet().getXAxis(0).getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getYAxis(0).getTitle().setFont(JFaceResources.getDefaultFont());
		ISeriesSet set = chart.getSeriesSet();
		for (int i = 0; i < names.size(); i++) {
			ILineSeries<?> series = (ILineSeries<?>) set.createSeries(ISeries.SeriesType.LINE, names.get(i));
			series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
			series.setLineStyle(LineStyle.SOLID);
			series.setLineWidth(2);
			series.setLineColor(new Color(PALETTE[i % PALETTE.length]));
			series.setXSeries(new double[0]);
			series.setYSeries(new double[0]);
		}
		chart.getLegend().setPosition(SWT.BOTTOM);
		chart.getLegend().setVisible(names.size() > 1);
	}

	/** The chart widget. */
	public Chart chart() {
		return chart;
	}

	/**
	 * Replaces the data: the same x values for every series, y values by name. A series whose values are
	 * all NaN (a file this kernel lacks) is drawn empty; single NaN points are drawn as 0.
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
				if (values == null || values.length != x.length || allNaN(values)) {
					series.setXSeries(new double[0]);
					series.setYSeries(new double[0]);
					continue;
				}
				double[] clean = values.clone();
				for (int i = 0; i < clean.length; i++) {
					if (Double.isNaN(clean[i])) {
						clean[i] = 0;
					}
				}
				series.setXSeries(x);
				series.setYSeries(clean);
			}
			chart.getAxisSet().adjustRange();
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	private static boolean allNaN(double[] values) {
		for (double v : values) {
			if (!Double.isNaN(v)) {
				return false;
			}
		}
		return true;
	}
}
