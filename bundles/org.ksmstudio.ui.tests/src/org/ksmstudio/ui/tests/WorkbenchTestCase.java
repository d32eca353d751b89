package org.ksmstudio.ui.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the workbench UI tests: a driver of the workbench's display, a temporary folder for
 * scenario files, and the KSM Studio perspective reset (editors closed, no run left) before and
 * after each test.
 */
abstract class WorkbenchTestCase {

	/** Drives the workbench's widgets. */
	protected final UiDriver ui = UiDriver.workbench();

	/** A fresh folder per test for copies of the examples. */
	@TempDir
	protected Path folder;

	@BeforeEach
	void resetBefore() {
		TestScenarios.reset(ui);
	}

	@AfterEach
	void resetAfter() {
		TestScenarios.reset(ui);
	}
}
