package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.ui.internal.export.ExportActions;

/** Where the GUI's exports may go: anywhere but over a scenario, whatever the overwrite prompt said. */
class ExportTargetTest {

	@TempDir
	Path dir;

	@Test
	void anExportNeverReplacesAScenarioOrItsPageContents() throws IOException {
		for (String name : new String[] { "run.ksm", "run.ksm.pages" }) { //$NON-NLS-1$ //$NON-NLS-2$
			Path scenario = Files.writeString(dir.resolve(name), "<ksm:Scenario/>"); //$NON-NLS-1$
			IOException refused = assertThrows(IOException.class,
					() -> ExportActions.write(scenario, out -> out.write("time_s,pages_shared\n"))); //$NON-NLS-1$
			assertTrue(refused.getMessage().contains(name + " is a scenario file"), refused.getMessage()); //$NON-NLS-1$
			assertEquals("<ksm:Scenario/>", Files.readString(scenario), "the scenario is intact"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Path csv = dir.resolve("run.csv"); //$NON-NLS-1$
		ExportActions.write(csv, out -> out.write("time_s\n")); //$NON-NLS-1$
		assertEquals("time_s\n", Files.readString(csv)); //$NON-NLS-1$
	}
}
