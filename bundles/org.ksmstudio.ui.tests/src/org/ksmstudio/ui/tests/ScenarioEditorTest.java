package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.emf.EmfPropertySourceProvider;

/** The scenario editor: tree, Properties (categories, cell editors, commands), undo/redo, save, errors. */
class ScenarioEditorTest extends WorkbenchTestCase {


	@Test
	void opensAnExampleAsATreeWithKernelLabels() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		Tree tree = ui.byData(Tree.class, ScenarioEditor.TREE_KEY);
		ui.waitUntil(() -> UiDriver.treeTexts(tree).stream().anyMatch(t -> t.contains("max_page_sharing = 256")), //$NON-NLS-1$
				() -> "the KSM configuration should read max_page_sharing = 256: " + UiDriver.treeTexts(tree)); //$NON-NLS-1$
		assertTrue(ui.sync(() -> UiDriver.treeTexts(tree).get(0).contains("reference a_b_2000x1_mps256")), //$NON-NLS-1$
				"root is the scenario"); //$NON-NLS-1$
		assertTrue(ui.sync(() -> editor.getProblems().all().isEmpty()), "the example is valid"); //$NON-NLS-1$
	}

	@Test
	void propertiesHaveCategoriesDescriptionsAndUnits() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> {
			KsmConfig ksm = editor.getScenario().getKsm();
			IPropertySource source = provider(editor).getPropertySource(ksm);
			IPropertyDescriptor maxPageSharing = descriptor(source, "max_page_sharing"); //$NON-NLS-1$
			assertNotNull(maxPageSharing, "max_page_sharing is a property of the KSM configuration"); //$NON-NLS-1$
			assertEquals("Sharing limit", maxPageSharing.getCategory()); //$NON-NLS-1$
			assertFalse(maxPageSharing.getDescription().isBlank(), "it has a description"); //$NON-NLS-1$
			IPropertyDescriptor sleep = descriptor(source, "sleep_millisecs"); //$NON-NLS-1$
			assertEquals("20 ms", sleep.getLabelProvider().getText(source.getPropertyValue(sleep.getId()))); //$NON-NLS-1$
		});
	}

	@Test
	void propertyEditIsACommandThatUndoesAndRedoes() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		setProperty(editor, ksm, "max_page_sharing", 1024); //$NON-NLS-1$
		assertEquals(1024, ui.sync(ksm::getMaxPageSharing));
		assertTrue(ui.sync(editor::isDirty), "an edit makes the editor dirty"); //$NON-NLS-1$

		command("org.eclipse.ui.edit.undo"); //$NON-NLS-1$
		assertEquals(256, ui.sync(ksm::getMaxPageSharing), "Undo (Ctrl+Z) restores the old value"); //$NON-NLS-1$
		ui.waitUntil(() -> !editor.isDirty(), () -> "undoing every change leaves the editor clean"); //$NON-NLS-1$
		command("org.eclipse.ui.edit.redo"); //$NON-NLS-1$
		assertEquals(1024, ui.sync(ksm::getMaxPageSharing), "Redo (Ctrl+Y) applies it again"); //$NON-NLS-1$
	}

	@Test
	void editInThePropertiesViewThenUndoAndRedo() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		TestScenarios.showView(ui, IPageLayout.ID_PROP_SHEET, IViewPart.class);
		ui.run(() -> {
			TestScenarios.page().activate(editor);
			editor.reveal(ksm);
		});
		Tree properties = ui.find(Tree.class, t -> t.getData(ScenarioEditor.TREE_KEY) == null && t.isVisible()
				&& UiDriver.treeTexts(t).stream().anyMatch(s -> s.contains("Sharing limit")), "the Properties view"); //$NON-NLS-1$ //$NON-NLS-2$
		TreeItem row = ui.treeItem(properties, "max_page_sharing"); //$NON-NLS-1$
		assertEquals("256 mappings", ui.sync(() -> row.getText(1))); //$NON-NLS-1$
		ui.clickCell(properties, row, 1);
		ui.typeInCellEditor(properties, "512"); //$NON-NLS-1$
		ui.waitUntil(() -> ksm.getMaxPageSharing() == 512, () -> "typing 512 sets max_page_sharing, it is " //$NON-NLS-1$
				+ ksm.getMaxPageSharing());
		ui.waitUntil(() -> "512 mappings".equals(row.getText(1)), () -> "the Properties view shows 512: " + row.getText(1)); //$NON-NLS-1$ //$NON-NLS-2$

		ui.run(() -> TestScenarios.page().activate(editor));
		command("org.eclipse.ui.edit.undo"); //$NON-NLS-1$
		assertEquals(256, ui.sync(ksm::getMaxPageSharing));
		command("org.eclipse.ui.edit.redo"); //$NON-NLS-1$
		assertEquals(512, ui.sync(ksm::getMaxPageSharing));
	}

	@Test
	void aNumberOpensInItsCellEditorWithoutAnErrorAndBadTextIsRefused() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		ui.run(() -> {
			IPropertySource source = provider(editor).getPropertySource(ksm);
			IPropertyDescriptor pagesToScan = descriptor(source, "pages_to_scan"); //$NON-NLS-1$
			CellEditor cell = pagesToScan.createPropertyEditor(editor.getTreeViewer().getTree().getParent());
			cell.setValue(source.getPropertyValue(pagesToScan.getId()));
			assertNull(cell.getErrorMessage(), "the model's Long opens as a valid value"); //$NON-NLS-1$
			assertTrue(cell.isValueValid());
			cell.dispose();
		});

		IViewPart view = TestScenarios.showView(ui, IPageLayout.ID_PROP_SHEET, IViewPart.class);
		ui.run(() -> {
			TestScenarios.page().activate(editor);
			editor.reveal(ksm);
			TestScenarios.page().activate(view);
		});
		Tree properties = ui.find(Tree.class, t -> t.getData(ScenarioEditor.TREE_KEY) == null && t.isVisible()
				&& UiDriver.treeTexts(t).stream().anyMatch(s -> s.contains("Scanning")), "the Properties view"); //$NON-NLS-1$ //$NON-NLS-2$
		TreeItem row = ui.treeItem(properties, "pages_to_scan"); //$NON-NLS-1$
		ui.clickCell(properties, row, 1);
		Text editorText = ui.find(Text.class, t -> t.getParent() == properties && t.isVisible(), "the cell editor"); //$NON-NLS-1$
		assertEquals("100", ui.sync(editorText::getText)); //$NON-NLS-1$
		ui.flush();
		assertEquals(List.of(), ui.sync(() -> statusErrors()), "opening a valid number shows no error"); //$NON-NLS-1$
		ui.run(() -> editorText.setText("lots")); //$NON-NLS-1$
		ui.waitUntil(() -> statusErrors().contains("\u2018lots\u2019 is not a valid long"), //$NON-NLS-1$
				() -> "text that is not a number is refused on the status line: " + statusErrors()); //$NON-NLS-1$
	}

	/** The texts of the workbench window's status line that are validation errors. */
	private List<String> statusErrors() {
		return ui.findAll(CLabel.class, l -> l.getText() != null && l.getText().contains("is not a valid")) //$NON-NLS-1$
				.stream().map(CLabel::getText).toList();
	}

	@Test
	void saveCloseReopenKeepsTheEditAndTheOldFileOtherwise() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		setProperty(editor, ksm, "pages_to_scan", 5000L); //$NON-NLS-1$
		command("org.eclipse.ui.file.save"); //$NON-NLS-1$
		ui.waitUntil(() -> !editor.isDirty(), () -> "saved: not dirty any more"); //$NON-NLS-1$
		assertTrue(Files.readString(file).contains("pagesToScan=\"5000\""), "the file holds the new value"); //$NON-NLS-1$ //$NON-NLS-2$
		TestScenarios.reset(ui);

		ScenarioEditor reopened = TestScenarios.open(ui, file);
		assertEquals(5000L, ui.sync(() -> reopened.getScenario().getKsm().getPagesToScan()));
		assertFalse(ui.sync(reopened::isDirty));
	}

	@Test
	void saveAsksBeforeOverwritingAFileChangedOnDisk() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		setProperty(editor, ksm, "pages_to_scan", 4321L); //$NON-NLS-1$
		String theirs = Files.readString(file).replace("name=\"reference", "name=\"changed elsewhere"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.writeString(file, theirs + "\n"); //$NON-NLS-1$

		ui.async(() -> save());
		ui.clickButton("No"); //$NON-NLS-1$
		ui.flush();
		assertEquals(theirs + "\n", Files.readString(file), "No keeps the other program's file"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(ui.sync(editor::isDirty), "the edit is still unsaved"); //$NON-NLS-1$

		ui.async(() -> save());
		ui.clickButton("Yes"); //$NON-NLS-1$
		ui.waitUntil(() -> !editor.isDirty(), () -> "saved after Yes"); //$NON-NLS-1$
		assertTrue(Files.readString(file).contains("pagesToScan=\"4321\""), "Yes writes the editor's content"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void save() {
		IHandlerService handlers = TestScenarios.page().getWorkbenchWindow().getService(IHandlerService.class);
		try {
			handlers.executeCommand("org.eclipse.ui.file.save", null); //$NON-NLS-1$
		} catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void invalidValueShowsInTheProblemsList() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		setProperty(editor, ksm, "max_page_sharing", 1); //$NON-NLS-1$
		Table problems = ui.byData(Table.class, ScenarioEditor.PROBLEMS_KEY);
		ui.waitUntil(() -> problems.getItemCount() > 0 && problems.getItem(0).getText(0).contains("max_page_sharing"), //$NON-NLS-1$
				() -> "the problems list should name max_page_sharing, it has " + problems.getItemCount() + " rows"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(ui.sync(() -> editor.getProblems().severity(ksm) > 0), "the KSM configuration is marked"); //$NON-NLS-1$
		command("org.eclipse.ui.edit.undo"); //$NON-NLS-1$
		ui.waitUntil(() -> problems.getItemCount() == 0, () -> "undo removes the problem"); //$NON-NLS-1$
	}

	@Test
	void malformedFileShowsFileLineAndColumnInTheEditor() throws IOException {
		Path file = folder.resolve("broken.ksm"); //$NON-NLS-1$
		Files.writeString(file, "<?xml version=\"1.0\"?>\n<ksm:Scenario xmlns:ksm=\"http://www.ksmstudio.org/scenario/1.0\">\n  <topology>\n</ksm:Scenario>\n", //$NON-NLS-1$
				StandardCharsets.UTF_8);
		ScenarioEditor editor = TestScenarios.open(ui, file);
		assertNull(ui.sync(editor::getScenario));
		Text message = ui.find(Text.class, t -> t.getData("org.ksmstudio.ui.loadError") != null, "the load error"); //$NON-NLS-1$ //$NON-NLS-2$
		String text = ui.sync(message::getText);
		assertTrue(text.startsWith(file.toString() + ":4:"), "file:line:column first, got: " + text); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(ui.sync(editor::isDirty));
		assertTrue(Files.readString(file).contains("<topology>"), "the file is untouched"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void savedScenarioLoadsHeadless() throws Exception {
		Path file = TestScenarios.copyExample("vm-consolidation.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		KsmConfig ksm = ui.sync(() -> editor.getScenario().getKsm());
		setProperty(editor, ksm, "sleep_millisecs", 50L); //$NON-NLS-1$
		command("org.eclipse.ui.file.save"); //$NON-NLS-1$
		assertEquals(50L, ScenarioResources.load(file).getKsm().getSleepMillisecs());
	}

	private void setProperty(ScenarioEditor editor, Object object, String displayName, Object value) {
		ui.run(() -> {
			IPropertySource source = provider(editor).getPropertySource(object);
			source.setPropertyValue(descriptor(source, displayName).getId(), value);
		});
	}

	private static IPropertySourceProvider provider(ScenarioEditor editor) {
		return new EmfPropertySourceProvider(
				((org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain) editor.getEditingDomain()).getAdapterFactory(),
				editor.getEditingDomain());
	}

	private static IPropertyDescriptor descriptor(IPropertySource source, String displayName) {
		for (IPropertyDescriptor descriptor : source.getPropertyDescriptors()) {
			if (displayName.equals(descriptor.getDisplayName())) {
				return descriptor;
			}
		}
		return null;
	}

	private void command(String id) {
		ui.run(() -> {
			IHandlerService handlers = TestScenarios.page().getWorkbenchWindow().getService(IHandlerService.class);
			try {
				handlers.executeCommand(id, null);
			} catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
				throw new AssertionError(id + ": " + e, e); //$NON-NLS-1$
			}
		});
	}
}
