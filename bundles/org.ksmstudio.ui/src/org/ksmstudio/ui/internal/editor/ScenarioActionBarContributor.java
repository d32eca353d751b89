package org.ksmstudio.ui.internal.editor;

import java.util.EventObject;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.edit.command.CopyToClipboardCommand;
import org.eclipse.emf.edit.command.CutToClipboardCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.PasteFromClipboardCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorActionBarContributor;
import org.ksmstudio.ui.internal.Messages;

/**
 * The edit actions of the scenario editors, shared by all of them and aimed at the active one (as
 * EMF's EditingDomainActionBarContributor, which is in EMF.Edit.UI, not on Maven Central): New
 * Child and New Sibling submenus built from the item providers' {@code getNewChildDescriptors}
 * (in the Edit menu and the tree's context menu), Delete, Cut, Copy and Paste through EMF.Edit's
 * commands, and Undo/Redo that say what they undo. Every change is an EMF command on the active
 * editor's command stack; the workbench's key bindings (Delete, Ctrl+X/C/V, Ctrl+Z/Y) reach the
 * actions as handlers of the workbench's global actions.
 */
public final class ScenarioActionBarContributor extends EditorActionBarContributor {

	/** Id of the New Child submenu (Edit menu and context menu). */
	public static final String NEW_CHILD_MENU = "org.ksmstudio.ui.menu.newChild"; //$NON-NLS-1$
	/** Id of the New Sibling submenu (Edit menu and context menu). */
	public static final String NEW_SIBLING_MENU = "org.ksmstudio.ui.menu.newSibling"; //$NON-NLS-1$

	private final CommandStackActions undoRedo = new CommandStackActions();
	private final SelectionCommandAction delete = new SelectionCommandAction(ActionFactory.DELETE, Messages.delete,
			Messages.deleteObjects, true, DeleteCommand::create);
	private final SelectionCommandAction cut = new SelectionCommandAction(ActionFactory.CUT, Messages.cut,
			Messages.cutObjects, true, CutToClipboardCommand::create);
	private final SelectionCommandAction copy = new SelectionCommandAction(ActionFactory.COPY, Messages.copy,
			Messages.copyObjects, false, CopyToClipboardCommand::create);
	private final SelectionCommandAction paste = new SelectionCommandAction(ActionFactory.PASTE, Messages.paste,
			Messages.pasteObjects, true, ScenarioActionBarContributor::paste);
	private final List<SelectionCommandAction> selectionActions = List.of(delete, cut, copy, paste);
	private final MenuManager childMenu = new MenuManager(Messages.newChild, NEW_CHILD_MENU);
	private final MenuManager siblingMenu = new MenuManager(Messages.newSibling, NEW_SIBLING_MENU);
	private final ISelectionChangedListener selectionListener = this::selectionChanged;
	private final CommandStackListener stackListener = this::commandStackChanged;

	private @Nullable EditingDomain domain;
	private @Nullable ISelectionProvider selectionProvider;
	private List<?> selection = List.of();

	/** Creates the contributor (the workbench does, once for every scenario editor). */
	public ScenarioActionBarContributor() {
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		delete.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
		cut.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_CUT));
		copy.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_COPY));
		paste.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_PASTE));
		selectionActions.forEach(action -> action.setAfterRun(this::update));
	}

	@Override
	@NonNullByDefault({})
	public void init(IActionBars bars) {
		super.init(bars);
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undoRedo.undo());
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), undoRedo.redo());
		for (SelectionCommandAction action : selectionActions) {
			bars.setGlobalActionHandler(action.getId(), action);
		}
	}

	/** Puts New Child and New Sibling at the top of the Edit menu. */
	@Override
	@NonNullByDefault({})
	public void contributeToMenu(IMenuManager menuManager) {
		IMenuManager edit = menuManager.findMenuUsingPath(IWorkbenchActionConstants.M_EDIT);
		if (edit == null) {
			return;
		}
		if (edit.find(IWorkbenchActionConstants.EDIT_START) != null) {
			edit.insertAfter(IWorkbenchActionConstants.EDIT_START, new Separator());
			edit.insertAfter(IWorkbenchActionConstants.EDIT_START, siblingMenu);
			edit.insertAfter(IWorkbenchActionConstants.EDIT_START, childMenu);
		} else {
			edit.add(childMenu);
			edit.add(siblingMenu);
		}
	}

	/** The Undo and Redo of the active editor for another part's action bars (the Properties view). */
	public void shareGlobalActions(IActionBars bars) {
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undoRedo.undo());
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), undoRedo.redo());
		bars.updateActionBars();
	}

	/** Fills the tree's context menu: New Child, New Sibling, Undo, Redo, Cut, Copy, Paste, Delete. */
	public void fillContextMenu(IMenuManager menu) {
		MenuManager children = new MenuManager(Messages.newChild, NEW_CHILD_MENU);
		CreateChildAction.fill(children, domain == null ? List.of() : CreateChildAction.children(domain, selection));
		MenuManager siblings = new MenuManager(Messages.newSibling, NEW_SIBLING_MENU);
		CreateChildAction.fill(siblings, domain == null ? List.of() : CreateChildAction.siblings(domain, selection));
		menu.add(children);
		menu.add(siblings);
		menu.add(new Separator());
		menu.add(undoRedo.undo());
		menu.add(undoRedo.redo());
		menu.add(new Separator());
		menu.add(cut);
		menu.add(copy);
		menu.add(paste);
		menu.add(new Separator());
		menu.add(delete);
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
	}

	@Override
	@NonNullByDefault({})
	public void setActiveEditor(IEditorPart editor) {
		if (selectionProvider != null) {
			selectionProvider.removeSelectionChangedListener(selectionListener);
		}
		if (domain != null) {
			domain.getCommandStack().removeCommandStackListener(stackListener);
		}
		domain = editor instanceof IEditingDomainProvider provider ? provider.getEditingDomain() : null;
		selectionProvider = editor == null ? null : editor.getSite().getSelectionProvider();
		if (domain != null) {
			domain.getCommandStack().addCommandStackListener(stackListener);
		}
		if (selectionProvider != null) {
			selectionProvider.addSelectionChangedListener(selectionListener);
		}
		selection = selectionProvider == null ? List.of() : list(selectionProvider.getSelection());
		undoRedo.setStack(domain == null ? null : domain.getCommandStack());
		update();
	}

	private void selectionChanged(SelectionChangedEvent event) {
		selection = list(event.getSelection());
		update();
	}

	private void commandStackChanged(EventObject event) {
		Display display = PlatformUI.getWorkbench().getDisplay();
		if (Display.getCurrent() == display) {
			update();
		} else {
			display.asyncExec(this::update);
		}
	}

	/** Aims every action at the active editor's domain and selection, and refills the Edit menu's submenus. */
	private void update() {
		undoRedo.update();
		for (SelectionCommandAction action : selectionActions) {
			action.update(domain, selection);
		}
		refill(childMenu, domain == null ? List.of() : CreateChildAction.children(domain, selection));
		refill(siblingMenu, domain == null ? List.of() : CreateChildAction.siblings(domain, selection));
		if (getActionBars() != null) {
			getActionBars().updateActionBars();
		}
	}

	private static void refill(MenuManager menu, List<IAction> actions) {
		menu.removeAll();
		CreateChildAction.fill(menu, actions);
		menu.update(true);
	}

	private static List<?> list(ISelection selection) {
		return selection instanceof IStructuredSelection structured ? structured.toList() : List.of();
	}

	/** Pastes into the selected object, or, when the clipboard's objects cannot go there, beside it. */
	private static @Nullable Command paste(EditingDomain domain, List<?> selection) {
		if (selection.size() != 1 || domain.getClipboard() == null || domain.getClipboard().isEmpty()) {
			return null;
		}
		Object target = selection.get(0);
		Command into = PasteFromClipboardCommand.create(domain, target, null);
		if (into.canExecute()) {
			return into;
		}
		Object parent = domain.getParent(target);
		return parent == null ? into : PasteFromClipboardCommand.create(domain, parent, null);
	}

	@Override
	public void dispose() {
		setActiveEditor(null);
		childMenu.dispose();
		siblingMenu.dispose();
		super.dispose();
	}
}
