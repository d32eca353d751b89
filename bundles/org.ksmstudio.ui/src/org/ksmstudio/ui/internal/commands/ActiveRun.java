package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.ui.internal.run.RunSlot;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** The run of the active editor, as the simulation commands see it. */
final class ActiveRun {

	private ActiveRun() {
	}

	/** The run slot of {@code part}, or null when it has none. */
	static @Nullable RunSlot slot(@Nullable Object part) {
		return part instanceof IWorkbenchPart p ? p.getAdapter(RunSlot.class) : null;
	}

	/** The current run of {@code part}, or null. */
	static @Nullable ScenarioRun of(@Nullable Object part) {
		RunSlot slot = slot(part);
		return slot == null ? null : slot.current();
	}

	/** The current run of the active editor of {@code event}, or null. */
	static @Nullable ScenarioRun of(ExecutionEvent event) {
		return of(HandlerUtil.getActiveEditor(event));
	}
}
