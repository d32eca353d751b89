package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.RmapChainsView;

/**
 * The Rmap Chains view is a lazy tree: one KSM page mapped 120,000 times by four processes (no
 * sharing limit) lists every process with its whole count (30,000 each, more than any page of rmap
 * items the view reads at a time), and the last rmap item of a process is reachable.
 */
class RmapChainsLazyTreeTest extends WorkbenchTestCase {

	private static final int PAGES = 30_000;

	private Path fourProcessesOfOneContent() throws IOException {
		Path file = folder.resolve("four-processes.ksm"); //$NON-NLS-1$
		String text = Files.readString(TestScenarios.copyExample("reference-d-4proc-1000x1-mps256.ksm", folder)); //$NON-NLS-1$
		text = text.replace("sizePages=\"1000\"", "sizePages=\"" + PAGES + "\"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.replace("copies=\"1000\"", "copies=\"" + PAGES + "\"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.replace("<policies>stock</policies>", "<policies>no-limit</policies>") //$NON-NLS-1$ //$NON-NLS-2$
				.replaceAll("(?s)<timeline>.*</timeline>", "<timeline/>"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.writeString(file, text);
		return file;
	}

	private void expand(Tree tree, TreeItem item) {
		ui.run(() -> {
			item.setExpanded(true);
			Event event = new Event();
			event.item = item;
			tree.notifyListeners(SWT.Expand, event);
		});
	}

	private List<String> children(TreeItem item, int column) {
		return ui.sync(() -> {
			List<String> texts = new ArrayList<>();
			for (TreeItem child : item.getItems()) {
				texts.add(child.getText(column));
			}
			return texts;
		});
	}

	@Test
	void everyProcessOfAPageMappedOver100kTimesWithItsWholeCount() throws IOException {
		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		ScenarioEditor editor = TestScenarios.open(ui, fourProcessesOfOneContent());
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.simulation() != null
				&& run.simulation().snapshot().counters().pagesSharing() == 4L * PAGES - 1,
				() -> "ksmd merges the 120,000 pages into one KSM page: " + run.status(), Duration.ofMinutes(5)); //$NON-NLS-1$
		run.pause();

		Tree tree = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		NumberFormat n = NumberFormat.getIntegerInstance();
		ui.waitUntil(() -> tree.getItemCount() == 1 && n.format(4L * PAGES).equals(tree.getItem(0).getText(1)),
				() -> "one stable node with 120,000 mappings: " + UiDriver.treeTexts(tree)); //$NON-NLS-1$
		TreeItem node = ui.sync(() -> tree.getItem(0));
		expand(tree, node);
		ui.waitUntil(() -> node.getItemCount() == 1 && node.getItem(0).getData() != null,
				() -> "the stable node's KSM page: " + UiDriver.treeTexts(tree)); //$NON-NLS-1$
		TreeItem page = ui.sync(() -> node.getItem(0));
		expand(tree, page);
		ui.waitUntil(() -> page.getItemCount() == 4 && children(page, 1).equals(List.of(n.format(PAGES),
				n.format(PAGES), n.format(PAGES), n.format(PAGES))),
				() -> "four processes of 30,000 mappings each: " + children(page, 0) + " " + children(page, 1)); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> processes = children(page, 0);
		for (int pid = 1001; pid <= 1004; pid++) {
			String label = "pid " + pid; //$NON-NLS-1$
			assertTrue(processes.stream().anyMatch(p -> p.startsWith(label)), label + " in " + processes); //$NON-NLS-1$
		}

		TreeItem process = ui.sync(() -> page.getItem(3));
		expand(tree, process);
		ui.waitUntil(() -> process.getItemCount() == PAGES, () -> "every mapping of the process: " //$NON-NLS-1$
				+ ui.sync(process::getItemCount));
		ui.waitUntil(() -> process.getItem(PAGES - 1).getText(0).matches("0x[0-9a-f]+"), //$NON-NLS-1$
				() -> "the last mapping's address is read: " + ui.sync(() -> process.getItem(PAGES - 1).getText(0))); //$NON-NLS-1$
		ui.waitUntil(() -> process.getItem(0).getText(0).matches("0x[0-9a-f]+"), //$NON-NLS-1$
				() -> "and the first's: " + ui.sync(() -> process.getItem(0).getText(0))); //$NON-NLS-1$
		assertEquals(PAGES, (int) ui.sync(process::getItemCount));
		run.cancel();
	}
}
