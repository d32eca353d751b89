package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.LatencyView;
import org.ksmstudio.ui.internal.views.RmapChainsView;
import org.ksmstudio.ui.internal.views.TunablesView;

/**
 * Nothing is cut in the KSM Studio perspective at its usual size: the Tunables' long file names,
 * defaults and last writes, the Counters' ksm_stat PIDs, its status line and policy combo on the
 * first layout, the latency cells, the Rmap Chains headers; and the Tunables table does not move
 * when its message changes from two lines to one.
 */
class ClippingTest extends WorkbenchTestCase {

	private ScenarioEditor runTwoPolicies() throws IOException {
		Path file = folder.resolve("two-policies.ksm"); //$NON-NLS-1$
		String text = Files.readString(TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		Files.writeString(file, text.replace("<policies>stock</policies>", //$NON-NLS-1$
				"<policies>stock</policies>\n    <policies>no-limit</policies>")); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(3)); //$NON-NLS-1$
		assertEquals(ScenarioRun.Status.DONE, run.status(), run.failure());
		return editor;
	}

	@Test
	void tunablesShowWholeNamesDefaultsAndWritesAndKeepTheirPlace() throws IOException {
		TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		Table table = ui.byData(Table.class, TunablesView.TABLE_KEY);
		Label status = ui.byData(Label.class, TunablesView.STATUS_KEY);
		ui.flush();
		int before = ui.sync(() -> table.getParent().getBounds().y);
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(editor));
		ui.waitUntil(() -> "256".equals(UiDriver.cell(table, "max_page_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "the scenario's tunables: " + UiDriver.cell(table, "max_page_sharing", 1)); //$NON-NLS-1$ //$NON-NLS-2$
		ui.flush();
		assertEquals(List.of(), ui.sync(() -> UiDriver.clipped(table)), "whole names, defaults and values"); //$NON-NLS-1$
		assertEquals("Tunable", ui.sync(() -> table.getColumn(0).getText()), "the name column says what it lists"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(0, ui.sync(() -> UiDriver.overflow(table)), () -> "every column fits the view, nothing scrolled out of sight: " //$NON-NLS-1$
				+ ui.sync(() -> UiDriver.widths(table)));
		assertEquals(before, ui.sync(() -> table.getParent().getBounds().y), "the table stays where it was when the message " //$NON-NLS-1$
				+ "changed to: " + ui.sync(status::getText)); //$NON-NLS-1$
		int twoLines = ui.sync(() -> {
			GC gc = new GC(status);
			try {
				return 2 * gc.getFontMetrics().getHeight();
			} finally {
				gc.dispose();
			}
		});
		assertTrue(ui.sync(() -> status.getSize().y) >= twoLines, "two lines kept for the message"); //$NON-NLS-1$

		// running: the values read from the simulated sysfs ("[none] scan-time") fit as well
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(3)); //$NON-NLS-1$
		ui.waitUntil(() -> "none".equals(UiDriver.cell(table, "advisor_mode", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "advisor_mode as it is written: " + UiDriver.cell(table, "advisor_mode", 1)); //$NON-NLS-1$ //$NON-NLS-2$
		ui.flush();
		assertEquals(0, ui.sync(() -> UiDriver.overflow(table)), () -> "the run's values fit the view: " //$NON-NLS-1$
				+ ui.sync(() -> UiDriver.widths(table)));
		assertEquals(List.of(), ui.sync(() -> UiDriver.clipped(table)), "whole values while running"); //$NON-NLS-1$
	}

	@Test
	void countersLatencyAndRmapChainsAreWholeAfterARun() throws IOException {
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ScenarioEditor editor = runTwoPolicies();
		Table sysfs = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		Combo policy = ui.byData(Combo.class, CountersView.POLICY_KEY);
		ui.waitUntil(() -> sysfs.getItemCount() > 0 && policy.isVisible(), () -> "the counters and the policy combo"); //$NON-NLS-1$
		ui.flush();
		assertTrue(ui.sync(() -> UiDriver.whole(policy)), "the policy combo is whole: " //$NON-NLS-1$
				+ ui.sync(() -> policy.getSize() + " of " + policy.computeSize(-1, -1))); //$NON-NLS-1$
		Label title = ui.sync(() -> (Label) policy.getParent().getChildren()[0]);
		assertTrue(ui.sync(() -> UiDriver.whole(title)), "the status line is whole: " + ui.sync(title::getText)); //$NON-NLS-1$
		assertEquals(List.of(), ui.sync(() -> UiDriver.clipped(sysfs)));
		Table processes = ui.sync(() -> ui.findAll(Table.class, t -> t.getData(CountersView.PROCESSES_KEY) != null).get(0));
		ui.run(() -> ((CTabFolder) processes.getParent().getParent()).setSelection(1));
		ui.waitUntil(() -> processes.getItemCount() > 0 && processes.isVisible(), () -> "the ksm_stat table"); //$NON-NLS-1$
		ui.flush();
		List<String> cutProcesses = ui.sync(() -> UiDriver.clipped(processes));
		ui.run(() -> ((CTabFolder) processes.getParent().getParent()).setSelection(0)); // as the other tests expect
		assertEquals(List.of(), cutProcesses, "whole PIDs and values"); //$NON-NLS-1$

		LatencyView latency = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ui.async(() -> menuAction(latency, "Compact a Node...").run()); //$NON-NLS-1$
		Text arguments = ui.find(Text.class, t -> t.isVisible() && t.getShell() != latency.getSite().getShell()
				&& "0".equals(t.getText()), "the compaction dialog"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(arguments, "0"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.simulation().rmapReport().get(0, RmapOperation.COMPACTION) != null,
				() -> "node 0 is compacted"); //$NON-NLS-1$
		Table table = ui.byData(Table.class, LatencyView.TABLE_KEY);
		ui.waitUntil(() -> table.getItemCount() > 0, () -> "a latency row"); //$NON-NLS-1$
		ui.flush();
		assertEquals(List.of(), ui.sync(() -> UiDriver.clipped(table)), "whole latency cells"); //$NON-NLS-1$
		assertEquals(0, ui.sync(() -> UiDriver.overflow(table)), () -> "the two policies' latencies fit the view: " //$NON-NLS-1$
				+ ui.sync(() -> UiDriver.widths(table)));
		Label memory = ui.byData(Label.class, LatencyView.STATUS_KEY);
		assertTrue(ui.sync(() -> UiDriver.wholeText(memory)), () -> "the memory of both policies wraps instead of being cut: " //$NON-NLS-1$
				+ ui.sync(() -> memory.getSize() + " for " + memory.getText())); //$NON-NLS-1$
		// latencies from microseconds to minutes: a logarithmic axis
		org.eclipse.swtchart.Chart worst = ui.find(org.eclipse.swtchart.Chart.class,
				c -> c.getTitle().getText().startsWith("Worst walk latency"), "the worst-latency chart"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> worst.getAxisSet().getYAxis(0).isLogScaleEnabled(), () -> "a log scale for latency"); //$NON-NLS-1$
		// a latency is known when its operation ended, often at the run's last instant: a dot, not an invisible line
		assertEquals(org.eclipse.swtchart.ILineSeries.PlotSymbolType.CIRCLE, ui.sync(() -> ((org.eclipse.swtchart.ILineSeries<?>) worst
				.getSeriesSet().getSeries()[0]).getSymbolType()));

		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		Tree tree = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		ui.flush();
		assertEquals(List.of(), ui.sync(() -> UiDriver.clippedHeaders(tree)), "whole Rmap Chains headers"); //$NON-NLS-1$
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
