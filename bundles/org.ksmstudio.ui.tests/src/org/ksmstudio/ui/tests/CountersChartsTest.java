package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;

/**
 * The Counters view after a run of four processes with chains: every chart titles its axes with
 * their units and writes numbers with thousands separators, the chains line has an axis of its own
 * beside the dups (1 chain would lie flat under 500 dups), and the ksm_stat table sorts by the
 * column clicked, the other way on a second click. ksmd's CPU share is drawn on a fixed scale of
 * 0 to 100 % of one CPU (fitted to a ksmd that is mostly asleep, its small chart got a single tick).
 */
class CountersChartsTest extends WorkbenchTestCase {

	@Test
	void chartsHaveUnitsAndTheKsmStatTableSorts() throws IOException {
		CountersView view = TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("reference-d-4proc-1000x1-mps256.ksm", folder)); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(3)); //$NON-NLS-1$
		assertEquals(ScenarioRun.Status.DONE, run.status(), run.failure());

		List<Chart> charts = ui.sync(view::charts);
		ui.waitUntil(() -> charts.get(1).getSeriesSet().getSeries("stable_node_dups").getYSeries().length > 1, //$NON-NLS-1$
				() -> "the stable tree chart has points"); //$NON-NLS-1$
		for (Chart chart : charts) {
			ui.run(() -> {
				IAxis x = chart.getAxisSet().getXAxis(0);
				IAxis y = chart.getAxisSet().getYAxis(0);
				String name = chart.getTitle().getText();
				assertTrue(x.getTitle().isVisible() && x.getTitle().getText().contains("(s)"), name + ": " + x.getTitle().getText()); //$NON-NLS-1$ //$NON-NLS-2$
				assertTrue(y.getTitle().isVisible() && !y.getTitle().getText().isBlank(), name + " has a unit on its y axis"); //$NON-NLS-1$
				assertEquals("12,345", y.getTick().getFormat().format(12345), name + ": thousands separators"); //$NON-NLS-1$ //$NON-NLS-2$
			});
		}
		Chart tree = charts.get(1);
		ui.run(() -> {
			int chains = tree.getSeriesSet().getSeries("stable_node_chains").getYAxisId(); //$NON-NLS-1$
			int dups = tree.getSeriesSet().getSeries("stable_node_dups").getYAxisId(); //$NON-NLS-1$
			assertNotEquals(dups, chains, "the chains have an axis of their own"); //$NON-NLS-1$
			assertEquals(IAxis.Position.Secondary, tree.getAxisSet().getYAxis(chains).getPosition());
			assertEquals("chains", tree.getAxisSet().getYAxis(chains).getTitle().getText()); //$NON-NLS-1$
		});

		Chart cpu = charts.get(3);
		ui.waitUntil(() -> cpu.getSeriesSet().getSeries()[0].getYSeries().length > 1, () -> "the CPU chart has points"); //$NON-NLS-1$
		ui.run(() -> {
			IAxis y = cpu.getAxisSet().getYAxis(0);
			assertEquals(0, y.getRange().lower, "ksmd's CPU share from 0 % ..."); //$NON-NLS-1$
			assertEquals(100, y.getRange().upper, "... to 100 % of one CPU, whatever it spent"); //$NON-NLS-1$
		});

		Table processes = ui.sync(() -> ui.findAll(Table.class, t -> t.getData(CountersView.PROCESSES_KEY) != null).get(0));
		ui.run(() -> ((CTabFolder) processes.getParent().getParent()).setSelection(1));
		ui.waitUntil(() -> processes.getItemCount() == 4, () -> "four processes: " + processes.getItemCount()); //$NON-NLS-1$
		try {
			clickHeader(processes, 0);
			assertEquals(List.of("1001", "1002", "1003", "1004"), ui.sync(() -> pids(processes))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			clickHeader(processes, 0);
			assertEquals(List.of("1004", "1003", "1002", "1001"), ui.sync(() -> pids(processes)), "the other way"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			assertEquals(SWT.DOWN, (int) ui.sync(processes::getSortDirection));
		} finally {
			ui.run(() -> ((CTabFolder) processes.getParent().getParent()).setSelection(0)); // as the other tests expect
		}
	}

	private void clickHeader(Table table, int column) {
		ui.run(() -> table.getColumn(column).notifyListeners(SWT.Selection, new Event()));
	}

	private static List<String> pids(Table table) {
		List<String> pids = new ArrayList<>();
		for (int i = 0; i < table.getItemCount(); i++) {
			pids.add(table.getItem(i).getText(0));
		}
		return pids;
	}
}
