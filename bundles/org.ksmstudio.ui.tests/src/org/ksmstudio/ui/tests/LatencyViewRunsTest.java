package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ISeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.LatencyView;

/**
 * The Per-node Latency view across runs: switching between a one-policy and a two-policy run (and
 * closing the first) rebuilds the table without an error; the result of a compaction issued by hand
 * stays with its run; the worst-latency chart is drawn from the engine's history even when the view
 * was hidden while the operation ran.
 */
class LatencyViewRunsTest extends WorkbenchTestCase {

	private static final String EXAMPLE = "reference-a-b-2000x1-mps256.ksm"; //$NON-NLS-1$

	private final List<IStatus> errors = new CopyOnWriteArrayList<>();
	private final ILogListener log = (status, plugin) -> {
		if (status.matches(IStatus.ERROR)) {
			errors.add(status);
		}
	};

	@BeforeEach
	void listen() {
		Platform.addLogListener(log);
	}

	@AfterEach
	void stopListening() {
		Platform.removeLogListener(log);
	}

	private ScenarioEditor runToConvergence(Path file) {
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.policies().stream().allMatch(p -> p.simulation() != null
				&& p.simulation().snapshot().counters().pagesSharing() > 0), () -> "ksmd merges: " + run.status()); //$NON-NLS-1$
		return editor;
	}

	private Path twoPolicies() throws IOException {
		Path file = folder.resolve("two-policies.ksm"); //$NON-NLS-1$
		String text = Files.readString(TestScenarios.copyExample(EXAMPLE, folder));
		Files.writeString(file, text.replace("<policies>stock</policies>", //$NON-NLS-1$
				"<policies>stock</policies>\n    <policies>no-limit</policies>")); //$NON-NLS-1$
		return file;
	}

	private void compactNodeZero(LatencyView view) {
		ui.async(() -> menuAction(view, "Compact a Node...").run()); //$NON-NLS-1$
		Text arguments = ui.find(Text.class, t -> t.isVisible() && t.getShell() != view.getSite().getShell()
				&& "0".equals(t.getText()), "the compaction dialog"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(arguments, "0"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$
	}

	@Test
	void switchingBetweenRunsOfOneAndTwoPoliciesRebuildsTheTable() throws IOException {
		LatencyView view = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ScenarioEditor one = runToConvergence(TestScenarios.copyExample(EXAMPLE, folder));
		compactNodeZero(view);
		ScenarioRun first = ui.sync(() -> one.getRunSlot().current());
		ui.waitUntil(() -> first.simulation().rmapReport().get(0, RmapOperation.COMPACTION) != null,
				() -> "node 0 is compacted"); //$NON-NLS-1$
		Table table = ui.byData(Table.class, LatencyView.TABLE_KEY);
		ui.waitUntil(() -> table.getItemCount() == 1 && table.getColumnCount() == 11,
				() -> "one compaction row in the one-policy layout: " + view.cellTexts()); //$NON-NLS-1$

		ScenarioEditor two = runToConvergence(twoPolicies());
		ui.waitUntil(() -> table.getColumnCount() == 9 && "Policy".equals(table.getColumn(2).getText()) //$NON-NLS-1$
				&& table.getItemCount() == 0,
				() -> "a line per policy, no row of the other run: " + view.cellTexts()); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(one));
		ui.waitUntil(() -> table.getColumnCount() == 11 && table.getItemCount() == 1,
				() -> "back to the one-policy run and its compaction: " + view.cellTexts()); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(two));
		ui.waitUntil(() -> table.getColumnCount() == 9, () -> "the two-policy layout again"); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(one));
		ui.run(() -> TestScenarios.page().closeEditor(one, false));
		ui.waitUntil(() -> table.getColumnCount() == 9, () -> "the remaining two-policy run is followed"); //$NON-NLS-1$
		ui.sync(view::cellTexts);
		assertEquals(List.of(), errors, "no error while the view switched runs"); //$NON-NLS-1$
	}

	@Test
	void aCompactionByHandStaysWithItsRunAndTheChartShowsItAfterTheFact() throws IOException {
		LatencyView view = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ScenarioEditor editor = runToConvergence(TestScenarios.copyExample(EXAMPLE, folder));
		ScenarioRun first = ui.sync(() -> editor.getRunSlot().current());
		compactNodeZero(view);
		ui.waitUntil(() -> first.simulation().rmapReport().get(0, RmapOperation.COMPACTION) != null,
				() -> "node 0 is compacted"); //$NON-NLS-1$
		Label status = ui.byData(Label.class, LatencyView.STATUS_KEY);
		ui.waitUntil(() -> status.getText().contains("compaction"), //$NON-NLS-1$
				() -> "the status line tells the compaction's result: " + status.getText()); //$NON-NLS-1$

		// the next run of the same editor starts without it
		first.cancel();
		ui.waitUntil(() -> !first.isActive(), () -> "the first run ends"); //$NON-NLS-1$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ui.waitUntil(() -> ui.sync(() -> editor.getRunSlot().current()) != first, () -> "a second run"); //$NON-NLS-1$
		ScenarioRun second = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> second.simulation() != null && second.simulation().snapshot().counters().pagesSharing() > 0,
				() -> "the second run merges"); //$NON-NLS-1$
		Table table = ui.byData(Table.class, LatencyView.TABLE_KEY);
		ui.waitUntil(() -> table.getItemCount() == 0 && !status.getText().contains("compaction"), //$NON-NLS-1$
				() -> "nothing of the first run's compaction: " + status.getText() + " " + view.cellTexts()); //$NON-NLS-1$ //$NON-NLS-2$

		// a compaction while the view is hidden is in its chart when it is shown again
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		assertFalse(ui.sync(() -> TestScenarios.page().isPartVisible(view)));
		second.simulation().compactNode(0);
		TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		Chart chart = ui.find(Chart.class, c -> c.getTitle().getText().startsWith("Worst"), "the worst-latency chart"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> stretchPoints(chart) >= 2, () -> "the chart has the compaction: " + stretchPoints(chart)); //$NON-NLS-1$
		assertTrue(ui.sync(() -> maxOf(chart)) > 0, "the compaction's stretch is drawn"); //$NON-NLS-1$
		second.cancel();
	}

	private int stretchPoints(Chart chart) {
		return ui.sync(() -> {
			int points = 0;
			for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
				points = Math.max(points, s.getXSeries().length);
			}
			return points;
		});
	}

	private static double maxOf(Chart chart) {
		double max = 0;
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			for (double y : s.getYSeries()) {
				max = Math.max(max, y);
			}
		}
		return max;
	}

	private static IAction menuAction(LatencyView view, String text) {
		for (IContributionItem item : view.getViewSite().getActionBars().getMenuManager().getItems()) {
			if (item instanceof ActionContributionItem action && text.equals(action.getAction().getText())) {
				return action.getAction();
			}
		}
		throw new AssertionError("no menu item " + text); //$NON-NLS-1$
	}
}
