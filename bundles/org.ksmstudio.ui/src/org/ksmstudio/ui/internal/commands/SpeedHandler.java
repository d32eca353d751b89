package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.ui.internal.run.RunSlot;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/** Sets the pace of the active editor's run: simulated seconds per real second (0: as fast as possible). */
public final class SpeedHandler extends AbstractHandler {

	/** Id of the command's parameter. */
	public static final String PARAMETER = "org.ksmstudio.ui.command.speed.value"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		double speed;
		try {
			speed = Double.parseDouble(event.getParameter(PARAMETER));
		} catch (NullPointerException | NumberFormatException e) {
			throw new ExecutionException("speed must be a number of simulated seconds per second", e); //$NON-NLS-1$
		}
		RunSlot slot = ActiveRun.slot(HandlerUtil.getActiveEditor(event));
		if (slot != null) {
			slot.setSpeed(speed);
			ScenarioRun run = slot.current();
			if (run != null) {
				run.setSpeed(speed);
			}
		}
		return null;
	}
}
