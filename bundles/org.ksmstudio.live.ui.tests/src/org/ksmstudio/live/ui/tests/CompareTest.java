package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayWorkload;
import org.ksmstudio.live.ui.internal.compare.CompareModel;
import org.ksmstudio.live.ui.internal.compare.CompareView;

/** The kernel-versus-simulation table: its rows, verdicts and highlighting. */
class CompareTest {

	private final Widgets ui = new Widgets();

	private static RecordedPhase phase(String name, Map<String, Long> expect) {
		return new RecordedPhase(name, new PhaseAction.Start(), List.of(), expect, Map.of(), true, 3L, 3000L, 0.5,
				List.of(), null);
	}

	/** Two phases on the kernel; the simulation reached the first only. */
	static CompareModel model() {
		Map<String, Long> initial = new LinkedHashMap<>();
		initial.put("pages_shared", 1L);
		initial.put("pages_sharing", 99L);
		ReplayCase replayCase = new ReplayCase("case", Map.of(),
				new ReplayWorkload(1, 100, 1, 100, ReplayWorkload.Layout.BLOCK, 0, 0, true),
				List.of(new ReplayCase.Phase("initial", new PhaseAction.Start()),
						new ReplayCase.Phase("second", new PhaseAction.Start())));
		RecordedCase recorded = new RecordedCase(replayCase,
				List.of(phase("initial", initial), phase("second", Map.of("pages_shared", 1L))));
		RunResult simulated = new RunResult("stock", null, List.of(), List.of(new CheckpointResult("initial", 0,
				List.of(new CheckpointResult.Comparison("pages_shared", 0, 1, 1, false),
						new CheckpointResult.Comparison("pages_sharing", 0, 99, 97, false),
						new CheckpointResult.Comparison("pages_unshared", 0, 0, 2, true),
						new CheckpointResult.Comparison("ksm_merging_pages", 42, 100, 100, false)))));
		return CompareModel.of("case", "6.18.0 x86_64", "stock", recorded, simulated);
	}

	@Test
	void rowsCarryKernelSimulatedDifferenceAndVerdict() {
		CompareModel model = model();
		assertEquals(5, model.rows().size());
		CompareModel.Row sharing = model.rows().get(1);
		assertEquals("pages_sharing", sharing.counter());
		assertEquals(99, sharing.kernel());
		assertEquals(97L, sharing.simulated());
		assertEquals(-2L, sharing.difference());
		assertEquals(CompareModel.Verdict.DIFFERS, sharing.verdict());
		assertEquals(CompareModel.Verdict.SAME_SUM, model.rows().get(2).verdict());
		assertEquals("pid 42 ksm_merging_pages", model.rows().get(3).counter());
		CompareModel.Row notReached = model.rows().get(4);
		assertEquals("second", notReached.phase());
		assertEquals(CompareModel.Verdict.NOT_SIMULATED, notReached.verdict());
		assertNull(notReached.difference());
		assertEquals(3, model.equalCount());
		assertFalse(model.matches());
		assertTrue(model.summary().contains("3 of 5 counters equal"), model.summary());
	}

	@Test
	void largeValuesHaveThousandsSeparators() {
		CompareModel.Row row = new CompareModel.Row("initial", "general_profit", 8031232, 8064000L,
				CompareModel.Verdict.DIFFERS);
		CompareModel model = new CompareModel("case", "6.18.0 x86_64", "stock", List.of(row));
		show(model);
		Table table = ui.byData(Table.class, CompareView.TABLE_KEY);
		assertEquals(List.of("initial", "general_profit", "8,031,232", "8,064,000", "+32,768  differs"),
				ui.sync(() -> Widgets.rows(table).get(0)));
		assertTrue(model.summary().contains("0 of 1 counter equal"), model.summary());
		ui.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.hideView(page.findView(CompareView.ID));
		});
	}

	@Test
	void viewHighlightsTheRowsThatDiffer() {
		CompareModel model = model();
		show(model);
		Table table = ui.byData(Table.class, CompareView.TABLE_KEY);
		// the phase initial's counters, pid 42's ksm_stat, the phase second: three groups, an empty row between two
		assertEquals(7, ui.sync(table::getItemCount));
		assertEquals(List.of("", "", "", "", ""), ui.sync(() -> Widgets.rows(table).get(3)), "a separator before pid 42");
		assertEquals("pid 42 ksm_merging_pages", ui.sync(() -> table.getItem(4).getText(1)));
		assertEquals(List.of("", "", "", "", ""), ui.sync(() -> Widgets.rows(table).get(5)), "a separator before the next phase");
		assertEquals("second", ui.sync(() -> table.getItem(6).getText(0)));
		assertEquals("97", ui.sync(() -> table.getItem(1).getText(3)));
		assertTrue(ui.sync(() -> table.getItem(1).getText(4)).startsWith("-2"), ui.sync(() -> table.getItem(1).getText(4)));
		// the label provider colours each cell: compare the cells' backgrounds with the table's
		assertNotNull(ui.sync(() -> table.getItem(1).getBackground(1)));
		assertEquals(ui.sync(() -> table.getBackground()), ui.sync(() -> table.getItem(0).getBackground(1)),
				"an equal row is not highlighted");
		assertFalse(ui.sync(() -> table.getItem(1).getBackground(1).equals(table.getBackground())),
				"a differing row is highlighted");
		assertFalse(ui.sync(() -> table.getItem(6).getBackground(1).equals(table.getBackground())),
				"a phase the simulation did not reach is highlighted");
		assertEquals(ui.sync(() -> table.getBackground()), ui.sync(() -> table.getItem(3).getBackground(1)),
				"a separator is not highlighted");
		Label summary = ui.byData(Label.class, CompareView.SUMMARY_KEY);
		assertTrue(ui.sync(summary::getText).contains("differs from the kernel"), ui.sync(summary::getText));
		ui.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.hideView(page.findView(CompareView.ID));
		});
	}

	private void show(CompareModel model) {
		ui.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			try {
				((CompareView) page.showView(CompareView.ID)).setModel(model);
			} catch (PartInitException e) {
				throw new IllegalStateException(e);
			}
		});
	}
}
