package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.export.FileDialogs;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;

/**
 * The case that charted 300 % to 5,500 % of a CPU: ksmd batches of 5,000 pages (several ms of CPU
 * time each) sampled every millisecond, under two policies. The ksmd CPU chart stays within one
 * CPU, its area is ksmd's CPU time (nothing cut off at 100 %), it shows the policy chosen in the
 * combo and comes back after switching editors; the exports carry it with the scenario, the policy
 * and the tunables; the charts go into the one PNG asked for, and the next dialog opens where the
 * last file went.
 */
class KsmdCpuChartTest extends WorkbenchTestCase {

	private FileDialogs.Chooser original;

	@AfterEach
	void restoreChooser() {
		if (original != null) {
			FileDialogs.setChooser(original);
		}
	}

	private Path scenario() throws IOException {
		Path file = folder.resolve("busy-ksmd.ksm"); //$NON-NLS-1$
		String text = Files.readString(TestScenarios.copyExample("reference-j-chain-20000x1-mps2.ksm", folder)); //$NON-NLS-1$
		Files.writeString(file, text.replace("<policies>stock</policies>", //$NON-NLS-1$
				"<policies>stock</policies>\n    <policies>no-limit</policies>") //$NON-NLS-1$
				.replace("durationMillis=\"3600000\"", "durationMillis=\"60000\" samplingIntervalMillis=\"1\"")); //$NON-NLS-1$ //$NON-NLS-2$
		return file;
	}

	@Test
	void ksmdCpuShareStaysWithinOneCpuPerPolicyAcrossEditorsAndInTheExports() throws Exception {
		CountersView view = TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ScenarioEditor editor = TestScenarios.open(ui, scenario());
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(5)); //$NON-NLS-1$
		assertEquals(ScenarioRun.Status.DONE, run.status(), run.failure());

		KsmSimulation stock = run.policies().get(0).simulation();
		KsmSimulation noLimit = run.policies().get(1).simulation();
		double stockCpu = spentSeconds(stock);
		double noLimitCpu = spentSeconds(noLimit);
		assertTrue(Math.abs(stockCpu - noLimitCpu) > 0.02 * stockCpu,
				"the policies cost ksmd different CPU time: " + stockCpu + " and " + noLimitCpu + " s"); //$NON-NLS-1$ //$NON-NLS-2$
		for (KsmSimulation simulation : List.of(stock, noLimit)) {
			double charged = simulation.snapshot().ksmdCpuShare() * simulation.snapshot().timeNanos() / 1e9;
			assertTrue(spentSeconds(simulation) > 0.95 * charged, "the run ends with ksmd asleep: spent " //$NON-NLS-1$
					+ spentSeconds(simulation) + " of " + charged + " s"); //$NON-NLS-1$ //$NON-NLS-2$
		}

		Chart cpu = ui.sync(() -> view.charts().get(3));
		expectChart(cpu, stockCpu, "stock"); //$NON-NLS-1$

		Combo policy = ui.byData(Combo.class, CountersView.POLICY_KEY);
		ui.run(() -> {
			policy.select(1);
			policy.notifyListeners(SWT.Selection, new Event());
		});
		expectChart(cpu, noLimitCpu, "no-limit after the combo chose it"); //$NON-NLS-1$

		ScenarioEditor other = TestScenarios.open(ui, TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(other));
		ui.waitUntil(() -> cpu.getSeriesSet().getSeries()[0].getYSeries().length == 0,
				() -> "an editor without a run charts nothing"); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(editor));
		expectChart(cpu, noLimitCpu, "no-limit again after switching editors back"); //$NON-NLS-1$

		// the exports: both policies, ksmd's CPU share within one CPU, scenario and tunables on every row
		List<String> folders = new ArrayList<>();
		Path csv = folder.resolve("out").resolve("counters.csv"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.createDirectories(csv.getParent());
		original = FileDialogs.setChooser(dialog -> {
			folders.add(dialog.getFilterPath());
			return dialog.getFileName().endsWith(".png") ? csv.resolveSibling("charts.png").toString() : csv.toString(); //$NON-NLS-1$ //$NON-NLS-2$
		});
		ui.run(() -> menuAction(view, "Export Counters as CSV...").run()); //$NON-NLS-1$
		List<CSVRecord> records = CsvTables.FORMAT.parse(new StringReader(Files.readString(csv))).getRecords();
		List<String> header = records.get(0).toList();
		assertEquals(List.of("scenario", "policy", "time_s"), header.subList(0, 3)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		int cpuColumn = header.indexOf("ksmd_cpu_percent"); //$NON-NLS-1$
		int mps = header.indexOf("max_page_sharing"); //$NON-NLS-1$
		int time = header.indexOf("time_s"); //$NON-NLS-1$
		assertTrue(cpuColumn > 0 && mps > 0, header.toString());
		double exportedStock = 0;
		double previousTime = 0;
		for (CSVRecord row : records.subList(1, records.size())) {
			assertEquals(ui.sync(run::name), row.get(0));
			assertEquals("2", row.get(mps), "the tunables in force: " + row); //$NON-NLS-1$ //$NON-NLS-2$
			double share = Double.parseDouble(row.get(cpuColumn));
			assertTrue(share >= 0 && share <= 100, "within one CPU: " + row); //$NON-NLS-1$
			double t = Double.parseDouble(row.get(time));
			if ("stock".equals(row.get(1))) { //$NON-NLS-1$
				exportedStock += share / 100 * (t - previousTime);
			}
			previousTime = "stock".equals(row.get(1)) ? t : 0; //$NON-NLS-1$
		}
		assertEquals(List.of("stock", "no-limit"), records.subList(1, records.size()).stream().map(r -> r.get(1)) //$NON-NLS-1$ //$NON-NLS-2$
				.distinct().toList());
		assertEquals(stockCpu, exportedStock, 0.02 * stockCpu, "the exported shares add up to stock's ksmd CPU time"); //$NON-NLS-1$

		// one PNG of the four charts where it was asked for, and the dialog opened in the last folder
		ui.run(() -> menuAction(view, "Save Charts as PNG...").run()); //$NON-NLS-1$
		Path png = csv.resolveSibling("charts.png"); //$NON-NLS-1$
		assertTrue(Files.isRegularFile(png), "charts.png written"); //$NON-NLS-1$
		try (var files = Files.list(csv.getParent())) {
			assertEquals(List.of("charts.png", "counters.csv"), files.map(p -> p.getFileName().toString()).sorted() //$NON-NLS-1$ //$NON-NLS-2$
					.toList(), "no charts-1..4.png"); //$NON-NLS-1$
		}
		ImageData image = new ImageData(png.toString());
		org.eclipse.swt.graphics.Point size = ui.sync(() -> cpu.getParent().getSize());
		assertEquals(size.x, image.width);
		assertEquals(size.y, image.height);
		assertEquals(csv.getParent().toString(), folders.get(1), "the second dialog opens where the first file went"); //$NON-NLS-1$
		assertFalse(folders.get(0).isEmpty());
	}

	private static double spentSeconds(KsmSimulation simulation) {
		CounterSeries.View series = simulation.series();
		return series.ksmdBusyNanos(series.size() - 1) / 1e9;
	}

	/** Waits until the CPU chart shows {@code cpuSeconds} of ksmd CPU time, never above 100 %. */
	private void expectChart(Chart chart, double cpuSeconds, String what) {
		ui.waitUntil(() -> {
			ISeries<?> series = chart.getSeriesSet().getSeries()[0];
			return Math.abs(area(series) - cpuSeconds) < 0.01 * cpuSeconds && max(series) <= 100;
		}, () -> what + ": the chart's area " + area(chart.getSeriesSet().getSeries()[0]) + " s of CPU, expected " //$NON-NLS-1$ //$NON-NLS-2$
				+ cpuSeconds + ", max " + max(chart.getSeriesSet().getSeries()[0]) + " %"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(ui.sync(() -> max(chart.getSeriesSet().getSeries()[0])) > 99,
				what + ": a batch longer than a sample keeps ksmd busy for the whole sample"); //$NON-NLS-1$
	}

	/** CPU seconds under the chart: each point's share over the time since the previous point. */
	private static double area(ISeries<?> series) {
		double[] x = series.getXSeries();
		double[] y = series.getYSeries();
		double sum = 0;
		for (int i = 0; i < y.length; i++) {
			sum += y[i] / 100 * (x[i] - (i == 0 ? 0 : x[i - 1]));
		}
		return sum;
	}

	private static double max(ISeries<?> series) {
		double max = 0;
		for (double v : series.getYSeries()) {
			max = Math.max(max, v);
		}
		return max;
	}

	private static IAction menuAction(CountersView view, String text) {
		for (IContributionItem item : view.getViewSite().getActionBars().getMenuManager().getItems()) {
			if (item instanceof ActionContributionItem action && text.equals(action.getAction().getText())) {
				return action.getAction();
			}
		}
		throw new AssertionError("no menu item " + text); //$NON-NLS-1$
	}
}
