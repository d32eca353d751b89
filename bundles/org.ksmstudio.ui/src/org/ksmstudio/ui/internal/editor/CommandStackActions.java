package org.ksmstudio.ui.internal.editor;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.ksmstudio.ui.internal.Messages;

/**
 * Undo and redo of a command stack as the handlers of the workbench's global Undo/Redo actions
 * (Ctrl+Z, Ctrl+Y), labelled with the command they undo or redo.
 */
final class CommandStackActions {

	private final CommandStack stack;
	private final Action undo = new Action() {
		@Override
		public void run() {
			stack.undo();
		}
	};
	private final Action redo = new Action() {
		@Override
		public void run() {
			stack.redo();
		}
	};

	CommandStackActions(CommandStack stack) {
		this.stack = stack;
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		undo.setId(ActionFactory.UNDO.getId());
		undo.setActionDefinitionId(ActionFactory.UNDO.getCommandId());
		undo.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_UNDO));
		redo.setId(ActionFactory.REDO.getId());
		redo.setActionDefinitionId(ActionFactory.REDO.getCommandId());
		redo.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_REDO));
		update();
	}

	/** Installs the actions as global handlers in {@code bars}. */
	void install(IActionBars bars) {
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
		bars.updateActionBars();
	}

	/** Updates enablement and labels after a change of the stack. */
	void update() {
		undo.setEnabled(stack.canUndo());
		redo.setEnabled(stack.canRedo());
		undo.setText(label(Messages.undo, stack.getUndoCommand()));
		redo.setText(label(Messages.redo, stack.getRedoCommand()));
	}

	private static String label(String pattern, Command command) {
		String name = command == null || command.getLabel() == null ? "" : command.getLabel(); //$NON-NLS-1$
		return NLS.bind(pattern, name);
	}
}
