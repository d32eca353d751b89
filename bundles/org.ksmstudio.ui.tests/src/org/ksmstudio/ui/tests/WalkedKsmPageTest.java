package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.LatencyView;
import org.ksmstudio.ui.internal.views.RmapChainsView;

/**
 * A compaction of node 0 of the 2,000-copies example (one chain of 8 dups) says which KSM page it
 * walked longest, and Show the Walked KSM Page in Rmap Chains selects that dup in the lazy tree and
 * shows what walking it costs.
 */
class WalkedKsmPageTest extends WorkbenchTestCase {

	private static final Pattern WALKED = Pattern.compile("longest KSM page walk: (pfn 0x[0-9a-f]+), ([0-9,]+) mappings"); //$NON-NLS-1$

	@Test
	void aCompactionShowsTheDupItWalkedInRmapChains() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui,
				TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		LatencyView latency = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "the run ends: " + run.status(), //$NON-NLS-1$
				Duration.ofMinutes(5));

		ui.async(() -> TestScenarios.menuAction(latency, "Compact a Node...").run()); //$NON-NLS-1$
		Text node = ui.find(Text.class, t -> t.isVisible() && t.getShell() != latency.getSite().getShell()
				&& "0".equals(t.getText()), "the compaction dialog"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(node, "0"); //$NON-NLS-1$
		ui.clickButton("OK"); //$NON-NLS-1$
		Label status = ui.byData(Label.class, LatencyView.STATUS_KEY);
		ui.waitUntil(() -> WALKED.matcher(status.getText()).find(),
				() -> "the compaction names the KSM page it walked: " + status.getText()); //$NON-NLS-1$
		Matcher walked = WALKED.matcher(ui.sync(status::getText));
		assertTrue(walked.find());
		String pfn = walked.group(1);
		assertTrue(Integer.parseInt(walked.group(2).replace(",", "")) >= 200, //$NON-NLS-1$ //$NON-NLS-2$
				"a full dup of the chain (about 250 of its 2,000 mappings): " + walked.group(2)); //$NON-NLS-1$

		ui.run(() -> TestScenarios.menuAction(latency, "Show the Walked KSM Page in Rmap Chains").run()); //$NON-NLS-1$
		Tree tree = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		ui.waitUntil(() -> tree.getSelection().length == 1 && tree.getSelection()[0].getText(0).contains(pfn),
				() -> "the walked dup " + pfn + " is selected: " //$NON-NLS-1$ //$NON-NLS-2$
						+ java.util.Arrays.stream(tree.getSelection()).map(TreeItem::getText).toList());
		assertTrue(ui.sync(() -> tree.getSelection()[0].getParentItem().getText(0)).contains("chain of 8 dups")); //$NON-NLS-1$
		Text detail = ui.byData(Text.class, RmapChainsView.DETAIL_KEY);
		ui.waitUntil(() -> detail.getText().startsWith("KSM page " + pfn + " on node 0 has " + walked.group(2) //$NON-NLS-1$ //$NON-NLS-2$
				+ " rmap items. Migrating it"), () -> "what walking it costs: " + detail.getText()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
