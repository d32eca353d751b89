package org.ksmstudio.ui.internal.editor;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.ksmstudio.ui.internal.Messages;

/**
 * Undo and redo of the active editor's command stack, the handlers of the workbench's global
 * Undo/Redo actions (Ctrl+Z, Ctrl+Y), labelled with the command they undo or redo ("Undo Set
 * max_page_sharing = 128").
 */
final class CommandStackActions {

	private @Nullable CommandStack stack;
	private final Action undo = new Action() {
		@Override
		public void run() {
			if (stack != null) {
				stack.undo();
			}
		}
	};
	private final Action redo = new Action() {
		@Override
		public void run() {
			if (stack != null) {
				stack.redo();
			}
		}
	};

	CommandStackActions() {
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		undo.setId(ActionFactory.UNDO.getId());
		undo.setActionDefinitionId(ActionFactory.UNDO.getCommandId());
		undo.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_UNDO));
		redo.setId(ActionFactory.REDO.getId());
		redo.setActionDefinitionId(ActionFactory.REDO.getCommandId());
		redo.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_REDO));
		update();
	}

	/** Undoes and redoes on {@code newStack} (null: nothing). */
	void setStack(@Nullable CommandStack newStack) {
		stack = newStack;
		update();
	}

	IAction undo() {
		return undo;
	}

	IAction redo() {
		return redo;
	}

	/** Updates enablement and labels after a change of the stack. */
	void update() {
		undo.setEnabled(stack != null && stack.canUndo());
		redo.setEnabled(stack != null && stack.canRedo());
		undo.setText(label(Messages.undo, stack == null ? null : stack.getUndoCommand()));
		redo.setText(label(Messages.redo, stack == null ? null : stack.getRedoCommand()));
	}

	private static String label(String pattern, @Nullable Command command) {
		String name = command == null || command.getLabel() == null ? "" : command.getLabel(); //$NON-NLS-1$
		return NLS.bind(pattern, name).strip();
	}
}
