package org.ksmstudio.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.ksmstudio.ui.internal.run.RunSlot;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.run.Speed;

/** Sets the pace of the active editor's run: simulated seconds per real second (0: as fast as possible). */
public final class SpeedHandler extends AbstractHandler {

	/** Id of the command. */
	public static final String COMMAND = "org.ksmstudio.ui.command.speed"; //$NON-NLS-1$
	/** Id of the command's parameter. */
	public static final String PARAMETER = "org.ksmstudio.ui.command.speed.value"; //$NON-NLS-1$

	@Override
	@NonNullByDefault({})
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

	/** The speed of the active editor of {@code window} (the initial speed when it has no run slot). */
	static double current(@Nullable IWorkbenchWindow window) {
		RunSlot slot = window == null || window.getActivePage() == null ? null
				: ActiveRun.slot(window.getActivePage().getActiveEditor());
		return slot == null ? Speed.initial() : slot.speed();
	}

	/** Executes the command with {@code speed}, as the menu and the toolbar do. */
	static void set(IWorkbenchWindow window, double speed) {
		ICommandService commands = window.getService(ICommandService.class);
		IHandlerService handlers = window.getService(IHandlerService.class);
		Command command = commands.getCommand(COMMAND);
		try {
			handlers.executeCommand(ParameterizedCommand.generateCommand(command,
					java.util.Map.of(PARAMETER, Speed.valueText(speed))), null);
		} catch (org.eclipse.core.commands.common.CommandException e) {
			throw new IllegalStateException(COMMAND + ": " + e.getMessage(), e); //$NON-NLS-1$
		}
	}
}
