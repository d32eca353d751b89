package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swtchart.Chart;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.LatencyView;
import org.ksmstudio.ui.internal.views.RmapChainsView;

/**
 * The views that read the engine's reverse-map figures: the dup detail of the Rmap Chains view shows the
 * engine's exact walk cost, the Per-node Latency view draws the page latency histogram of a compaction,
 * and under the no-limit policy the fill column shows the mappings without a limit bar. Scenario: the
 * reference example of 2000 identical pages of one process (8 dups of at most 256 mappings under stock).
 */
class RmapViewsEngineTest extends WorkbenchTestCase {

	private static final String EXAMPLE = "reference-a-b-2000x1-mps256.ksm"; //$NON-NLS-1$


	private ScenarioRun runToConvergence(Path file, long pagesShared) {
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.simulation() != null
				&& run.simulation().snapshot().counters().pagesShared() == pagesShared,
				() -> "ksmd merges the 2000 pages: " + run.status()); //$NON-NLS-1$
		return run;
	}

	@Test
	void dupDetailShowsTheEngineWalkCostAndTheHistogramShowsACompaction() throws IOException {
		Path file = TestScenarios.copyExample(EXAMPLE, folder);
		RmapChainsView chainsView = TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		LatencyView latency = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		ScenarioRun run = runToConvergence(file, 8);
		KsmSimulation sim = run.simulation();

		Tree chains = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		ui.waitUntil(() -> chains.getItemCount() > 0 && chains.getItem(0).getText(0).contains("chain of 8 dups"), //$NON-NLS-1$
				() -> "the rmap view shows the chain: " + UiDriver.treeTexts(chains)); //$NON-NLS-1$
		assertEquals("8 dups", ui.sync(() -> chainsView.fillTexts().get(0))); //$NON-NLS-1$
		ui.run(() -> {
			TreeItem first = chains.getItem(0);
			first.setExpanded(true);
			Event event = new Event();
			event.item = first;
			chains.notifyListeners(SWT.Expand, event);
		});
		ui.waitUntil(() -> chains.getItem(0).getItemCount() > 0 && chains.getItem(0).getItem(0).getData() != null,
				() -> "the chain shows its dups"); //$NON-NLS-1$
		ui.select(chains, ui.sync(() -> chains.getItem(0).getItem(0)));
		// the first dup is a full one (most shared first): every full dup costs the same
		DupView full = sim.stableTree(100).entries().get(0).dups().stream()
				.max(Comparator.comparingInt(DupView::rmapItemCount)).orElseThrow();
		assertEquals(256, full.rmapItemCount());
		long total = sim.walkCost(full.dupId(), full.node()).totalNanos();
		String expected = "(" + NumberFormat.getIntegerInstance().format(total) + " ns)"; //$NON-NLS-1$ //$NON-NLS-2$
		Text detail = ui.byData(Text.class, RmapChainsView.DETAIL_KEY);
		ui.waitUntil(() -> detail.getText().contains(expected),
				() -> "the dup detail shows the engine's walk cost " + expected + ": " + detail.getText()); //$NON-NLS-1$ //$NON-NLS-2$
		// the walks visit each rmap item once per pass: the count says so instead of passing for the items
		org.ksmstudio.engine.rmap.WalkCost cost = sim.walkCost(full.dupId(), full.node());
		String visits = NumberFormat.getIntegerInstance().format(cost.items()) + " rmap item visits (" //$NON-NLS-1$
				+ cost.items() / 256 + " passes over the 256 rmap items)"; //$NON-NLS-1$
		assertEquals(0, cost.items() % 256, "whole passes"); //$NON-NLS-1$
		assertTrue(ui.sync(detail::getText).contains(cost.walks() + " walks (") //$NON-NLS-1$
				&& ui.sync(detail::getText).contains(visits), visits + " in: " + ui.sync(detail::getText)); //$NON-NLS-1$
		assertTrue(ui.sync(detail::getText).contains("TLB-flush IPIs \u00d7 0 ns (not measured:"), //$NON-NLS-1$
				"an IPI priced at 0 says that it was not measured: " + ui.sync(detail::getText)); //$NON-NLS-1$

		// compaction of node 0 from the latency view's menu: the histogram shows its pages
		TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		Chart histogram = ui.byData(Chart.class, LatencyView.HISTOGRAM_KEY);
		assertEquals(List.of(), ui.sync(() -> List.of(histogram.getSeriesSet().getSeries())), "no walk yet"); //$NON-NLS-1$
		ui.async(() -> menuAction(latency, "Compact a Node...").run()); //$NON-NLS-1$
		Text arguments = ui.find(Text.class, t -> t.isVisible() && t.getShell() != latency.getSite().getShell()
				&& "0".equals(t.getText()), "the compaction dialog"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(arguments, "0"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$
		ui.waitUntil(() -> sim.rmapReport().get(0, RmapOperation.COMPACTION) != null, () -> "node 0 is compacted"); //$NON-NLS-1$
		OperationStats compaction = sim.rmapReport().get(0, RmapOperation.COMPACTION);
		assertEquals(8, compaction.count(), "the 8 KSM pages are node 0's pages in use"); //$NON-NLS-1$
		List<String> series = List.of("Pages by latency: node 0 \u00b7 compaction", //$NON-NLS-1$
				"stock=" + compaction.count()); //$NON-NLS-1$
		ui.waitUntil(() -> series.equals(latency.histogramSeries()),
				() -> "the histogram shows the compaction's pages: " + ui.sync(latency::histogramSeries)); //$NON-NLS-1$
		assertTrue(ui.sync(() -> histogram.getAxisSet().getXAxis(0).getCategorySeries().length) >= 1);
		run.cancel();
	}

	@Test
	void withoutASharingLimitTheFillShowsTheMappingsWithoutALimit() throws IOException {
		Path file = TestScenarios.copyExample(EXAMPLE, folder);
		String text = Files.readString(file);
		assertTrue(text.contains("<policies>stock</policies>")); //$NON-NLS-1$
		Files.writeString(file, text.replace("<policies>stock</policies>", "<policies>no-limit</policies>")); //$NON-NLS-1$ //$NON-NLS-2$
		TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		RmapChainsView chainsView = TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		ScenarioRun run = runToConvergence(file, 1);
		String expected = NumberFormat.getIntegerInstance().format(2000) + " mappings \u00b7 no limit"; //$NON-NLS-1$
		ui.waitUntil(() -> List.of(expected).equals(chainsView.fillTexts()),
				() -> "one KSM page of 2000 mappings, no limit: " + ui.sync(chainsView::fillTexts)); //$NON-NLS-1$
		assertFalse(ui.sync(() -> chainsView.fillTexts().get(0)).contains("/")); //$NON-NLS-1$
		org.eclipse.swt.widgets.Label summary = ui.byData(org.eclipse.swt.widgets.Label.class, RmapChainsView.SUMMARY_KEY);
		ui.waitUntil(() -> summary.getText().startsWith("1 stable node, "), //$NON-NLS-1$
				() -> "one stable node, in the singular: " + summary.getText()); //$NON-NLS-1$
		ui.flush();
		assertTrue(ui.sync(() -> UiDriver.wholeText(summary)), () -> "the summary wraps instead of being cut: " //$NON-NLS-1$
				+ ui.sync(() -> summary.getSize() + " for " + summary.getText())); //$NON-NLS-1$
		org.eclipse.swt.widgets.Label memory = ui.byData(org.eclipse.swt.widgets.Label.class, LatencyView.STATUS_KEY);
		ui.waitUntil(() -> memory.getText().startsWith("no-limit: 1 KSM page, 0 extra pages for dups"), //$NON-NLS-1$
				() -> "one KSM page, in the singular: " + memory.getText()); //$NON-NLS-1$
		run.cancel();
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
