package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.ui.internal.actions.ScriptExport;
import org.ksmstudio.ui.internal.export.FileDialogs;

/**
 * The Live Kernel's save dialogs go through the product's one {@link FileDialogs}: they open in the
 * folder chosen last (in any dialog of KSM Studio), not the install folder, and remember the folder
 * they save into.
 */
class FileDialogFolderTest {

	private final Widgets ui = new Widgets();
	private final List<String> openedIn = new CopyOnWriteArrayList<>();
	private FileDialogs.Chooser original;

	@TempDir
	Path temp;

	@AfterEach
	void restore() {
		if (original != null) {
			FileDialogs.setChooser(original);
		}
	}

	@Test
	void shellScriptExportOpensInTheLastFolderAndRemembersItsOwn() throws Exception {
		Path first = Files.createDirectories(temp.resolve("chosen before"));
		Path second = Files.createDirectories(temp.resolve("scripts"));
		List<Path> answers = new CopyOnWriteArrayList<>(List.of(first.resolve("a.ksm"), second.resolve("a.sh"),
				second.resolve("b.sh")));
		original = FileDialogs.setChooser(dialog -> {
			openedIn.add(dialog.getFilterPath());
			return answers.remove(0).toString();
		});
		ui.run(() -> FileDialogs.open(new org.eclipse.swt.widgets.FileDialog(shell()))); // another dialog of the product
		for (String name : new String[] { "a.sh", "b.sh" }) {
			ui.async(() -> ScriptExport.export(shell(), Map.of(KsmSysfsFile.PAGES_TO_SCAN, "1000"), "scenario"));
			ui.click("OK"); // "the script was saved"
			Path script = second.resolve(name);
			ui.waitUntil(() -> Files.isRegularFile(script), () -> script + " written");
		}
		assertEquals(List.of(first.toString(), second.toString()), openedIn.subList(1, 3),
				"the first export opens where the last dialog saved, the second where the first export saved");
		assertTrue(Files.readString(second.resolve("b.sh")).contains("pages_to_scan"));
	}

	private static Shell shell() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
	}
}
