package org.ksmstudio.ui.internal.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ComparedRuns;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CompareRunsView;

/**
 * Simulation > Compare Runs...: opens the Compare view on the active editor's last finished run and
 * what to compare it with: its other policies, or else the editor run before it of the same scenario
 * file and policy (run, change a tunable, run again, compare). Other runs of the history, such as
 * copies run with another value, can be ticked in the view.
 */
public final class CompareHandler extends AbstractHandler {

	@Override
	@NonNullByDefault({})
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		if (window == null) {
			return null;
		}
		List<FinishedRun> compared = new ArrayList<>();
		if (HandlerUtil.getActiveEditor(event) instanceof ScenarioEditor editor) {
			ScenarioRun run = editor.getRunSlot().current();
			List<FinishedRun> kept = run == null ? List.of() : ComparedRuns.keptOf(run);
			compared.addAll(kept);
			if (kept.size() == 1) {
				previous(kept.get(0)).ifPresent(earlier -> compared.add(0, earlier));
			}
		}
		CompareRunsView.open(window.getActivePage(), compared);
		return null;
	}

	/** The latest editor run (no changed values) before {@code run} of the same scenario file and policy. */
	private static java.util.Optional<FinishedRun> previous(FinishedRun run) {
		List<FinishedRun> all = ComparedRuns.history().runs();
		for (int i = all.size() - 1; i >= 0; i--) {
			FinishedRun other = all.get(i);
			if (other.id() < run.id() && other.parameters().isEmpty() && other.source().equals(run.source())
					&& other.policy().equals(run.policy())) {
				return java.util.Optional.of(other);
			}
		}
		return java.util.Optional.empty();
	}
}
