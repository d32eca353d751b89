package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** In the product, a patch that throws fails its run with one message naming it; the next run works. */
class BrokenPatchRunTest extends WorkbenchTestCase {

	/** Throws at the end of the first full scan. */
	public static final class Failing extends StockSharingPatch implements KsmPatch {
		@Override
		public String name() {
			return "ui-failing"; //$NON-NLS-1$
		}

		@Override
		public String description() {
			return "throws at the end of a full scan"; //$NON-NLS-1$
		}

		@Override
		public void fullScanEnds(Ksmd ksmd) {
			throw new IllegalStateException("boom"); //$NON-NLS-1$
		}
	}

	@BeforeAll
	static void register() {
		SharingPolicies.register(Failing::new);
	}

	private ScenarioRun run(Path file) {
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, "org.ksmstudio.ui.command.speed", "org.ksmstudio.ui.command.speed.value", "0"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> !run.isActive(), () -> "the run ends: " + run.status(), Duration.ofMinutes(3)); //$NON-NLS-1$
		return run;
	}

	@Test
	void aPatchThatThrowsFailsItsRunWithOneMessageNamingItAndTheNextRunWorks() throws IOException {
		Path broken = folder.resolve("broken-patch.ksm"); //$NON-NLS-1$
		String text = Files.readString(TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder)); //$NON-NLS-1$
		Files.writeString(broken, text.replace("<policies>stock</policies>", //$NON-NLS-1$
				"<policies>stock</policies>\n    <policies>ui-failing</policies>")); //$NON-NLS-1$
		ScenarioRun failed = run(broken);
		assertEquals(ScenarioRun.Status.FAILED, failed.status());
		assertEquals("patch ui-failing: fullScanEnds threw java.lang.IllegalStateException: boom", failed.failure()); //$NON-NLS-1$
		Path again = Files.createDirectories(folder.resolve("again")); //$NON-NLS-1$
		ScenarioRun next = run(TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", again)); //$NON-NLS-1$
		assertEquals(ScenarioRun.Status.DONE, next.status(), next.failure());
	}
}
