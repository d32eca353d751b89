package org.ksmstudio.ui.internal.emf;

import java.util.Collection;
import java.util.function.Function;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.edit.command.DragAndDropCommand;
import org.eclipse.emf.edit.command.DragAndDropFeedback;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Drops model objects dragged through {@link ModelTransfer} on a tree item: EMF.Edit's
 * {@link DragAndDropCommand} decides from where the pointer is in the item (upper quarter: before
 * it, lower quarter: after it, else into it) whether the objects move among their siblings, into
 * another parent, or cannot go there; it runs on the domain's command stack, so Undo reverts it. The
 * equivalent of EMF.Edit.UI's EditingDomainViewerDropAdapter, which is not on Maven Central.
 */
public final class ModelDropAdapter extends DropTargetAdapter {

	private final EditingDomain domain;
	private final Control control;
	private final Function<Collection<?>, String> label;
	private int operation = DND.DROP_MOVE;

	/**
	 * @param domain  the editing domain whose command stack runs the drops
	 * @param control the tree dropped on
	 * @param label   the undo label of a drop of the given objects ("Move process 1001 (web)")
	 */
	public ModelDropAdapter(EditingDomain domain, Control control,
			Function<Collection<?>, String> label) {
		this.domain = domain;
		this.control = control;
		this.label = label;
	}

	@Override
	@NonNullByDefault({})
	public void dragEnter(DropTargetEvent event) {
		dragOperationChanged(event);
	}

	@Override
	@NonNullByDefault({})
	public void dragOperationChanged(DropTargetEvent event) {
		operation = event.detail == DND.DROP_NONE || event.detail == DND.DROP_DEFAULT ? DND.DROP_MOVE : event.detail;
		dragOver(event);
	}

	@Override
	@NonNullByDefault({})
	public void dragOver(DropTargetEvent event) {
		Command command = command(event);
		event.feedback = DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
		if (command != null && command.canExecute() && command instanceof DragAndDropFeedback feedback) {
			event.detail = feedback.getOperation();
			event.feedback |= feedback.getFeedback();
		} else {
			event.detail = DND.DROP_NONE;
		}
		if (command != null) {
			command.dispose();
		}
	}

	@Override
	@NonNullByDefault({})
	public void drop(DropTargetEvent event) {
		Command command = command(event);
		if (command == null || !execute(command)) {
			event.detail = DND.DROP_NONE;
		}
	}

	/**
	 * Drops the objects being dragged on {@code target} at {@code location} (0: its top edge, 1: its
	 * bottom edge) with {@code operation} ({@link DND#DROP_MOVE}, {@link DND#DROP_COPY}); false when
	 * they cannot go there.
	 */
	public boolean drop(Object target, float location, int dropOperation) {
		Command command = command(target, location, DND.DROP_MOVE | DND.DROP_COPY | DND.DROP_LINK, dropOperation);
		return command != null && execute(command);
	}

	private boolean execute(Command command) {
		if (!command.canExecute()) {
			command.dispose();
			return false;
		}
		Collection<?> dragged = ModelTransfer.getInstance().objects();
		domain.getCommandStack().execute(new CommandWrapper(label.apply(dragged), command.getDescription(), command));
		return true;
	}

	private @Nullable Command command(DropTargetEvent event) {
		if (!(event.item instanceof TreeItem item) || item.isDisposed()) {
			return null;
		}
		Point point = control.toControl(event.x, event.y);
		Rectangle bounds = item.getBounds();
		float location = bounds.height <= 0 ? 0.5f : (float) (point.y - bounds.y) / bounds.height;
		return command(item.getData(), location, event.operations, operation);
	}

	private @Nullable Command command(@Nullable Object target, float location, int operations, int dropOperation) {
		Collection<?> dragged = ModelTransfer.getInstance().objects();
		if (target == null || dragged.isEmpty()) {
			return null;
		}
		return DragAndDropCommand.create(domain, target, location, operations, dropOperation, dragged);
	}
}
