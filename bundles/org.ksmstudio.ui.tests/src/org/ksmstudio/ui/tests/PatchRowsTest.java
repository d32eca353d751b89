package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.ViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.policy.SmartScanAgesPatch;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.TunablesView;

/**
 * A patch's own files are rows of the Tunables and Counters views while a policy of that patch is
 * followed, and its tunables are written like the kernel's.
 */
class PatchRowsTest extends WorkbenchTestCase {

	private static final String RUN = "org.ksmstudio.ui.command.run"; //$NON-NLS-1$

	@Test
	void theFollowedPatchsCountersAndTunablesAreRows() throws IOException {
		// stock, smart-scan-ages:smart_scan_max_skips=2, smart-scan-ages:smart_scan_max_skips=32
		Path file = TestScenarios.copyExample("patch-smart-scan-ages.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, RUN);

		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		Table tunables = ui.byData(Table.class, TunablesView.TABLE_KEY);
		Combo policy = ui.byData(Combo.class, CountersView.POLICY_KEY);
		ui.waitUntil(() -> policy.getItemCount() == 3 && UiDriver.cell(counters, "pages_scanned", 1) != null, //$NON-NLS-1$
				() -> "three compared policies: " + policy.getItemCount()); //$NON-NLS-1$
		assertEquals(-1, (int) ui.sync(() -> UiDriver.row(counters, "smart_scan_skip_periods")), "stock has no such row"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(-1, (int) ui.sync(() -> UiDriver.row(tunables, "smart_scan_max_skips"))); //$NON-NLS-1$
		ui.run(() -> {
			policy.select(1);
			policy.notifyListeners(SWT.Selection, new Event());
		});
		ui.waitUntil(() -> UiDriver.row(counters, "smart_scan_skip_periods") >= 0 //$NON-NLS-1$
				&& "2".equals(UiDriver.cell(tunables, "smart_scan_max_skips", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "the patch's rows once it is followed: counter row " //$NON-NLS-1$
						+ UiDriver.row(counters, "smart_scan_skip_periods") + ", max skips " //$NON-NLS-1$ //$NON-NLS-2$
						+ UiDriver.cell(tunables, "smart_scan_max_skips", 1)); //$NON-NLS-1$
		assertEquals("8", ui.sync(() -> UiDriver.cell(tunables, "smart_scan_max_skips", 2)), "its default"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String tip = ui.sync(() -> toolTip(tunables, "smart_scan_max_skips")); //$NON-NLS-1$
		assertTrue(tip.startsWith(SmartScanAgesPatch.MAX_SKIPS.meaning()) && tip.contains("1..255"), tip); //$NON-NLS-1$
		int row = ui.sync(() -> UiDriver.row(tunables, "smart_scan_max_skips")); //$NON-NLS-1$
		ui.clickCell(tunables, row, 1);
		ui.typeInCellEditor(tunables, "4"); //$NON-NLS-1$
		ui.waitUntil(() -> "4".equals(UiDriver.cell(tunables, "smart_scan_max_skips", 1)) //$NON-NLS-1$ //$NON-NLS-2$
				&& "OK".equals(UiDriver.cell(tunables, "smart_scan_max_skips", 3)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "the write reaches the patch: " + UiDriver.cell(tunables, "smart_scan_max_skips", 1) + " " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ UiDriver.cell(tunables, "smart_scan_max_skips", 3)); //$NON-NLS-1$
	}

	/** The tooltip of the file column for the row of {@code file}. */
	private static String toolTip(Table table, String file) {
		ColumnViewer viewer = ((ViewerColumn) table.getColumn(0).getData("org.eclipse.jface.columnViewer")).getViewer(); //$NON-NLS-1$
		return viewer.getLabelProvider(0).getToolTipText(table.getItem(UiDriver.row(table, file)).getData());
	}
}
