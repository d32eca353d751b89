package org.ksmstudio.ui.internal.editor;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.actions.ActionFactory;
import org.ksmstudio.model.validation.ObjectNames;
import org.ksmstudio.ui.internal.Messages;

/**
 * A global edit action (Delete, Cut, Copy, Paste) of the scenario editor: the EMF command it
 * runs is made from the editing domain and the selected objects, executed on the domain's command
 * stack (so Undo reverts it) and labelled with what it changes ("Delete process 1001 (web)").
 */
final class SelectionCommandAction extends Action {

	/** Makes the command for the selected objects, null when there is none. */
	@FunctionalInterface
	interface CommandFactory {
		@Nullable
		Command create(EditingDomain domain, List<?> selection);
	}

	private final CommandFactory factory;
	private final String labelPattern;
	private final boolean onStack;
	private @Nullable EditingDomain domain;
	private List<?> selection = List.of();
	private Runnable afterRun = () -> {
		// nothing by default
	};

	/**
	 * @param action       the workbench action this one handles (its id and command id, hence its key binding)
	 * @param text         the menu text
	 * @param labelPattern the undo label, {0} naming the selected objects
	 * @param onStack      whether the command changes the model (it goes on the command stack, Undo reverts
	 *                     it) or only the domain's clipboard (Copy: executed directly, Undo stays on the last edit)
	 * @param factory      makes the command
	 */
	SelectionCommandAction(ActionFactory action, String text, String labelPattern, boolean onStack,
			CommandFactory factory) {
		super(text);
		this.labelPattern = labelPattern;
		this.onStack = onStack;
		this.factory = factory;
		setId(action.getId());
		setActionDefinitionId(action.getCommandId());
		setEnabled(false);
	}

	/** Targets {@code newDomain} and {@code newSelection} (null domain: disabled). */
	void update(@Nullable EditingDomain newDomain, List<?> newSelection) {
		domain = newDomain;
		selection = newSelection;
		Command command = command();
		setEnabled(command != null && command.canExecute());
	}

	/** Runs {@code code} after each run of the action (the contributor updates its other actions). */
	void setAfterRun(Runnable code) {
		afterRun = code;
	}

	private @Nullable Command command() {
		EditingDomain target = domain;
		if (target == null || selection.isEmpty()) {
			return null;
		}
		Command command = factory.create(target, selection);
		return command == null ? null
				: new CommandWrapper(NLS.bind(labelPattern, names(selection)), command.getDescription(), command);
	}

	@Override
	public void run() {
		EditingDomain target = domain;
		Command command = command();
		if (target == null || command == null || !command.canExecute()) {
			return;
		}
		if (onStack) {
			target.getCommandStack().execute(command);
		} else {
			command.execute();
		}
		afterRun.run();
	}

	/** "process 1001 (web)" for one object, "3 objects" for more. */
	static String names(List<?> objects) {
		if (objects.size() == 1 && objects.get(0) instanceof EObject object) {
			return ObjectNames.of(object);
		}
		return Messages.format(Messages.objectCount, objects.size());
	}
}
