package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.LatencyView;
import org.ksmstudio.ui.internal.views.RmapChainsView;

/**
 * Screenshots of the KSM Studio perspective with a run in progress, for the README. Runs only when
 * the system property {@code ksm.screenshots} names the folder to write them to, e.g.
 * {@code -Dksm.test.argLine="-Xmx3g -Dksm.screenshots=$PWD/docs/images"}.
 */
class ScreenshotTest extends WorkbenchTestCase {


	@Test
	void perspectiveWithARunInProgress() throws IOException {
		String target = System.getProperty("ksm.screenshots"); //$NON-NLS-1$
		assumeTrue(target != null && !target.isBlank(), "set -Dksm.screenshots=FOLDER to take screenshots"); //$NON-NLS-1$
		Path images = Files.createDirectories(Path.of(target));

		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("vm-consolidation.ksm", folder)); //$NON-NLS-1$
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> {
			TestScenarios.page().activate(editor);
			editor.getTreeViewer().expandToLevel(3);
		});
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "20"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> run.simulation() != null && run.simulation().snapshot().timeNanos() > 90_000_000_000L,
				() -> "the run passes 90 s of simulated time: " + run.status()); //$NON-NLS-1$
		Tree chains = ui.byData(Tree.class, RmapChainsView.TREE_KEY);
		ui.waitUntil(() -> chains.getItemCount() > 0, () -> "the rmap view shows chains"); //$NON-NLS-1$
		ui.run(() -> {
			TreeItem first = chains.getItem(0);
			first.setExpanded(true);
			chains.notifyListeners(SWT.Expand, expandEvent(first));
		});
		ui.waitUntil(() -> chains.getItem(0).getItemCount() > 0 && chains.getItem(0).getItem(0).getData() != null,
				() -> "the first chain shows its dups"); //$NON-NLS-1$
		ui.select(chains, ui.sync(() -> chains.getItem(0).getItem(0)));
		org.eclipse.swt.widgets.Text detail = ui.byData(org.eclipse.swt.widgets.Text.class, RmapChainsView.DETAIL_KEY);
		ui.waitUntil(() -> detail.getText().startsWith("KSM page"), () -> "the walk cost of the dup: " + detail.getText()); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> !"0".equals(UiDriver.cell(counters, "pages_sharing", 1)), () -> "pages are shared"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.run(() -> TestScenarios.page().activate(editor));
		Path shot = images.resolve("ksmstudio-run.png"); //$NON-NLS-1$
		capture(shot);
		assertTrue(Files.size(shot) > 10_000, "a screenshot was written: " + shot); //$NON-NLS-1$
		run.cancel();
	}

	@Test
	void latencyOfTheTwoPoliciesOf2016() throws IOException {
		String target = System.getProperty("ksm.screenshots"); //$NON-NLS-1$
		assumeTrue(target != null && !target.isBlank(), "set -Dksm.screenshots=FOLDER to take screenshots"); //$NON-NLS-1$
		Path images = Files.createDirectories(Path.of(target));
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("2016-sharing-limit.ksm", folder)); //$NON-NLS-1$
		LatencyView view = TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "the run ends: " + run.status(), //$NON-NLS-1$
				java.time.Duration.ofMinutes(15));
		for (String arguments : new String[] { "1000 0 1", "1000 1 2" }) { //$NON-NLS-1$ //$NON-NLS-2$
			ui.async(() -> {
				for (org.eclipse.jface.action.IContributionItem item : view.getViewSite().getActionBars().getMenuManager()
						.getItems()) {
					if (item instanceof org.eclipse.jface.action.ActionContributionItem action
							&& "Migrate a Process's Pages...".equals(action.getAction().getText())) { //$NON-NLS-1$
						action.getAction().run();
					}
				}
			});
			org.eclipse.swt.widgets.Text field = ui.find(org.eclipse.swt.widgets.Text.class,
					t -> t.isVisible() && "2001 0 1".equals(t.getText()), "the migrate_pages dialog"); //$NON-NLS-1$ //$NON-NLS-2$
			ui.type(field, arguments);
			ui.clickButton("OK"); //$NON-NLS-1$
		}
		Table table = ui.byData(Table.class, LatencyView.TABLE_KEY);
		ui.waitUntil(() -> table.getItemCount() >= 4, () -> "two migrate_pages, a line per policy each"); //$NON-NLS-1$
		ui.run(() -> {
			TestScenarios.page().activate(view);
			editor.getTreeViewer().expandToLevel(2);
		});
		Path shot = images.resolve("ksmstudio-2016-latency.png"); //$NON-NLS-1$
		capture(shot);
		assertTrue(Files.size(shot) > 10_000, "a screenshot was written: " + shot); //$NON-NLS-1$
	}

	private static org.eclipse.swt.widgets.Event expandEvent(TreeItem item) {
		org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
		event.item = item;
		return event;
	}

	/** Copies the workbench window from the screen into a PNG file. */
	private void capture(Path file) {
		ui.flush();
		ui.run(() -> {
			Shell shell = TestScenarios.page().getWorkbenchWindow().getShell();
			shell.forceActive();
			shell.update();
			Rectangle bounds = shell.getBounds();
			Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
			GC gc = new GC(shell.getDisplay());
			try {
				gc.copyArea(image, bounds.x, bounds.y);
				ImageLoader loader = new ImageLoader();
				loader.data = new ImageData[] { image.getImageData() };
				loader.save(file.toString(), SWT.IMAGE_PNG);
			} finally {
				gc.dispose();
				image.dispose();
			}
		});
	}
}
