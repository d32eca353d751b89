package org.ksmstudio.ui.internal.views;

import java.util.List;

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

/**
 * An SWTChart line chart of one quantity for several runs on one axis of simulated seconds: a line
 * per run, each with its own times, named by the run in the legend.
 */
final class RunsChart {

	/** The runs' colours, in order (Okabe-Ito, told apart also by colour-blind readers). */
	private static final RGB[] RUN_COLOURS = { new RGB(0, 114, 178), new RGB(213, 94, 0), new RGB(0, 158, 115),
			new RGB(204, 121, 167), new RGB(86, 180, 233), new RGB(230, 159, 0), new RGB(0, 0, 0) };

	/** One run's line. */
	record Line(String name, double[] x, double[] y) {
	}

	private final Chart chart;

	RunsChart(Composite parent) {
		chart = new Chart(parent, SWT.NONE);
		chart.getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getXAxis(0).getTitle().setText(org.ksmstudio.ui.internal.Messages.compareTimeAxis);
		chart.getAxisSet().getXAxis(0).getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getAxisSet().getYAxis(0).getTitle().setFont(JFaceResources.getDefaultFont());
		chart.getLegend().setPosition(SWT.BOTTOM);
		chart.getLegend().setFont(JFaceResources.getDefaultFont());
	}

	/** The chart widget. */
	Chart chart() {
		return chart;
	}

	/** Shows {@code lines} under {@code title}, the y axis titled {@code yTitle}. */
	void show(String title, String yTitle, List<Line> lines) {
		if (chart.isDisposed()) {
			return;
		}
		chart.suspendUpdate(true);
		try {
			chart.getTitle().setText(title);
			chart.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
			ISeriesSet set = chart.getSeriesSet();
			for (ISeries<?> old : set.getSeries()) {
				set.deleteSeries(old.getId());
			}
			for (int i = 0; i < lines.size(); i++) {
				Line line = lines.get(i);
				ILineSeries<?> series = (ILineSeries<?>) set.createSeries(ISeries.SeriesType.LINE, "run" + i); //$NON-NLS-1$
				series.setDescription(line.name());
				series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
				series.setLineStyle(LineStyle.SOLID);
				series.setLineWidth(2);
				series.setLineColor(new Color(RUN_COLOURS[i % RUN_COLOURS.length]));
				series.setXSeries(line.x());
				series.setYSeries(line.y());
			}
			chart.getAxisSet().adjustRange();
		} finally {
			chart.suspendUpdate(false);
		}
		chart.redraw();
	}

	/** The lines' names, in order (for tests). */
	List<String> names() {
		return java.util.Arrays.stream(chart.getSeriesSet().getSeries()).map(ISeries::getDescription).toList();
	}
}
