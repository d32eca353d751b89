package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.views.TimeSeriesChart;

/**
 * The one line chart of the simulation's and the Live Kernel's views on real SWT widgets: a scale from
 * zero with numbers on it for a constant, an all-zero or an absent series, and a logarithmic scale
 * that takes zeros.
 */
class TimeSeriesChartTest {

	private final UiDriver ui = UiDriver.workbench();

	private static final double[] TIMES = { 0, 1, 2, 3 };

	/** Draws {@code data} in a chart of a shell of its own and hands the chart to {@code check}. */
	private void inChart(boolean log, Map<String, double[]> data, Consumer<TimeSeriesChart> check) {
		Shell[] shell = new Shell[1];
		TimeSeriesChart chart = ui.sync(() -> {
			shell[0] = new Shell(ui.display());
			shell[0].setLayout(new FillLayout());
			shell[0].setSize(400, 300);
			TimeSeriesChart c = new TimeSeriesChart(shell[0], "test", "pages", List.copyOf(data.keySet())); //$NON-NLS-1$ //$NON-NLS-2$
			if (log) {
				c.logScale();
			}
			shell[0].open();
			c.setData(TIMES, data);
			return c;
		});
		try {
			ui.flush();
			ui.waitUntil(() -> chart.chart().getAxisSet().getYAxis(0).getTick().getTickLabelValues().length >= 2,
					() -> "numbers on the y axis of " + data.keySet()); //$NON-NLS-1$
			ui.run(() -> check.accept(chart));
		} finally {
			ui.run(() -> shell[0].dispose());
		}
	}

	private static Range y(TimeSeriesChart chart) {
		return chart.chart().getAxisSet().getYAxis(0).getRange();
	}

	@Test
	void aConstantSeriesIsDrawnOnAScaleFromZero() {
		inChart(false, Map.of("general_profit", new double[] { 4.8, 4.8, 4.8, 4.8 }), chart -> { //$NON-NLS-1$
			assertEquals(0, y(chart).lower, "from zero: " + y(chart)); //$NON-NLS-1$
			assertTrue(y(chart).upper > 4.8, "above the value: " + y(chart)); //$NON-NLS-1$
		});
	}

	@Test
	void anAllZeroSeriesGetsAUnitScale() {
		inChart(false, Map.of("pages_volatile", new double[4]), chart -> { //$NON-NLS-1$
			assertEquals(0, y(chart).lower);
			assertEquals(1, y(chart).upper, "a scale of some height: " + y(chart)); //$NON-NLS-1$
		});
	}

	@Test
	void anEmptyChartShowsNoNegativeTime() {
		Shell shell = ui.sync(() -> new Shell(ui.display()));
		try {
			Range x = ui.sync(() -> {
				shell.setLayout(new FillLayout());
				shell.setSize(400, 300);
				TimeSeriesChart chart = new TimeSeriesChart(shell, "test", "pages", List.of("pages_shared")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				shell.open();
				chart.setData(new double[0], Map.of("pages_shared", new double[0])); //$NON-NLS-1$
				return chart.chart().getAxisSet().getXAxis(0).getRange();
			});
			assertEquals(0, x.lower, "no run yet: the time axis starts at 0 s, not -1 s: " + x); //$NON-NLS-1$
			assertEquals(1, x.upper);
		} finally {
			ui.run(shell::dispose);
		}
	}

	@Test
	void anAbsentSeriesIsEmptyAndTheOthersAreDrawn() {
		double[] absent = { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
		inChart(false, Map.of("smart_scan", absent, "pages_sharing", new double[] { 0, 1000, Double.NaN, 3000 }), //$NON-NLS-1$ //$NON-NLS-2$
				chart -> {
					assertEquals(0, chart.chart().getSeriesSet().getSeries("smart_scan").getYSeries().length, //$NON-NLS-1$
							"a file this kernel lacks draws nothing"); //$NON-NLS-1$
					double[] sharing = chart.chart().getSeriesSet().getSeries("pages_sharing").getYSeries(); //$NON-NLS-1$
					assertEquals(0, sharing[2], "a missing sample is drawn as 0"); //$NON-NLS-1$
					assertTrue(y(chart).upper >= 3000, y(chart).toString());
				});
	}

	@Test
	void aLogScaleTakesZeros() {
		inChart(true, Map.of("worst", new double[] { 0, 0, 0, 0 }), chart -> { //$NON-NLS-1$
			IAxis axis = chart.chart().getAxisSet().getYAxis(0);
			assertTrue(axis.isLogScaleEnabled());
			assertEquals(TimeSeriesChart.LOG_FLOOR, y(chart).lower, 1e-12, "zero sits on the floor: " + y(chart)); //$NON-NLS-1$
			assertTrue(y(chart).upper > y(chart).lower, y(chart).toString());
		});
		inChart(true, Map.of("worst", new double[] { 0, 3.05, 74_050, 74_050 }), chart -> { //$NON-NLS-1$
			assertTrue(y(chart).lower <= 3.05 && y(chart).upper >= 74_050, "from milliseconds to a minute: " + y(chart)); //$NON-NLS-1$
		});
		inChart(true, Map.of("worst", new double[] { 74_050, 74_050, 74_050, 74_050 }), chart -> { //$NON-NLS-1$
			assertEquals(10_000, y(chart).lower, 1e-6, "a flat 74 s line between the decades around it: " + y(chart)); //$NON-NLS-1$
			assertEquals(100_000, y(chart).upper, 1e-6, y(chart).toString());
		});
	}
}
