package org.ksmstudio.ui.internal.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.CommandActionDelegate;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.emf.ItemImages;

/**
 * One entry of the New Child or New Sibling menu: runs EMF.Edit's {@link CreateChildCommand} for a
 * descriptor of the owner's item provider ({@code getNewChildDescriptors}) on the domain's command
 * stack. The child comes with valid values (the item providers' defaults); its text and image are
 * the item provider's ("Process", "NUMA node"). The equivalent of EMF.Edit.UI's CreateChildAction
 * and CreateSiblingAction, which are not on Maven Central.
 */
final class CreateChildAction extends Action {

	private final EditingDomain domain;
	private final Command command;

	private CreateChildAction(EditingDomain domain, Command command) {
		this.domain = domain;
		this.command = command;
		if (command instanceof CommandActionDelegate delegate) {
			setText(delegate.getText());
			setToolTipText(delegate.getToolTipText());
			setImageDescriptor(ItemImages.descriptor(delegate.getImage()));
		}
	}

	@Override
	public void run() {
		domain.getCommandStack().execute(command);
	}

	/** The New Child actions for the single selected object (empty for none or several). */
	static List<IAction> children(EditingDomain domain, List<?> selection) {
		if (selection.size() != 1) {
			return List.of();
		}
		Object owner = selection.get(0);
		return actions(domain, owner, domain.getNewChildDescriptors(owner, null), selection);
	}

	/** The New Sibling actions for the single selected object (empty for none, several, or the root). */
	static List<IAction> siblings(EditingDomain domain, List<?> selection) {
		if (selection.size() != 1) {
			return List.of();
		}
		Object sibling = selection.get(0);
		Object parent = domain.getParent(sibling);
		if (parent == null || parent instanceof org.eclipse.emf.ecore.resource.Resource) {
			return List.of();
		}
		return actions(domain, parent, domain.getNewChildDescriptors(null, sibling), selection);
	}

	private static List<IAction> actions(EditingDomain domain, Object owner, Collection<?> descriptors,
			List<?> selection) {
		List<IAction> actions = new ArrayList<>();
		for (Object descriptor : descriptors) {
			Command command = CreateChildCommand.create(domain, owner, descriptor, selection);
			if (command.canExecute()) {
				actions.add(new CreateChildAction(domain, command));
			}
		}
		return actions;
	}

	/** Fills {@code menu} with {@code actions}, or a disabled line saying there is nothing to create. */
	static void fill(IMenuManager menu, List<IAction> actions) {
		if (actions.isEmpty()) {
			Action none = new Action(Messages.nothingToCreate) {
				// a disabled line
			};
			none.setEnabled(false);
			menu.add(none);
		}
		actions.forEach(menu::add);
	}
}
