package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;

/**
 * The Simulation commands on a 1-million-page scenario (8 KVM guests of 512 MiB): pause, step one
 * full scan, step one wake-up, pace, stop; results stay after the stop; two editors run at once.
 */
class RunControlTest extends WorkbenchTestCase {


	@Test
	void pauseStepResumeAndStop() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("vm-consolidation.ksm", folder)); //$NON-NLS-1$
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.simulation() != null && run.simulation().snapshot().counters().pagesScanned() > 0,
				() -> "the run starts scanning: " + run.status()); //$NON-NLS-1$

		TestScenarios.command(ui, "org.ksmstudio.ui.command.pause"); //$NON-NLS-1$
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.PAUSED, () -> "paused: " + run.status()); //$NON-NLS-1$
		KsmSnapshot paused = run.simulation().snapshot();
		assertEquals(paused.timeNanos(), run.simulation().snapshot().timeNanos(), "a paused run does not advance"); //$NON-NLS-1$

		TestScenarios.command(ui, "org.ksmstudio.ui.command.stepFullScan"); //$NON-NLS-1$
		ui.waitUntil(() -> run.simulation().snapshot().counters().fullScans() == paused.counters().fullScans() + 1
				&& run.status() == ScenarioRun.Status.PAUSED,
				() -> "one full scan more, then paused: full_scans " + run.simulation().snapshot().counters().fullScans()); //$NON-NLS-1$
		KsmSnapshot scanned = run.simulation().snapshot();

		TestScenarios.command(ui, "org.ksmstudio.ui.command.stepWakeup"); //$NON-NLS-1$
		ui.waitUntil(() -> run.simulation().snapshot().wakeups() == scanned.wakeups() + 1
				&& run.status() == ScenarioRun.Status.PAUSED,
				() -> "one wake-up more: " + run.simulation().snapshot().wakeups() + " after " + scanned.wakeups()); //$NON-NLS-1$ //$NON-NLS-2$
		long scannedByOneWakeup = run.simulation().snapshot().counters().pagesScanned() - scanned.counters().pagesScanned();
		assertTrue(scannedByOneWakeup > 0 && scannedByOneWakeup <= 1000,
				"one wake-up scans at most pages_to_scan = 1000 pages: " + scannedByOneWakeup); //$NON-NLS-1$

		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "1"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(1.0, run.speed());
		TestScenarios.command(ui, "org.ksmstudio.ui.command.resume"); //$NON-NLS-1$
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.RUNNING, () -> "resumed: " + run.status()); //$NON-NLS-1$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ui.waitUntil(() -> run.simulation().snapshot().counters().pagesSharing() > 0,
				() -> "ksmd merges once it runs as fast as possible again"); //$NON-NLS-1$

		long[] cancelled = { 0 };
		run.addListener(changed -> {
			if (changed.status() == ScenarioRun.Status.CANCELLED) {
				cancelled[0] = System.nanoTime();
			}
		});
		long stopAsked = System.nanoTime();
		TestScenarios.command(ui, "org.ksmstudio.ui.command.stop"); //$NON-NLS-1$
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.CANCELLED, () -> "stopped: " + run.status()); //$NON-NLS-1$
		System.out.printf("Stop: the run reported CANCELLED %.1f ms after the command%n", //$NON-NLS-1$
				(cancelled[0] - stopAsked) / 1e6);
		long stoppedAt = run.simulation().snapshot().timeNanos();
		assertTrue(run.simulation().isCancelled());
		assertEquals(stoppedAt, run.simulation().snapshot().timeNanos(), "a stopped run does not advance"); //$NON-NLS-1$

		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> UiDriver.cell(counters, "pages_sharing", 1) != null //$NON-NLS-1$
				&& !"0".equals(UiDriver.cell(counters, "pages_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "the results stay after the stop: pages_sharing " + UiDriver.cell(counters, "pages_sharing", 1)); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(run.isActive());
	}

	/**
	 * Shift+F8, F8 and F7 reach the run from a view: a user watching the Counters pauses, resumes and
	 * steps without clicking into the editor first.
	 */
	@Test
	void runShortcutsWorkFromAView() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("vm-consolidation.ksm", folder)); //$NON-NLS-1$
		CountersView counters = TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "1"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.RUNNING, () -> "the run runs: " + run.status()); //$NON-NLS-1$
		Table table = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.run(() -> {
			TestScenarios.page().activate(counters);
			table.setFocus();
		});
		ui.flush();
		assertTrue(ui.sync(() -> TestScenarios.page().getActivePart() == counters), "the Counters view is active"); //$NON-NLS-1$

		press(table, SWT.F8, SWT.SHIFT);
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.PAUSED, () -> "Shift+F8 in the Counters view pauses: " //$NON-NLS-1$
				+ run.status());
		long scans = run.simulation().snapshot().counters().fullScans();
		press(table, SWT.F7, 0);
		ui.waitUntil(() -> run.simulation().snapshot().counters().fullScans() == scans + 1
				&& run.status() == ScenarioRun.Status.PAUSED, () -> "F7 in the Counters view steps one full scan: " //$NON-NLS-1$
						+ run.simulation().snapshot().counters().fullScans() + " after " + scans); //$NON-NLS-1$
		press(table, SWT.F8, 0);
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.RUNNING, () -> "F8 in the Counters view resumes: " //$NON-NLS-1$
				+ run.status());
		run.cancel();
	}

	/** Presses a key on {@code control} the way the display delivers it (through the workbench's key filter). */
	private void press(Control control, int key, int modifiers) {
		ui.run(() -> {
			Event down = new Event();
			down.keyCode = key;
			down.stateMask = modifiers;
			control.notifyListeners(SWT.KeyDown, down);
		});
	}

	@Test
	void twoEditorsRunAtOnceAndTheViewsFollowTheActiveOne() throws IOException {
		ScenarioEditor small = TestScenarios.open(ui, TestScenarios.copyExample("reference-d-4proc-1000x1-mps256.ksm", folder)); //$NON-NLS-1$
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> TestScenarios.page().activate(small));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioEditor other = TestScenarios.open(ui, TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(other));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun first = ui.sync(() -> small.getRunSlot().current());
		ScenarioRun second = ui.sync(() -> other.getRunSlot().current());
		assertTrue(first != null && second != null && first != second, "each editor has its own run"); //$NON-NLS-1$
		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> "8".equals(UiDriver.cell(counters, "pages_shared", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "the views follow the active editor (2000 pages → 8 KSM pages): " //$NON-NLS-1$
						+ UiDriver.cell(counters, "pages_shared", 1)); //$NON-NLS-1$
		ui.run(() -> TestScenarios.page().activate(small));
		ui.waitUntil(() -> "16".equals(UiDriver.cell(counters, "pages_shared", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "activating the other editor shows its run (4 × 1000 pages → 16 KSM pages): " //$NON-NLS-1$
						+ UiDriver.cell(counters, "pages_shared", 1)); //$NON-NLS-1$
	}
}
