package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.ViewerColumn;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.RmapChainsView;
import org.ksmstudio.ui.internal.views.TunablesView;

/**
 * Runs an example from the Run command and edits max_page_sharing live in the Tunables view: EBUSY
 * while pages are shared, accepted after run=2 unmerged everything, and the Rmap Chains view shows
 * the new dups once ksmd merged again.
 */
class RunAndTunablesTest extends WorkbenchTestCase {

	private static final String RUN = "org.ksmstudio.ui.command.run"; //$NON-NLS-1$


	@Test
	void maxPageSharingIsBusyWhileSharedThenChangesTheChains() throws IOException {
		// 2000 identical pages of one process, max_page_sharing 256: one chain of 8 dups
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, RUN);

		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> "8".equals(UiDriver.cell(counters, "pages_shared", 1)) //$NON-NLS-1$ //$NON-NLS-2$
				&& "1,992".equals(UiDriver.cell(counters, "pages_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "ksmd merges 2000 pages into 8 KSM pages: " + UiDriver.cell(counters, "pages_shared", 1) + " / " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ UiDriver.cell(counters, "pages_sharing", 1)); //$NON-NLS-1$
		Tree chains = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		ui.waitUntil(() -> firstRow(chains).contains("chain of 8 dups"), //$NON-NLS-1$
				() -> "the rmap view shows one chain of 8 dups: " + UiDriver.treeTexts(chains)); //$NON-NLS-1$

		Table tunables = ui.byData(Table.class, TunablesView.TABLE_KEY);
		Label status = ui.byData(Label.class, TunablesView.STATUS_KEY);
		write(tunables, "max_page_sharing", "1000"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> status.getText().contains("EBUSY"), //$NON-NLS-1$
				() -> "echo 1000 > max_page_sharing while pages are shared is EBUSY: " + status.getText()); //$NON-NLS-1$
		assertEquals("256", ui.sync(() -> UiDriver.cell(tunables, "max_page_sharing", 1)), "the old value stays"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("EBUSY", ui.sync(() -> UiDriver.cell(tunables, "max_page_sharing", 3))); //$NON-NLS-1$ //$NON-NLS-2$

		write(tunables, "run", "2"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> "0".equals(UiDriver.cell(counters, "pages_shared", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "run=2 unmerges every page: pages_shared " + UiDriver.cell(counters, "pages_shared", 1)); //$NON-NLS-1$ //$NON-NLS-2$
		write(tunables, "max_page_sharing", "1000"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> "1000".equals(UiDriver.cell(tunables, "max_page_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "max_page_sharing accepts 1000 once nothing is shared: " + status.getText()); //$NON-NLS-1$
		write(tunables, "run", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> "2".equals(UiDriver.cell(counters, "pages_shared", 1)) //$NON-NLS-1$ //$NON-NLS-2$
				&& "1,998".equals(UiDriver.cell(counters, "pages_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "ksmd merges again into 2 KSM pages of 1000 mappings: " //$NON-NLS-1$
						+ UiDriver.cell(counters, "pages_shared", 1) + " / " + UiDriver.cell(counters, "pages_sharing", 1)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ui.waitUntil(() -> firstRow(chains).contains("chain of 2 dups"), //$NON-NLS-1$
				() -> "the rmap view shows the chain with 2 dups now: " + UiDriver.treeTexts(chains)); //$NON-NLS-1$

		List<ScenarioRun.TunableWrite> writes = ui.sync(() -> editor.getRunSlot().current().tunableWrites());
		assertEquals(List.of("max_page_sharing=1000 EBUSY", "run=2 OK", "max_page_sharing=1000 OK", "run=1 OK"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				writes.stream().map(w -> w.file() + "=" + w.value() + " " + w.result().outcome()).toList(), //$NON-NLS-1$ //$NON-NLS-2$
				"every write is on the run's timeline"); //$NON-NLS-1$
		assertTrue(writes.get(1).timeNanos() <= writes.get(2).timeNanos(), "in time order"); //$NON-NLS-1$

		// the accepted writes go into the scenario's timeline, undoably, so the next run replays them
		int before = ui.sync(() -> editor.getScenario().getTimeline().getEvents().size());
		TunablesView view = TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		ui.run(() -> menuAction(view, "Record This Run's Writes in the Scenario Timeline").run()); //$NON-NLS-1$
		List<String> recorded = ui.sync(() -> editor.getScenario().getTimeline().getEvents().stream()
				.skip(before).map(e -> ((SysfsWrite) e).getFile() + "=" + ((SysfsWrite) e).getValue()).toList()); //$NON-NLS-1$
		assertEquals(List.of("run=2", "max_page_sharing=1000", "run=1"), recorded); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(ui.sync(editor::isDirty));
		ui.run(() -> editor.getEditingDomain().getCommandStack().undo());
		assertEquals(before, ui.sync(() -> editor.getScenario().getTimeline().getEvents().size()), "one undo removes them"); //$NON-NLS-1$
	}

	@Test
	void exportAndRecordWithoutARunSaySo() {
		TunablesView view = TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		Label status = ui.byData(Label.class, TunablesView.STATUS_KEY);
		ui.run(() -> menuAction(view, "Export as Shell Script...").run()); //$NON-NLS-1$
		ui.waitUntil(() -> status.getText().startsWith("Nothing to export: no run."), //$NON-NLS-1$
				() -> "export without a run says so: " + status.getText()); //$NON-NLS-1$
		ui.run(() -> menuAction(view, "Record This Run's Writes in the Scenario Timeline").run()); //$NON-NLS-1$
		ui.waitUntil(() -> status.getText().startsWith("Nothing to record: no run."), //$NON-NLS-1$
				() -> "record without a run says so: " + status.getText()); //$NON-NLS-1$
	}

	@Test
	void tunablesExplainThemselvesFromTheSysfsTable() {
		TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		Table tunables = ui.byData(Table.class, TunablesView.TABLE_KEY);
		assertEquals(KsmSysfsFile.tunables().size(), ui.sync(tunables::getItemCount), "one row per tunable");
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			String tip = ui.sync(() -> toolTip(tunables, file.fileName()));
			assertTrue(tip.startsWith(file.meaning()) && tip.contains("default " + file.defaultValue().orElseThrow()) //$NON-NLS-1$
					&& tip.contains(file.range()) && tip.contains("since Linux " + file.since()), tip); //$NON-NLS-1$
		}
		assertEquals("20", ui.sync(() -> UiDriver.cell(tunables, "sleep_millisecs", 2)), "the default column"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** The tooltip the file column's label provider gives for the row of {@code file}. */
	private static String toolTip(Table table, String file) {
		ColumnViewer viewer = ((ViewerColumn) table.getColumn(0).getData("org.eclipse.jface.columnViewer")).getViewer(); //$NON-NLS-1$
		Object element = table.getItem(UiDriver.row(table, file)).getData();
		return viewer.getLabelProvider(0).getToolTipText(element);
	}

	private static IAction menuAction(TunablesView view, String text) {
		for (IContributionItem item : view.getViewSite().getActionBars().getMenuManager().getItems()) {
			if (item instanceof ActionContributionItem action && text.equals(action.getAction().getText())) {
				return action.getAction();
			}
		}
		throw new AssertionError("no menu item " + text); //$NON-NLS-1$
	}

	private void write(Table tunables, String file, String value) {
		int row = ui.sync(() -> UiDriver.row(tunables, file));
		assertTrue(row >= 0, file + " is listed"); //$NON-NLS-1$
		ui.clickCell(tunables, row, 1);
		ui.typeInCellEditor(tunables, value);
	}

	private static String firstRow(Tree tree) {
		return tree.getItemCount() == 0 ? "" : tree.getItem(0).getText(0); //$NON-NLS-1$
	}
}
