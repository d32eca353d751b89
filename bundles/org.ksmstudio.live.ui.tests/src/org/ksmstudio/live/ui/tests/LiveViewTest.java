package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.ui.internal.views.LiveView;

/** The Live Kernel view on fake /sys/kernel/mm/ksm and /proc trees (never the real ones). */
class LiveViewTest {

	private final Widgets ui = new Widgets();

	@TempDir
	Path temp;

	@AfterEach
	void close() {
		ui.run(() -> {
			IWorkbenchPage page = page();
			IViewPart view = page.findView(LiveView.ID);
			if (view != null) {
				page.hideView(view);
			}
		});
		FakeMachine.uninstall();
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private void open() {
		ui.run(() -> {
			try {
				page().showView(LiveView.ID);
			} catch (PartInitException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@Test
	void showsEveryFileOfAnOlderKernelAndSaysWhichAreMissing() throws Exception {
		// a kernel before smart scan and the advisor
		Set<KsmSysfsFile> missing = Set.of(KsmSysfsFile.SMART_SCAN, KsmSysfsFile.ADVISOR_MODE, KsmSysfsFile.ADVISOR_MAX_CPU,
				KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN, KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN, KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME);
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.RUN, "1", KsmSysfsFile.PAGES_SHARED, "12",
				KsmSysfsFile.PAGES_SHARING, "1234", KsmSysfsFile.GENERAL_PROFIT, "5042176"), missing);
		machine.install();
		open();

		Table files = ui.byData(Table.class, LiveView.SYSFS_TABLE_KEY);
		ui.waitUntil(() -> "1234".equals(Widgets.cell(files, "pages_sharing", 1)),
				() -> "pages_sharing not shown: " + Widgets.rows(files));
		assertEquals("1", ui.sync(() -> Widgets.cell(files, "run", 1)));
		assertEquals("256", ui.sync(() -> Widgets.cell(files, "max_page_sharing", 4)), "the default column");
		assertEquals(null, ui.sync(() -> Widgets.cell(files, "smart_scan", 1)), "a missing file has no row");
		assertEquals(KsmSysfsFile.values().length - missing.size(), ui.sync(files::getItemCount));

		Label filesMessage = ui.byData(Label.class, LiveView.FILES_MESSAGE_KEY);
		String text = ui.sync(filesMessage::getText);
		assertTrue(text.contains("Not on this kernel (6 of the 24 files"), text);
		for (KsmSysfsFile file : missing) {
			assertTrue(text.contains(file.fileName()), file + " not named in: " + text);
		}
		Label status = ui.byData(Label.class, LiveView.STATUS_KEY);
		String access = new KsmSysfs(machine.ksm).access().message();
		assertTrue(ui.sync(status::getText).startsWith(access), ui.sync(status::getText));

		Table processes = ui.byData(Table.class, LiveView.PROCESS_TABLE_KEY);
		ui.waitUntil(() -> "qemu-fake".equals(Widgets.cell(processes, "4242", 1)),
				() -> "process not shown: " + Widgets.rows(processes));
		assertEquals("77", ui.sync(() -> Widgets.cell(processes, "4242", 3)), "ksm_merging_pages");
		assertEquals(null, ui.sync(() -> Widgets.cell(processes, "4243", 1)), "a process without KSM is not listed");
		assertEquals(List.of(), ui.sync(() -> Widgets.clipped(files)), "whole file names and values");
		assertEquals(List.of(), ui.sync(() -> Widgets.clipped(processes)), "whole ksm_stat headers and values");

		// refreshed every second: a new value shows up, and the charts get points
		machine.set(KsmSysfsFile.PAGES_SHARING, "5678");
		ui.waitUntil(() -> "5678".equals(Widgets.cell(files, "pages_sharing", 1)),
				() -> "not refreshed: " + Widgets.rows(files));
		Chart pages = ui.find(Chart.class, c -> "Pages".equals(c.getTitle().getText()), "the Pages chart");
		ui.waitUntil(() -> pages.getSeriesSet().getSeries("pages_sharing").getYSeries().length >= 2,
				() -> "pages chart has no points");
		double[] y = ui.sync(() -> pages.getSeriesSet().getSeries("pages_sharing").getYSeries());
		assertEquals(5678, y[y.length - 1]);
	}

	/**
	 * The Live Kernel charts read like the simulation's: numbers on the y axis with thousands
	 * separators, axes titled with their units, a scale from zero, the chains on an axis of their own.
	 */
	@Test
	void chartsHaveNumbersUnitsAndAScaleFromZero() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.PAGES_SHARED, "12",
				KsmSysfsFile.PAGES_SHARING, "1234567", KsmSysfsFile.STABLE_NODE_CHAINS, "1",
				KsmSysfsFile.STABLE_NODE_DUPS, "9000", KsmSysfsFile.GENERAL_PROFIT, "5042176"), Set.of());
		machine.install();
		open();
		ui.run(() -> page().setPartState(page().findViewReference(LiveView.ID), IWorkbenchPage.STATE_MAXIMIZED));
		Chart profit = ui.find(Chart.class, c -> "general_profit".equals(c.getTitle().getText()), "the general_profit chart");
		ui.waitUntil(() -> profit.getSeriesSet().getSeries("general_profit").getYSeries().length >= 2,
				() -> "the profit chart has points");
		ui.run(() -> profit.redraw());
		ui.waitUntil(() -> profit.getAxisSet().getYAxis(0).getTick().getTickLabelValues().length >= 2,
				() -> "numbers on the profit chart's y axis: " + profit.getSize() + " " + profit.getAxisSet().getYAxis(0).getRange());
		IAxis y = ui.sync(() -> profit.getAxisSet().getYAxis(0));
		assertEquals("MiB", ui.sync(() -> y.getTitle().getText()));
		assertTrue(ui.sync(() -> y.getTitle().isVisible() && y.getTick().isVisible()), "a titled y axis with numbers");
		assertEquals("time (s)", ui.sync(() -> profit.getAxisSet().getXAxis(0).getTitle().getText()));
		assertEquals(0, ui.sync(() -> y.getRange().lower), "a constant 4.8 MiB drawn on a scale from 0");
		assertTrue(ui.sync(() -> y.getRange().upper) > 4.8, ui.sync(() -> y.getRange().toString()));

		Chart pages = ui.find(Chart.class, c -> "Pages".equals(c.getTitle().getText()), "the Pages chart");
		ui.waitUntil(() -> pages.getAxisSet().getYAxis(0).getTick().getTickLabelValues().length >= 2,
				() -> "the pages chart has numbers on its y axis");
		String label = ui.sync(() -> pages.getAxisSet().getYAxis(0).getTick().getFormat().format(1234567));
		assertEquals("1,234,567", label, "thousands separators");

		Chart tree = ui.find(Chart.class, c -> "Stable tree".equals(c.getTitle().getText()), "the stable tree chart");
		int chainsAxis = ui.sync(() -> tree.getSeriesSet().getSeries("stable_node_chains").getYAxisId());
		assertTrue(chainsAxis != 0, "1 chain beside 9,000 dups is drawn against an axis of its own");
		assertEquals("chains", ui.sync(() -> tree.getAxisSet().getYAxis(chainsAxis).getTitle().getText()));
		assertEquals(List.of("Pages", "Stable tree", "general_profit", "ksmd scanning"),
				ui.sync(() -> java.util.Arrays.stream(pages.getParent().getChildren())
						.map(c -> ((Chart) c).getTitle().getText()).toList()), "the charts in reading order");
		ui.run(() -> page().setPartState(page().findViewReference(LiveView.ID), IWorkbenchPage.STATE_RESTORED));
	}

	@Test
	void saysSoWhenTheKernelHasNoKsm() {
		System.setProperty(org.ksmstudio.live.ui.internal.LiveSources.KSM_PROPERTY,
				temp.resolve("no/sys/kernel/mm/ksm").toString());
		open();
		Label status = ui.byData(Label.class, LiveView.STATUS_KEY);
		ui.waitUntil(() -> status.getText().contains("does not exist") && status.getText().contains("CONFIG_KSM"),
				status::getText);
		Table files = ui.byData(Table.class, LiveView.SYSFS_TABLE_KEY);
		assertEquals(0, ui.sync(files::getItemCount));
	}
}
