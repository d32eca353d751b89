package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.activities.IActivityManager;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.commands.DocumentationHandler;

/**
 * The menus with the product's bundle installed: File says New Scenario and Open Scenario File and
 * has none of the IDE's Open File or Open Projects from File System; the IDE's project and text
 * editor commands are out of the key bindings; Help links the documentation.
 */
class MenusTest extends WorkbenchTestCase {

	@Test
	void fileMenuSaysNewAndHasNoIdeLeftovers() {
		List<String> file = ui.sync(() -> texts(UiDriver.menuItem(ui.menuBar(), "File").getMenu())); //$NON-NLS-1$
		assertTrue(file.contains("New Scenario..."), "File > New Scenario...: " + file); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(1, file.stream().filter(t -> t.startsWith("Open") && t.endsWith("File...")).count(), //$NON-NLS-1$ //$NON-NLS-2$
				"one Open ... File: " + file); //$NON-NLS-1$
		assertTrue(file.contains("Open Scenario File..."), file.toString()); //$NON-NLS-1$
		assertFalse(file.contains("Open Projects from File System..."), file.toString()); //$NON-NLS-1$
		assertFalse(file.contains("KSM Scenario..."), file.toString()); //$NON-NLS-1$
	}

	/** File > New > Other... (Ctrl+N) offers KSM Studio's wizards, not the IDE's Project, Folder and File. */
	@Test
	void theNewWizardOffersScenariosOnly() {
		ui.run(() -> {
			org.eclipse.ui.wizards.IWizardRegistry registry = PlatformUI.getWorkbench().getNewWizardRegistry();
			for (String ide : List.of("org.eclipse.ui.wizards.new.project", "org.eclipse.ui.wizards.new.folder", //$NON-NLS-1$ //$NON-NLS-2$
					"org.eclipse.ui.wizards.new.file", "org.eclipse.ui.editors.wizards.UntitledTextFileWizard")) { //$NON-NLS-1$ //$NON-NLS-2$
				org.eclipse.ui.wizards.IWizardDescriptor wizard = registry.findWizard(ide);
				assertTrue(wizard == null || org.eclipse.ui.activities.WorkbenchActivityHelper.filterItem(wizard),
						ide + " is offered"); //$NON-NLS-1$
			}
			org.eclipse.ui.wizards.IWizardDescriptor scenario = registry.findWizard("org.ksmstudio.ui.wizard.newScenario"); //$NON-NLS-1$
			assertNotNull(scenario);
			assertFalse(org.eclipse.ui.activities.WorkbenchActivityHelper.filterItem(scenario), "New KSM Scenario is offered"); //$NON-NLS-1$
		});
	}

	@Test
	void theKeyBindingsAreKsmStudiosOnly() {
		ui.run(() -> {
			IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
			assertNull(bindings.getBestActiveBindingFormattedFor("org.eclipse.ui.project.buildAll"), "Build All"); //$NON-NLS-1$ //$NON-NLS-2$
			assertNull(bindings.getBestActiveBindingFormattedFor("org.eclipse.ui.edit.text.contentAssist.proposals"), //$NON-NLS-1$
					"Content Assist"); //$NON-NLS-1$
			assertNotNull(bindings.getBestActiveBindingFormattedFor("org.eclipse.ui.edit.undo"), "Undo keeps Ctrl+Z"); //$NON-NLS-1$ //$NON-NLS-2$
			// the Keys preference page and the key assist (Ctrl+Shift+L) list only commands whose activity is enabled
			IActivityManager activities = PlatformUI.getWorkbench().getActivitySupport().getActivityManager();
			for (String ide : List.of("org.eclipse.ui.project.buildAll", "org.eclipse.ui.edit.text.contentAssist.proposals", //$NON-NLS-1$ //$NON-NLS-2$
					"org.eclipse.ui.navigate.openResource", "org.eclipse.e4.ui.importer.openDirectory")) { //$NON-NLS-1$ //$NON-NLS-2$
				assertFalse(activities.getIdentifier(ide).isEnabled(), ide + " is listed"); //$NON-NLS-1$
			}
			for (String ours : List.of("org.ksmstudio.ui.command.run", "org.eclipse.ui.edit.undo", //$NON-NLS-1$ //$NON-NLS-2$
					"org.eclipse.ui.edit.delete", "org.eclipse.ui.edit.copy", "org.eclipse.ui.file.save")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				assertTrue(activities.getIdentifier(ours).isEnabled(), ours + " is not listed"); //$NON-NLS-1$
			}
		});
	}

	@Test
	void helpLinksTheDocumentation() {
		assertTrue(ui.sync(() -> UiDriver.menuItem(ui.menuBar(), "Help", "KSM Studio Documentation").isEnabled())); //$NON-NLS-1$ //$NON-NLS-2$
		Path docs = DocumentationHandler.docsFolder(DocumentationHandler.installLocation());
		assertNotNull(docs, "the docs of the sources above " + DocumentationHandler.installLocation()); //$NON-NLS-1$
		assertTrue(Files.isRegularFile(docs.resolve(DocumentationHandler.INDEX)));
		assertTrue(Files.isRegularFile(docs.resolve("ksm-semantics.md"))); //$NON-NLS-1$
	}

	private static List<String> texts(Menu menu) {
		menu.notifyListeners(SWT.Show, new Event());
		List<String> texts = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			texts.add(UiDriver.menuText(item));
		}
		return texts;
	}
}
