package org.ksmstudio.live.ui.internal.actions;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.core.replay.KernelReplay;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * Replay Scenario on This Kernel...: converts the active scenario (first run settings), checks the
 * workload generator can reproduce it and that KSM is writable, asks for an explicit confirmation
 * listing what will be written, then schedules a {@link ReplayJob}.
 */
public final class ReplayHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		Shell shell = HandlerUtil.getActiveShell(event);
		ScenarioChoice.activeOrChosen(window, shell).ifPresent(choice -> replay(choice, window, shell));
		return null;
	}

	private static void replay(ScenarioChoice choice, IWorkbenchWindow window, Shell shell) {
		Prepared prepared;
		try {
			prepared = prepare(choice);
		} catch (IllegalArgumentException e) {
			MessageDialog.openError(shell, Messages.replayTitle, e.getMessage());
			return;
		}
		RunPlan plan = prepared.plan();
		ReplayCase replayCase = prepared.replayCase();
		LiveSources sources = LiveSources.current();
		KsmAccess access = sources.sysfs().access();
		if (!access.canWrite()) {
			MessageDialog.openInformation(shell, Messages.replayTitle, NLS.bind(Messages.replayNeedsRoot,
					access.message()));
			return;
		}
		if (new MessageDialog(shell, Messages.replayTitle, null, confirmation(replayCase, choice.label(), sources),
				MessageDialog.CONFIRM, 1, Messages.replayButton, IDialogConstants.CANCEL_LABEL).open() != 0) {
			return;
		}
		new ReplayJob(choice.label(), plan, replayCase, sources, window).schedule();
	}

	/** A scenario converted for the simulator and for the kernel's workload generator. */
	public record Prepared(RunPlan plan, ReplayCase replayCase) {
	}

	/**
	 * Converts the first run settings of the chosen scenario.
	 *
	 * @throws IllegalArgumentException with a message for the user: the scenario is invalid, or what the
	 *                                  workload generator cannot reproduce
	 */
	public static Prepared prepare(ScenarioChoice choice) {
		RunPlan plan;
		try {
			plan = ScenarioConverter.convert(choice.scenario(), 0, null);
		} catch (ConversionException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.replayConvertFailed, choice.label(), e.getMessage()), e);
		}
		try {
			return new Prepared(plan, KernelReplay.replayCase(plan));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.replayCannot, choice.label(), e.getMessage()), e);
		}
	}

	/** The confirmation's text: what is written, what runs, what is restored. */
	public static String confirmation(ReplayCase replayCase, String label, LiveSources sources) {
		StringBuilder tunables = new StringBuilder();
		for (Map.Entry<KsmSysfsFile, String> t : replayCase.tunables().entrySet()) {
			tunables.append("    ").append(t.getKey().fileName()).append(" = ").append(t.getValue()).append('\n'); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return Messages.format(Messages.replayConfirm, new Object[] { label, sources.ksmDirectory().toString(), tunables.toString(),
				replayCase.workload().processes().size(), replayCase.pages(), replayCase.phases().size() });
	}
}
