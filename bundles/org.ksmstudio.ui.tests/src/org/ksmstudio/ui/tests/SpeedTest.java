package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.commands.SpeedControl;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.run.Speed;

/**
 * The run's speed: new runs go in real time (a user can watch and act), the toolbar shows the
 * active editor's speed and changes it, Simulation > Speed marks it, and Pause has a key.
 */
class SpeedTest extends WorkbenchTestCase {

	private static final String EXAMPLE = "reference-a-b-2000x1-mps256.ksm"; //$NON-NLS-1$

	private ScenarioEditor open() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample(EXAMPLE, folder));
		ui.run(() -> TestScenarios.page().activate(editor));
		return editor;
	}

	/**
	 * The product renders its toolbar before the workbench hands the window to the contributions: the
	 * speed box made then (no window yet) finds its window and follows the editor's speed, instead of
	 * failing with a NullPointerException in the log.
	 */
	@Test
	void aSpeedBoxMadeBeforeItsWindowIsKnownFollowsTheEditor() throws IOException {
		open();
		org.eclipse.swt.widgets.Composite[] parent = new org.eclipse.swt.widgets.Composite[1];
		ui.run(() -> {
			parent[0] = new org.eclipse.swt.widgets.Composite(TestScenarios.page().getWorkbenchWindow().getShell(), SWT.NONE);
			new SpeedControl().fill(parent[0]);
		});
		try {
			Combo early = ui.sync(() -> (Combo) ((org.eclipse.swt.widgets.Composite) parent[0].getChildren()[0]).getChildren()[1]);
			TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "100"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			ui.waitUntil(() -> Speed.X100.label().equals(early.getText()), () -> "the early speed box shows " + early.getText()); //$NON-NLS-1$
		} finally {
			ui.run(() -> parent[0].dispose());
		}
	}

	@Test
	void theMenuMarksTheSpeedAndTheToolbarShowsAndSetsIt() throws IOException {
		ScenarioEditor editor = open();
		Combo toolbar = ui.byData(Combo.class, SpeedControl.COMBO_KEY);
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "10"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(List.of(Speed.X10.label()), ui.sync(this::checkedSpeeds), "Simulation > Speed marks 10 s per second"); //$NON-NLS-1$
		ui.waitUntil(() -> Speed.X10.label().equals(toolbar.getText()), () -> "the toolbar shows " + toolbar.getText()); //$NON-NLS-1$

		// choosing in the menu: a radio item, as a user clicks it
		ui.run(() -> {
			MenuItem slow = UiDriver.menuItem(ui.menuBar(), "Simulation", "Speed", Speed.SLOW_MOTION.label()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(SWT.RADIO, slow.getStyle() & SWT.RADIO);
			slow.setSelection(true);
			slow.notifyListeners(SWT.Selection, new Event());
		});
		assertEquals(0.1, ui.sync(() -> editor.getRunSlot().speed()));
		ui.waitUntil(() -> Speed.SLOW_MOTION.label().equals(toolbar.getText()), () -> "the toolbar shows " + toolbar.getText()); //$NON-NLS-1$

		// choosing in the toolbar
		ui.run(() -> {
			toolbar.select(List.of(toolbar.getItems()).indexOf(Speed.MAX.label()));
			toolbar.notifyListeners(SWT.Selection, new Event());
		});
		assertEquals(0.0, ui.sync(() -> editor.getRunSlot().speed()));
		assertEquals(List.of(Speed.MAX.label()), ui.sync(this::checkedSpeeds));
	}

	@Test
	void pauseHasAKey() throws IOException {
		open();
		String key = ui.sync(() -> PlatformUI.getWorkbench().getService(IBindingService.class)
				.getBestActiveBindingFormattedFor("org.ksmstudio.ui.command.pause")); //$NON-NLS-1$
		assertNotNull(key, "Pause has a key binding"); //$NON-NLS-1$
		String shown = ui.sync(() -> UiDriver.menuItem(ui.menuBar(), "Simulation", "Pause").getText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(shown.contains("\t"), "the menu shows the key: " + shown); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void runsStartInRealTime() throws IOException {
		String testSpeed = System.clearProperty(Speed.PROPERTY);
		try {
			ScenarioEditor editor = open();
			Combo toolbar = ui.byData(Combo.class, SpeedControl.COMBO_KEY);
			ui.waitUntil(() -> Speed.REAL_TIME.label().equals(toolbar.getText()), () -> "the toolbar shows " + toolbar.getText()); //$NON-NLS-1$
			long start = System.nanoTime();
			TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
			ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
			assertEquals(1.0, run.speed());
			ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(2)); //$NON-NLS-1$
			double wall = (System.nanoTime() - start) / 1e9;
			double simulated = run.simulation().snapshot().timeNanos() / 1e9;
			assertEquals(ScenarioRun.Status.DONE, run.status(), run.failure());
			assertTrue(simulated > 0.5 && wall >= 0.9 * simulated,
					"in real time: " + simulated + " simulated s took " + wall + " s"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} finally {
			if (testSpeed != null) {
				System.setProperty(Speed.PROPERTY, testSpeed);
			}
		}
	}

	/** The labels of the checked items of Simulation > Speed; call on the UI thread. */
	private List<String> checkedSpeeds() {
		MenuItem speed = UiDriver.menuItem(ui.menuBar(), "Simulation", "Speed"); //$NON-NLS-1$ //$NON-NLS-2$
		speed.getMenu().notifyListeners(SWT.Show, new Event());
		List<String> checked = new ArrayList<>();
		for (MenuItem item : speed.getMenu().getItems()) {
			if ((item.getStyle() & SWT.RADIO) != 0 && item.getSelection()) {
				checked.add(UiDriver.menuText(item));
			}
		}
		return checked;
	}
}
