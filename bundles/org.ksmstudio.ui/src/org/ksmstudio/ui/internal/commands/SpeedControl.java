package org.ksmstudio.ui.internal.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.IExecutionListener;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.run.Speed;

/**
 * The speed of the active editor's run in the main toolbar, "Speed: [Real Time (1 s per Second)]":
 * it shows the current speed and changes it like Simulation > Speed.
 */
public final class SpeedControl extends WorkbenchWindowControlContribution {

	/** Widget data key of the combo (for tests). */
	public static final String COMBO_KEY = "org.ksmstudio.ui.speed.combo"; //$NON-NLS-1$

	private @Nullable Combo combo;
	private final List<Double> shown = new ArrayList<>();
	private @Nullable IWorkbenchWindow window;

	private final IPartListener2 parts = new IPartListener2() {
		@Override
		@NonNullByDefault({})
		public void partActivated(IWorkbenchPartReference ref) {
			refresh();
		}
	};

	private final IExecutionListener executions = new IExecutionListener() {
		@Override
		@NonNullByDefault({})
		public void postExecuteSuccess(String commandId, Object returnValue) {
			if (SpeedHandler.COMMAND.equals(commandId)) {
				refresh();
			}
		}

		@Override
		@NonNullByDefault({})
		public void preExecute(String commandId, ExecutionEvent event) {
			// only the outcome matters
		}

		@Override
		@NonNullByDefault({})
		public void postExecuteFailure(String commandId, ExecutionException exception) {
			// the speed stayed
		}

		@Override
		@NonNullByDefault({})
		public void notHandled(String commandId, NotHandledException exception) {
			// the speed stayed
		}
	};

	@Override
	@NonNullByDefault({})
	protected Control createControl(Composite parent) {
		IWorkbenchWindow known = getWorkbenchWindow();
		window = known;
		Composite box = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 0).applyTo(box);
		Label label = new Label(box, SWT.NONE);
		label.setText(Messages.speedToolbar);
		GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
		Combo speeds = new Combo(box, SWT.READ_ONLY);
		combo = speeds;
		speeds.setData(COMBO_KEY, Boolean.TRUE);
		speeds.setToolTipText(Messages.speedToolbarTooltip);
		GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(speeds);
		speeds.addListener(SWT.Selection, e -> {
			int index = speeds.getSelectionIndex();
			IWorkbenchWindow target = window;
			if (target != null && index >= 0 && index < shown.size()) {
				SpeedHandler.set(target, shown.get(index));
			}
		});
		if (known != null) {
			follow(known, box);
		} else {
			// the workbench renders the toolbar before it hands the window to its contributions
			box.getDisplay().asyncExec(() -> {
				IWorkbenchWindow found = box.isDisposed() ? null : windowOf(box.getShell());
				window = found;
				if (found != null) {
					follow(found, box);
				}
			});
		}
		return box;
	}

	/** Shows the speed of {@code followed}'s active editor now and whenever the editor or its speed changes. */
	private void follow(IWorkbenchWindow followed, Composite box) {
		refresh();
		followed.getPartService().addPartListener(parts);
		ICommandService commands = followed.getService(ICommandService.class);
		commands.addExecutionListener(executions);
		box.addListener(SWT.Dispose, e -> {
			followed.getPartService().removePartListener(parts);
			commands.removeExecutionListener(executions);
		});
	}

	private static @Nullable IWorkbenchWindow windowOf(Shell shell) {
		for (IWorkbenchWindow candidate : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			if (candidate.getShell() == shell) {
				return candidate;
			}
		}
		return null;
	}

	/** Shows the active editor's speed (a speed of its own when it is none of the menu's). */
	private void refresh() {
		Combo speeds = combo;
		if (speeds == null || speeds.isDisposed()) {
			return;
		}
		double current = SpeedHandler.current(window);
		List<Double> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (Speed speed : Speed.values()) {
			values.add(speed.value());
			labels.add(speed.label());
		}
		if (!values.contains(current)) {
			values.add(current);
			labels.add(Speed.label(current));
		}
		if (!values.equals(shown)) {
			shown.clear();
			shown.addAll(values);
			speeds.setItems(labels.toArray(String[]::new));
			speeds.getParent().layout(true);
		}
		speeds.select(shown.indexOf(current));
	}
}
