package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioPackage.Literals;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.emf.ModelDragAdapter;
import org.ksmstudio.ui.internal.emf.ModelDropAdapter;
import org.ksmstudio.ui.internal.views.CountersView;

/**
 * Editing a scenario as in every EMF editor, through the real menus of the workbench: New Child and
 * New Sibling (context menu and Edit menu) build a runnable scenario from an empty one, Delete,
 * Cut, Copy, Paste and drag and drop change it, and Undo/Redo revert every change and say what they
 * revert.
 */
class ScenarioEditingTest extends WorkbenchTestCase {

	private static final String RUN = "org.ksmstudio.ui.command.run"; //$NON-NLS-1$
	private static final String DELETE = "org.eclipse.ui.edit.delete"; //$NON-NLS-1$
	private static final String CUT = "org.eclipse.ui.edit.cut"; //$NON-NLS-1$
	private static final String COPY = "org.eclipse.ui.edit.copy"; //$NON-NLS-1$
	private static final String PASTE = "org.eclipse.ui.edit.paste"; //$NON-NLS-1$
	private static final String UNDO = "org.eclipse.ui.edit.undo"; //$NON-NLS-1$
	private static final String REDO = "org.eclipse.ui.edit.redo"; //$NON-NLS-1$

	@Test
	void anEmptyScenarioBecomesARunnableOneThroughNewChildAndNewSiblingAlone() throws Exception {
		Path file = folder.resolve("mine.ksm"); //$NON-NLS-1$
		ui.clickMenuLater(ui::menuBar, "File", "New Scenario..."); //$NON-NLS-1$ //$NON-NLS-2$
		Text name = ui.find(Text.class, t -> t.getData("org.ksmstudio.ui.newScenario.file") != null, "the file field"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(name, file.toString());
		ui.clickButton("Finish"); //$NON-NLS-1$
		ui.waitUntil(() -> TestScenarios.page().getActiveEditor() instanceof ScenarioEditor e && e.getScenario() != null,
				() -> "the empty scenario opens: " + TestScenarios.page().getActiveEditor()); //$NON-NLS-1$
		ScenarioEditor editor = ui.sync(() -> (ScenarioEditor) TestScenarios.page().getActiveEditor());
		Scenario scenario = ui.sync(editor::getScenario);
		assertTrue(ui.sync(() -> scenario.getWorkload().getProcesses().isEmpty()), "it starts empty"); //$NON-NLS-1$
		Tree tree = ui.byData(Tree.class, ScenarioEditor.TREE_KEY);

		newChild(tree, "Topology", "NUMA node"); //$NON-NLS-1$ //$NON-NLS-2$
		newChild(tree, "Workload", "Process"); //$NON-NLS-1$ //$NON-NLS-2$
		newChild(tree, "Process 1000", "Mergeable region"); //$NON-NLS-1$ //$NON-NLS-2$
		newChild(tree, "Region region", "Unique pages"); //$NON-NLS-1$ //$NON-NLS-2$
		// the Edit menu has the same submenus
		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1000")); //$NON-NLS-1$
		ui.clickMenu(ui::menuBar, "Edit", "New Sibling", "Process"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		newChild(tree, "Process 1001", "Mergeable region"); //$NON-NLS-1$ //$NON-NLS-2$
		newChild(tree, "Timeline", "sysfs write"); //$NON-NLS-1$ //$NON-NLS-2$

		ui.waitUntil(() -> scenario.getTimeline().getEvents().size() == 1, () -> "the event is created"); //$NON-NLS-1$
		List<Process> processes = ui.sync(() -> List.copyOf(scenario.getWorkload().getProcesses()));
		assertEquals(List.of(1000, 1001), processes.stream().map(Process::getPid).toList(), "free pids"); //$NON-NLS-1$
		assertEquals(List.of(0, 1), processes.stream().map(Process::getHomeNode).toList(), "one process per node"); //$NON-NLS-1$
		assertEquals(2, ui.sync(() -> scenario.getTopology().getNodes().size()));
		assertEquals("at 0 ms: echo 1 > run", ui.sync(() -> UiDriver.treeTexts(tree).stream() //$NON-NLS-1$
				.map(String::strip).filter(t -> t.contains("echo")).findFirst().orElse(""))); //$NON-NLS-1$ //$NON-NLS-2$
		Table problems = ui.byData(Table.class, ScenarioEditor.PROBLEMS_KEY);
		ui.waitUntil(() -> editor.getProblems().all().isEmpty() && problems.getItemCount() == 0,
				() -> "every default is valid: " + editor.getProblems().all()); //$NON-NLS-1$

		TestScenarios.command(ui, "org.eclipse.ui.file.save"); //$NON-NLS-1$
		ui.waitUntil(() -> !editor.isDirty(), () -> "saved"); //$NON-NLS-1$
		assertEquals(2, ScenarioResources.load(file).getWorkload().getProcesses().size(), "the file holds both"); //$NON-NLS-1$

		// two processes of 64 contents x 8 copies, shared across processes, and 512 unique pages
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> TestScenarios.page().activate(editor));
		TestScenarios.command(ui, RUN);
		Table counters = ui.byData(Table.class, CountersView.COUNTERS_KEY);
		ui.waitUntil(() -> "64".equals(UiDriver.cell(counters, "pages_shared", 1)) //$NON-NLS-1$ //$NON-NLS-2$
				&& "960".equals(UiDriver.cell(counters, "pages_sharing", 1)), //$NON-NLS-1$ //$NON-NLS-2$
				() -> "ksmd merges the 1,024 duplicate pages into 64 KSM pages: pages_shared " //$NON-NLS-1$
						+ UiDriver.cell(counters, "pages_shared", 1) + ", pages_sharing " //$NON-NLS-1$ //$NON-NLS-2$
						+ UiDriver.cell(counters, "pages_sharing", 1)); //$NON-NLS-1$
	}

	@Test
	void deleteCutCopyPasteAndDragAndDropAreCommandsThatUndo() throws IOException {
		Path file = TestScenarios.copyExample("reference-d-4proc-1000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		Tree tree = ui.byData(Tree.class, ScenarioEditor.TREE_KEY);
		List<Process> processes = ui.sync(() -> editor.getScenario().getWorkload().getProcesses());

		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1004")); //$NON-NLS-1$
		TestScenarios.command(ui, DELETE);
		assertEquals(List.of(1001, 1002, 1003), pids(processes), "Delete removes the process"); //$NON-NLS-1$
		assertEquals("Undo Delete process 1004 (ksm-ref-4)", ui.sync(this::undoText)); //$NON-NLS-1$
		TestScenarios.command(ui, UNDO);
		assertEquals(List.of(1001, 1002, 1003, 1004), pids(processes), "Undo brings it back"); //$NON-NLS-1$
		TestScenarios.command(ui, REDO);
		assertEquals(List.of(1001, 1002, 1003), pids(processes), "Redo removes it again"); //$NON-NLS-1$
		TestScenarios.command(ui, UNDO);

		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1001")); //$NON-NLS-1$
		TestScenarios.command(ui, COPY);
		ui.select(tree, ui.treeItemStartingWith(tree, "Workload")); //$NON-NLS-1$
		TestScenarios.command(ui, PASTE);
		assertEquals(List.of(1001, 1002, 1003, 1004, 1005), pids(processes), "the pasted copy gets a free pid"); //$NON-NLS-1$
		assertEquals("region", ui.sync(() -> processes.get(4).getRegions().get(0).getName()), "with its region"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> editor.getProblems().all().isEmpty(), () -> "the copy is valid: " + editor.getProblems().all()); //$NON-NLS-1$
		// pasting on a process puts the copy beside it
		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1002")); //$NON-NLS-1$
		TestScenarios.command(ui, PASTE);
		assertEquals(6, ui.sync(processes::size));
		TestScenarios.command(ui, UNDO);
		TestScenarios.command(ui, UNDO);
		assertEquals(List.of(1001, 1002, 1003, 1004), pids(processes));

		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1003")); //$NON-NLS-1$
		TestScenarios.command(ui, CUT);
		assertEquals(List.of(1001, 1002, 1004), pids(processes), "Cut removes it"); //$NON-NLS-1$
		ui.select(tree, ui.treeItemStartingWith(tree, "Workload")); //$NON-NLS-1$
		TestScenarios.command(ui, PASTE);
		assertEquals(List.of(1001, 1002, 1004, 1003), pids(processes), "and Paste puts it back, its pid free again"); //$NON-NLS-1$

		// drag the region of 1001 onto process 1002 (into it): it moves and takes a free name
		MergeableRegion region = ui.sync(() -> processes.get(0).getRegions().get(0));
		ui.select(tree, ui.treeItemStartingWith(tree, "Region region \u00b7 1,000 pages")); //$NON-NLS-1$
		assertTrue(drag(tree), "the drag starts with the selected region"); //$NON-NLS-1$
		TreeItem target = ui.treeItemStartingWith(tree, "Process 1002"); //$NON-NLS-1$
		assertTrue(ui.sync(() -> dropAdapter(tree).drop(target.getData(), 0.5f, DND.DROP_MOVE)), "the drop is accepted"); //$NON-NLS-1$
		assertEquals(List.of(), ui.sync(() -> List.copyOf(processes.get(0).getRegions())));
		assertEquals(List.of("region", "region-2"), ui.sync(() -> processes.get(1).getRegions().stream() //$NON-NLS-1$ //$NON-NLS-2$
				.map(MergeableRegion::getName).toList()), "the dropped region is renamed beside the other"); //$NON-NLS-1$
		assertEquals("Undo Move region 'region' of process 1001 (ksm-ref-1)", ui.sync(this::undoText)); //$NON-NLS-1$
		TestScenarios.command(ui, UNDO);
		assertEquals(List.of(region), ui.sync(() -> List.copyOf(processes.get(0).getRegions())), "Undo moves it back"); //$NON-NLS-1$
		assertEquals("region", ui.sync(region::getName), "with its name"); //$NON-NLS-1$ //$NON-NLS-2$

		// drag process 1004 above process 1001: it moves first
		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1004")); //$NON-NLS-1$
		assertTrue(drag(tree));
		TreeItem first = ui.treeItemStartingWith(tree, "Process 1001"); //$NON-NLS-1$
		assertTrue(ui.sync(() -> dropAdapter(tree).drop(first.getData(), 0.1f, DND.DROP_MOVE)));
		assertEquals(List.of(1004, 1001, 1002, 1003), pids(processes), "dropped before 1001"); //$NON-NLS-1$
		TestScenarios.command(ui, UNDO);
		assertEquals(List.of(1001, 1002, 1004, 1003), pids(processes));
		// a process cannot go into a region
		ui.select(tree, ui.treeItemStartingWith(tree, "Process 1004")); //$NON-NLS-1$
		assertTrue(drag(tree));
		TreeItem regionItem = ui.treeItemStartingWith(tree, "Region region \u00b7 1,000 pages"); //$NON-NLS-1$
		assertFalse(ui.sync(() -> dropAdapter(tree).drop(regionItem.getData(), 0.5f, DND.DROP_MOVE)));
	}

	@Test
	void editKeysAreBoundAndUndoSaysWhatItUndoes() throws IOException {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioEditor editor = TestScenarios.open(ui, file);
		ui.run(() -> {
			IBindingService bindings = TestScenarios.page().getWorkbenchWindow().getService(IBindingService.class);
			assertEquals("Delete", bindings.getBestActiveBindingFormattedFor(DELETE)); //$NON-NLS-1$
			assertEquals("Ctrl+X", bindings.getBestActiveBindingFormattedFor(CUT)); //$NON-NLS-1$
			assertEquals("Ctrl+C", bindings.getBestActiveBindingFormattedFor(COPY)); //$NON-NLS-1$
			assertEquals("Ctrl+V", bindings.getBestActiveBindingFormattedFor(PASTE)); //$NON-NLS-1$
		});
		ui.run(() -> editor.getEditingDomain().getCommandStack().execute(SetCommand.create(editor.getEditingDomain(),
				editor.getScenario().getKsm(), Literals.KSM_CONFIG__MAX_PAGE_SHARING, 128)));
		assertEquals("Undo Set max_page_sharing = 128", ui.sync(this::undoText)); //$NON-NLS-1$
		Tree tree = ui.byData(Tree.class, ScenarioEditor.TREE_KEY);
		assertTrue(ui.sync(() -> UiDriver.menuItem(tree.getMenu(), "Undo Set max_page_sharing = 128").isEnabled()), //$NON-NLS-1$
				"the context menu says it too"); //$NON-NLS-1$
		ui.clickMenu(ui::menuBar, "Edit", "Undo Set max_page_sharing = 128"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(256, ui.sync(() -> editor.getScenario().getKsm().getMaxPageSharing()));
		assertEquals("Redo Set max_page_sharing = 128", ui.sync(() -> UiDriver.menuText(UiDriver.menuItem(ui.menuBar(), //$NON-NLS-1$
				"Edit", "Redo Set max_page_sharing = 128")))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Selects the tree item starting with {@code item} and clicks New Child > {@code child} in its context menu. */
	private void newChild(Tree tree, String item, String child) {
		ui.select(tree, ui.treeItemStartingWith(tree, item));
		ui.clickMenu(tree::getMenu, "New Child", child); //$NON-NLS-1$
	}

	/** The text of the Edit menu's Undo item; call on the UI thread. */
	private String undoText() {
		Menu edit = UiDriver.menuItem(ui.menuBar(), "Edit").getMenu(); //$NON-NLS-1$
		edit.notifyListeners(SWT.Show, new Event());
		for (MenuItem item : edit.getItems()) {
			if (UiDriver.menuText(item).startsWith("Undo")) { //$NON-NLS-1$
				return UiDriver.menuText(item);
			}
		}
		return ""; //$NON-NLS-1$
	}

	private List<Integer> pids(List<Process> processes) {
		return ui.sync(() -> processes.stream().map(Process::getPid).toList());
	}

	/** Starts a drag of the tree's selection through the tree's drag source, as a mouse drag does. */
	private boolean drag(Tree tree) {
		return ui.sync(() -> {
			DragSource source = (DragSource) tree.getData(DND.DRAG_SOURCE_KEY);
			return ((ModelDragAdapter) source.getDragListeners()[0]).start();
		});
	}

	private static ModelDropAdapter dropAdapter(Tree tree) {
		DropTarget target = (DropTarget) tree.getData(DND.DROP_TARGET_KEY);
		return (ModelDropAdapter) target.getDropListeners()[0];
	}
}
