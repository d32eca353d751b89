package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.compare.RunComparison;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.model.scenario.ScenarioPackage;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ComparedRuns;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CompareRunsView;
import org.ksmstudio.ui.internal.views.TunablesView;

/**
 * "max_page_sharing 256 or 128?" on the bundled 2,000-copies example: run it, then from the Tunables
 * view run a copy with 128 and compare; the Compare view shows one column per run, max_page_sharing
 * and pages_shared in bold (8 against 16 KSM pages), pages_sharing better (green) at 256, both runs
 * on the charts, and its CSV names each run's scenario, policy and tunables. Then the editor's way:
 * change the tunable, run again, Simulation > Compare Runs compares the two editor runs.
 */
class CompareRunsTest extends WorkbenchTestCase {

	private static final String EXAMPLE = "reference-a-b-2000x1-mps256.ksm"; //$NON-NLS-1$
	/** Comparison table columns with two runs: name, unit, run 1, run 2, delta, better. */
	private static final int FIRST = 2;
	private static final int SECOND = 3;
	private static final int DELTA = 4;
	private static final int BEST = 5;

	@Test
	void maxPageSharing256Against128() throws IOException {
		Path file = TestScenarios.copyExample(EXAMPLE, folder);
		ScenarioEditor editor = TestScenarios.open(ui, file);
		TunablesView tunablesView = TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		ScenarioRun first = runToEnd(editor);

		// Tunables view: select max_page_sharing, "Run a Copy with Another Value and Compare...", 128
		CompareRunsView compare = runCopy(tunablesView, "max_page_sharing", "256", "128"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		RunComparison comparison = ui.sync(compare::comparison);
		List<FinishedRun> runs = comparison.runs();
		assertEquals(ComparedRuns.keptOf(first), List.of(runs.get(0)), "the editor's run is the baseline"); //$NON-NLS-1$
		assertEquals(java.util.Map.of("max_page_sharing", "128"), runs.get(1).parameters()); //$NON-NLS-1$ //$NON-NLS-2$

		Table table = ui.byData(Table.class, CompareRunsView.TABLE_KEY);
		ui.run(() -> {
			assertEquals(6, table.getColumnCount());
			assertTrue(table.getColumn(SECOND).getText().endsWith("max_page_sharing=128"), table.getColumn(SECOND).getText()); //$NON-NLS-1$
			TableItem mps = item(table, "max_page_sharing"); //$NON-NLS-1$
			assertEquals(List.of("256", "128", "\u2212128"), texts(mps, FIRST, SECOND, DELTA)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertEquals(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT), mps.getFont(0),
					"a tunable that differs is bold"); //$NON-NLS-1$
			TableItem shared = item(table, "pages_shared"); //$NON-NLS-1$
			assertEquals(List.of("8", "16", "+8"), texts(shared, FIRST, SECOND, DELTA)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			TableItem sharing = item(table, "pages_sharing"); //$NON-NLS-1$
			assertEquals(List.of("1,992", "1,984", "\u22128"), texts(sharing, FIRST, SECOND, DELTA)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertEquals(new RGB(198, 239, 206), sharing.getBackground(FIRST).getRGB(), "256 saves more: green"); //$NON-NLS-1$
			assertEquals(new RGB(255, 214, 214), sharing.getBackground(SECOND).getRGB(), "128 saves less: red"); //$NON-NLS-1$
			assertEquals(table.getColumn(FIRST).getText(), sharing.getText(BEST));
			TableItem saved = item(table, "memory saved"); //$NON-NLS-1$
			assertEquals(List.of("7.78 MiB", "7.75 MiB", "\u221232.00 KiB"), texts(saved, FIRST, SECOND, DELTA)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertEquals("", saved.getText(1), "a value that carries its unit (MiB) has none in the unit column, not bytes"); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals("pages", shared.getText(1)); //$NON-NLS-1$
			TableItem scans = item(table, "pages_to_scan"); //$NON-NLS-1$
			assertNotEquals(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT), scans.getFont(0),
					"a tunable both runs share is not bold"); //$NON-NLS-1$
			assertEquals("", scans.getText(BEST)); //$NON-NLS-1$
		});
		assertTrue(ui.sync(() -> ui.byData(Label.class, CompareRunsView.STATUS_KEY).getText()).contains("2 runs compared")); //$NON-NLS-1$
		ui.flush();
		assertEquals(List.of(), ui.sync(() -> UiDriver.clipped(table)), "whole names and values (\"memory spent on dups...\")"); //$NON-NLS-1$
		ui.run(() -> assertEquals(List.of(file.getFileName().toString(), file.getFileName().toString()),
				texts(item(table, "source"), FIRST, SECOND), "the source file by name, its path in the tooltip")); //$NON-NLS-1$ //$NON-NLS-2$

		// only the differences
		ui.clickButton("Only rows that differ"); //$NON-NLS-1$
		ui.run(() -> {
			assertTrue(UiDriver.row(table, "max_page_sharing") >= 0 && UiDriver.row(table, "pages_shared") >= 0); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(-1, UiDriver.row(table, "pages_to_scan"), "equal rows are hidden"); //$NON-NLS-1$ //$NON-NLS-2$
		});
		ui.clickButton("Only rows that differ"); //$NON-NLS-1$

		// both runs on one time axis
		List<List<String>> lines = ui.sync(compare::chartLines);
		List<String> titles = ui.sync(() -> List.of(table.getColumn(FIRST).getText(), table.getColumn(SECOND).getText()));
		assertEquals(List.of(titles, titles), lines, "pages_sharing and ksmd CPU of both runs"); //$NON-NLS-1$

		// the CSV: metadata rows, then the values
		Path csv = folder.resolve("comparison.csv"); //$NON-NLS-1$
		ui.run(() -> {
			try {
				compare.exportTable(csv);
			} catch (IOException e) {
				throw new AssertionError(e);
			}
		});
		List<CSVRecord> records = CsvTables.FORMAT.parse(new StringReader(Files.readString(csv))).getRecords();
		assertEquals(List.of("section", "name", "unit", titles.get(0), titles.get(1), "delta " + titles.get(1), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"better", "best"), records.get(0).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of("run", "scenario", "", "reference a_b_2000x1_mps256", "reference a_b_2000x1_mps256", "", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				"none", ""), record(records, "scenario").toList()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of("stock", "stock"), record(records, "policy").toList().subList(3, 5)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of("tunable", "max_page_sharing", "mappings", "256", "128", "-128", "none", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				record(records, "max_page_sharing").toList()); //$NON-NLS-1$
		assertEquals(List.of("counter", "pages_sharing", "pages", "1992", "1984", "-8", "higher", titles.get(0)), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				record(records, "pages_sharing").toList()); //$NON-NLS-1$
		assertEquals(List.of("8159232", "8126464"), record(records, "memory saved").toList().subList(3, 5)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		// the editor's way: change the tunable, run again, Simulation > Compare Runs
		ui.run(() -> {
			EditingDomain domain = editor.getEditingDomain();
			domain.getCommandStack().execute(SetCommand.create(domain, editor.getScenario().getKsm(),
					ScenarioPackage.Literals.KSM_CONFIG__MAX_PAGE_SHARING, 128));
			TestScenarios.page().activate(editor);
		});
		ScenarioRun second = runToEnd(editor);
		TestScenarios.command(ui, "org.ksmstudio.ui.command.compare"); //$NON-NLS-1$
		ui.waitUntil(() -> compare.comparison() != null
				&& compare.comparison().runs().equals(List.of(ComparedRuns.keptOf(first).get(0),
						ComparedRuns.keptOf(second).get(0))),
				() -> "the editor's run is compared with the one before it: " + compare.comparison().runs()); //$NON-NLS-1$
		ui.run(() -> assertEquals(List.of("256", "128"), texts(item(table, "max_page_sharing"), FIRST, SECOND))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		// unticking leaves one run: nothing compared
		Table runList = ui.byData(Table.class, CompareRunsView.RUNS_KEY);
		ui.run(() -> tick(runList, ComparedRuns.keptOf(second).get(0), false));
		assertNull(ui.sync(compare::comparison), "one ticked run is not a comparison"); //$NON-NLS-1$
	}

	/**
	 * A sweep from the Compare view: max_page_sharing 64, 128 and 256 of the active editor's scenario
	 * give 32, 16 and 8 KSM pages, the most pages saved at 256; unticking a run compares the others.
	 */
	@Test
	void sweepThenCompareTheSelectedRuns() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample(EXAMPLE, folder));
		CompareRunsView compare = TestScenarios.showView(ui, CompareRunsView.ID, CompareRunsView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		ui.async(() -> TestScenarios.menuAction(compare, "Sweep the Editor's Scenario and Compare...").run()); //$NON-NLS-1$
		Text values = ui.find(Text.class, t -> t.isVisible() && t.getText().startsWith("max_page_sharing="), //$NON-NLS-1$
				"the sweep dialog"); //$NON-NLS-1$
		ui.type(values, "max_page_sharing=64,128,256"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$
		ui.waitUntil(() -> compare.comparison() != null && compare.comparison().runs().size() == 3,
				() -> "the three runs of the sweep are compared", Duration.ofMinutes(5)); //$NON-NLS-1$
		Table table = ui.byData(Table.class, CompareRunsView.TABLE_KEY);
		ui.run(() -> {
			assertEquals(List.of("32", "16", "8"), texts(item(table, "pages_shared"), FIRST, SECOND, SECOND + 1)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			TableItem sharing = item(table, "pages_sharing"); //$NON-NLS-1$
			assertEquals(List.of("1,968", "1,984", "1,992"), texts(sharing, FIRST, SECOND, SECOND + 1)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			assertEquals(new RGB(198, 239, 206), sharing.getBackground(SECOND + 1).getRGB(), "256 saves the most"); //$NON-NLS-1$
		});

		// untick the 128 run: 64 against 256
		Table runList = ui.byData(Table.class, CompareRunsView.RUNS_KEY);
		FinishedRun middle = compare.comparison().runs().get(1);
		ui.run(() -> tick(runList, middle, false));
		ui.run(() -> {
			assertEquals(2, compare.comparison().runs().size());
			assertEquals(List.of("32", "8"), texts(item(table, "pages_shared"), FIRST, SECOND)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		});
	}

	/**
	 * A patch's tunable: the 2,000-copies example under the smart-scan-ages policy, and a copy with its
	 * smart_scan_min_age at 5 (set as the sweeps set it, POLICY.FILE).
	 */
	@Test
	void aPatchTunableAgainstItsDefault() throws IOException {
		Path file = folder.resolve("patched.ksm"); //$NON-NLS-1$
		Files.writeString(file, Files.readString(TestScenarios.copyExample(EXAMPLE, folder))
				.replace("<policies>stock</policies>", "<policies>smart-scan-ages</policies>")); //$NON-NLS-1$ //$NON-NLS-2$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		TunablesView tunablesView = TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		runToEnd(editor);
		CompareRunsView compare = runCopy(tunablesView, "smart_scan_min_age", "3", "5"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		RunComparison comparison = ui.sync(compare::comparison);
		assertEquals(java.util.Map.of("smart-scan-ages.smart_scan_min_age", "5"), //$NON-NLS-1$ //$NON-NLS-2$
				comparison.runs().get(1).parameters());
		Table table = ui.byData(Table.class, CompareRunsView.TABLE_KEY);
		ui.run(() -> assertEquals(List.of("3", "5"), texts(item(table, "smart_scan_min_age"), FIRST, SECOND))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * Selects {@code file} in the Tunables view, runs its "Run a Copy with Another Value and Compare..."
	 * with {@code value} (the dialog shows {@code current}) and waits for the Compare view's comparison.
	 */
	private CompareRunsView runCopy(TunablesView tunablesView, String file, String current, String value) {
		Table tunables = ui.byData(Table.class, TunablesView.TABLE_KEY);
		ui.waitUntil(() -> current.equals(UiDriver.cell(tunables, file, 1)),
				() -> "the run's " + file + ": " + UiDriver.cell(tunables, file, 1)); //$NON-NLS-1$ //$NON-NLS-2$
		ui.run(() -> tunables.setSelection(UiDriver.row(tunables, file)));
		ui.async(() -> TestScenarios.menuAction(tunablesView, "Run a Copy with Another Value and Compare...").run()); //$NON-NLS-1$
		Text field = ui.find(Text.class, t -> t.isVisible() && t.getShell() != tunablesView.getSite().getShell()
				&& current.equals(t.getText()), "the value dialog, filled with the current value"); //$NON-NLS-1$
		ui.type(field, value);
		ui.clickButton("OK"); //$NON-NLS-1$
		ui.waitUntil(() -> TestScenarios.page().findView(CompareRunsView.ID) instanceof CompareRunsView shown
				&& shown.comparison() != null && shown.comparison().runs().get(1).parameters().containsValue(value),
				() -> "the Compare view opens on the run and its copy", Duration.ofMinutes(5)); //$NON-NLS-1$
		return ui.sync(() -> (CompareRunsView) TestScenarios.page().findView(CompareRunsView.ID));
	}

	/** Ticks or unticks {@code run} in the Compare view's run list, as a click on its check box does. */
	private static void tick(Table runList, FinishedRun run, boolean checked) {
		for (TableItem item : runList.getItems()) {
			if (item.getData() == run) {
				item.setChecked(checked);
				org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
				event.item = item;
				event.detail = org.eclipse.swt.SWT.CHECK;
				runList.notifyListeners(org.eclipse.swt.SWT.Selection, event);
				return;
			}
		}
		throw new AssertionError("not in the run list: " + run.label()); //$NON-NLS-1$
	}

	/** Runs the editor's scenario to its end and waits until the history kept it. */
	private ScenarioRun runToEnd(ScenarioEditor editor) {
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE && ComparedRuns.keptOf(run).size() == 1,
				() -> "the run ends and is kept: " + run.status(), Duration.ofMinutes(5)); //$NON-NLS-1$
		return run;
	}

	private static TableItem item(Table table, String name) {
		int row = UiDriver.row(table, name);
		assertTrue(row >= 0, "no row " + name); //$NON-NLS-1$
		return table.getItem(row);
	}

	private static List<String> texts(TableItem item, int... columns) {
		return java.util.Arrays.stream(columns).mapToObj(item::getText).toList();
	}

	private static CSVRecord record(List<CSVRecord> records, String name) {
		return records.stream().filter(r -> r.get(1).equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no CSV row " + name)); //$NON-NLS-1$
	}
}
