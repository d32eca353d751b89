package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.LatencyView;

/**
 * The 2016 example (96 KVM guests, one content mapped 6.3 million times, migrate_pages of the shared
 * page) run under its two policies, no sharing limit and stock; then migrate_pages() of the
 * shared page from the Per-node Latency view's menu: the view has one column per policy, and its
 * migrate_pages row reads more than a minute without the limit and milliseconds with
 * max_page_sharing = 256.
 */
class PolicyComparisonTest extends WorkbenchTestCase {

	/** The migrate_pages operations each policy's simulation has done so far, in the run's policy order. */
	private static List<List<OperationResult>> migrations(ScenarioRun run) {
		return run.policies().stream().map(p -> p.simulation().rmapOperations().stream()
				.filter(o -> o.operation() == RmapOperation.MIGRATE_PAGES).toList()).toList();
	}

	/** How many migrate_pages operations each policy's simulation has done so far. */
	private static List<Integer> migrationCounts(ScenarioRun run) {
		return migrations(run).stream().map(List::size).toList();
	}

	private static final Pattern TIME = Pattern.compile("([0-9.]+) (ns|\u00b5s|ms|s)\\b"); //$NON-NLS-1$


	@Test
	void noLimitAgainstStockInTheLatencyTable() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("2016-sharing-limit.ksm", folder)); //$NON-NLS-1$
		LatencyView view = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		assertEquals(List.of("2016", "stock"), run.policies().stream().map(p -> p.policy()).toList()); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "the run ends: " + run.status() //$NON-NLS-1$
				+ (run.failure() == null ? "" : " " + run.failure()), Duration.ofMinutes(15)); //$NON-NLS-1$ //$NON-NLS-2$

		// migrate_pages() of the test program's page, now a KSM page on node 0, from the view's menu
		List<Integer> before = migrationCounts(run);
		ui.async(() -> TestScenarios.menuAction(view, "Migrate a Process's Pages...").run()); //$NON-NLS-1$
		Text arguments = ui.find(Text.class, t -> t.isVisible() && t.getShell() != view.getSite().getShell()
				&& "2001 0 1".equals(t.getText()), "the migrate_pages dialog"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(arguments, "1000 0 1"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$

		Table table = ui.byData(Table.class, LatencyView.TABLE_KEY);
		ui.waitUntil(() -> table.getColumnCount() == 9 && "Policy".equals(table.getColumn(2).getText()) //$NON-NLS-1$
				&& migrateMax(view.cellTexts(), "2016") > 0 && migrateMax(view.cellTexts(), "stock") > 0, //$NON-NLS-1$ //$NON-NLS-2$
				() -> "a migrate_pages line per policy: " + view.cellTexts()); //$NON-NLS-1$
		ui.waitUntil(() -> {
			List<Integer> now = migrationCounts(run);
			return now.get(0) == before.get(0) + 1 && now.get(1) == before.get(1) + 1;
		}, () -> "the hand-issued migration reached both runs: " + before + " then " + migrationCounts(run)); //$NON-NLS-1$ //$NON-NLS-2$
		List<List<String>> lines = ui.sync(view::cellTexts);
		double noLimit = migrateMax(lines, "2016"); //$NON-NLS-1$
		double stock = migrateMax(lines, "stock"); //$NON-NLS-1$
		assertTrue(noLimit > 60, "without the sharing limit one migration takes more than a minute: " + lines); //$NON-NLS-1$
		assertTrue(stock > 0.001 && stock < 0.010, "with max_page_sharing 256 it takes milliseconds: " + lines); //$NON-NLS-1$
		List<Long> starts = migrations(run).stream().map(ops -> ops.get(ops.size() - 1).startNanos()).toList();
		assertEquals(starts.get(0), starts.get(1), "the hand-issued migration ran at one simulated instant in both runs"); //$NON-NLS-1$

		// the Counters view shows one policy at a time: no limit, one KSM page; stock, a dup per 256 mappings
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> "1".equals(UiDriver.cell(counters, "pages_shared", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "2016 merges into one KSM page: " + UiDriver.cell(counters, "pages_shared", 1)); //$NON-NLS-1$ //$NON-NLS-2$
		Combo policy = ui.byData(Combo.class, CountersView.POLICY_KEY);
		assertEquals(List.of("2016", "stock"), ui.sync(() -> List.of(policy.getItems()))); //$NON-NLS-1$ //$NON-NLS-2$
		ui.run(() -> {
			policy.select(1);
			policy.notifyListeners(SWT.Selection, new Event());
		});
		ui.waitUntil(() -> number(UiDriver.cell(counters, "pages_shared", 1)) > 20_000 //$NON-NLS-1$
				&& number(UiDriver.cell(counters, "stable_node_dups", 1)) == number(UiDriver.cell(counters, "pages_shared", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "stock keeps at most 256 mappings per KSM page: pages_shared " //$NON-NLS-1$
						+ UiDriver.cell(counters, "pages_shared", 1)); //$NON-NLS-1$
	}

	private static long number(String cell) {
		return cell == null ? -1 : Long.parseLong(cell.replace(",", "")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The longest migrate_pages max of {@code policy}'s lines (Node, Operation, Policy, Pages, KSM pages, p50, p99, max, ...), in s; -1 without one. */
	private static double migrateMax(List<List<String>> lines, String policy) {
		double longest = -1;
		for (List<String> line : lines) {
			if (line.get(1).equals("migrate_pages") && line.get(2).equals(policy)) { //$NON-NLS-1$
				longest = Math.max(longest, seconds(line.get(7)));
			}
		}
		return longest;
	}

	private static double seconds(String cell) {
		Matcher m = TIME.matcher(cell);
		if (!m.find()) {
			return -1;
		}
		double value = Double.parseDouble(m.group(1));
		return switch (m.group(2)) {
			case "ns" -> value / 1e9; //$NON-NLS-1$
			case "\u00b5s" -> value / 1e6; //$NON-NLS-1$
			case "ms" -> value / 1e3; //$NON-NLS-1$
			default -> value;
		};
	}
}
