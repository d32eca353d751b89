package org.ksmstudio.ui.internal.views;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.ksmstudio.engine.EventOutcome;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Operations a user issues on the running simulation (on every compared policy at the same
 * simulated moment): migrate a process's pages to another node, compact a node, apply memory
 * pressure, write to a process's pages. They run off the UI thread; the result of the first
 * policy is kept for the view.
 */
final class OperationActions {

	private final Supplier<@Nullable ScenarioRun> run;
	private final Runnable done;
	/** The outcome of the last operation, the run it ran on and the KSM page it walked longest (-1: none). */
	private record LastResult(@Nullable ScenarioRun run, String text, int walkedKsmPage) {
	}

	/** What an operation tells the view: one line, and the frame of the KSM page it walked longest or -1. */
	private record Outcome(String text, int walkedKsmPage) {
		static Outcome of(OperationResult r) {
			return new Outcome(describe(r), r.walkedKsmPage());
		}
	}

	private volatile @Nullable LastResult lastResult;

	OperationActions(Supplier<@Nullable ScenarioRun> run, Runnable done) {
		this.run = run;
		this.done = done;
	}

	/** The outcome of the last operation on {@code run}, one line, or null (none, or it ran on another run). */
	@Nullable
	String lastResult(ScenarioRun run) {
		LastResult last = lastResult;
		return last != null && last.run() == run ? last.text() : null;
	}

	/**
	 * The KSM page the last operation on {@code run} walked longest (its frame, as Rmap Chains shows it),
	 * or -1.
	 */
	int lastWalkedKsmPage(@Nullable ScenarioRun run) {
		LastResult last = lastResult;
		return last != null && last.run() == run ? last.walkedKsmPage() : -1;
	}

	void fill(IMenuManager menu, Shell shell, IWorkbenchPage page) {
		menu.add(action(shell, Messages.opMigrate, Messages.opMigratePrompt, "2001 0 1", 3, //$NON-NLS-1$
				a -> new TimelineEvent.MigratePages(Duration.ZERO, (int) a[0], (int) a[1], (int) a[2])));
		menu.add(action(shell, Messages.opCompact, Messages.opCompactPrompt, "0", 1, //$NON-NLS-1$
				a -> new TimelineEvent.Compaction(Duration.ZERO, (int) a[0])));
		menu.add(action(shell, Messages.opPressure, Messages.opPressurePrompt, "0 10000 1000", 3, //$NON-NLS-1$
				a -> new TimelineEvent.MemoryPressure(Duration.ZERO, (int) a[0], a[1], Duration.ofMillis(a[2]))));
		menu.add(new Action(Messages.opWrite) {
			@Override
			public void run() {
				writePages(shell);
			}
		});
		menu.add(new Action(Messages.opShowWalked) {
			@Override
			public void run() {
				showWalkedKsmPage(page);
			}
		});
		menu.add(new Separator());
	}

	private Action action(Shell shell, String label, String prompt, String example, int arity,
			Function<long[], TimelineEvent> operation) {
		return new Action(label) {
			@Override
			public void run() {
				ScenarioRun current = run.get();
				if (current == null || current.simulation() == null) {
					return;
				}
				long[] arguments = ask(shell, label, prompt, example, arity);
				if (arguments != null) {
					perform(current, label, operation.apply(arguments), label);
				}
			}
		};
	}

	private void writePages(Shell shell) {
		ScenarioRun current = run.get();
		if (current == null || current.simulation() == null) {
			return;
		}
		InputDialog dialog = new InputDialog(shell, Messages.opWrite, Messages.opWritePrompt, "2001 guest-ram 0 1000 1", //$NON-NLS-1$
				text -> parseWrite(text) == null ? Messages.opWriteInvalid : null);
		if (dialog.open() != Window.OK) {
			return;
		}
		String[] w = Objects.requireNonNull(parseWrite(dialog.getValue()), "the dialog accepts valid text only"); //$NON-NLS-1$
		perform(current, Messages.opWrite, new TimelineEvent.WritePages(Duration.ZERO, Integer.parseInt(w[0]), w[1],
				Long.parseLong(w[2]), Long.parseLong(w[3]), Long.parseLong(w[4]), NewContent.UNIQUE),
				NLS.bind(Messages.opWriteDone, w));
	}

	private static String @Nullable [] parseWrite(String text) {
		String[] w = text.strip().split("\\s+"); //$NON-NLS-1$
		if (w.length != 5) {
			return null;
		}
		try {
			Integer.parseInt(w[0]);
			for (int i = 2; i < 5; i++) {
				if (Long.parseLong(w[i]) < 0) {
					return null;
				}
			}
			return Long.parseLong(w[4]) > 0 && Long.parseLong(w[3]) > Long.parseLong(w[2]) ? w : null;
		} catch (NumberFormatException e) {
			return null;
		}
	}

	private static long @Nullable [] ask(Shell shell, String title, String prompt, String example, int arity) {
		InputDialog dialog = new InputDialog(shell, title, prompt, example,
				text -> numbers(text, arity) == null ? NLS.bind(Messages.opNumbers, arity) : null);
		return dialog.open() == Window.OK ? numbers(dialog.getValue(), arity) : null;
	}

	private static long @Nullable [] numbers(String text, int arity) {
		String[] parts = text.strip().split("\\s+"); //$NON-NLS-1$
		if (parts.length != arity) {
			return null;
		}
		long[] values = new long[arity];
		try {
			for (int i = 0; i < arity; i++) {
				values[i] = Long.parseLong(parts[i]);
				if (values[i] < 0) {
					return null;
				}
			}
		} catch (NumberFormatException e) {
			return null;
		}
		return values;
	}

	/**
	 * Selects the KSM page the last operation walked longest in Rmap Chains (which then shows what
	 * walking it costs); says so in the view when the operation walked none.
	 */
	private void showWalkedKsmPage(IWorkbenchPage page) {
		ScenarioRun current = run.get();
		int kpfn = lastWalkedKsmPage(current);
		if (kpfn < 0) {
			lastResult = new LastResult(current, Messages.opNoWalkedPage, -1);
			done.run();
			return;
		}
		try {
			((RmapChainsView) page.showView(RmapChainsView.ID)).reveal(kpfn);
		} catch (PartInitException e) {
			lastResult = new LastResult(current, e.getMessage(), kpfn);
			done.run();
		}
	}

	/**
	 * Issues {@code event} on every compared policy at one simulated instant, off the UI thread, and
	 * keeps what it did in the followed policy's simulation for the view ({@code done} when it is not
	 * a reverse-map operation).
	 */
	private void perform(ScenarioRun current, String label, TimelineEvent event, String done) {
		Job job = Job.create(label, monitor -> {
			Outcome result;
			try {
				EventOutcome outcome = current.issue(event).outcome();
				OperationResult operation = outcome == null ? null : outcome.operation();
				if (outcome == null) {
					result = new Outcome(NLS.bind(Messages.opRefused, label, Messages.runStoppedBeforeChange), -1);
				} else if (operation != null) {
					result = Outcome.of(operation);
				} else {
					result = new Outcome(done, -1);
				}
			} catch (RuntimeException e) {
				result = new Outcome(NLS.bind(Messages.opRefused, label, e.getMessage()), -1);
			}
			lastResult = new LastResult(current, result.text(), result.walkedKsmPage());
			Display.getDefault().asyncExec(this.done);
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	private static String describe(OperationResult r) {
		String text = Messages.format(Messages.opResult, new Object[] { r.operation().label(), r.pages(), r.ksmPages(),
				WalkCost.duration(r.latencyNanos()), WalkCost.duration(r.longestWalkNanos()),
				WalkCost.duration(r.longestStretchNanos()), r.ipis(), r.failures() });
		return !r.walkedKsm() ? text
				: text + Messages.format(Messages.opWalkedKsmPage, RmapTree.pfn(r.walkedKsmPage()),
						r.walkedKsmMappings());
	}
}
