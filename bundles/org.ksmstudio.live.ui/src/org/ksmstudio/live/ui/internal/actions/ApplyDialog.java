package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.ApplyPlan;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.KsmUnavailableException;
import org.ksmstudio.live.sysfs.WriteOutcome;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.ui.internal.views.ColumnFit;

/**
 * "Apply scenario tunables to this kernel": lists the ordered writes ({@link ApplyRows}), writes
 * them only when the user presses Apply (root only; otherwise says why and offers the script),
 * and shows each write's outcome, EBUSY with its fix.
 */
public final class ApplyDialog extends TitleAreaDialog {

	/** Button ids. */
	public static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;
	public static final int EXPORT_ID = IDialogConstants.CLIENT_ID + 2;
	/** Widget data keys, for tests. */
	public static final String TABLE_KEY = "org.ksmstudio.live.ui.apply.table"; //$NON-NLS-1$
	public static final String SUMMARY_KEY = "org.ksmstudio.live.ui.apply.summary"; //$NON-NLS-1$

	private final LiveSources sources;
	private final Map<KsmSysfsFile, String> desired;
	private final String scenarioName;
	private @Nullable KsmAccess access;
	private @Nullable KsmSample current;
	private ApplyRows.@Nullable Planned planned;
	private @Nullable TableViewer table;
	private @Nullable Label summary;

	/** A dialog applying {@code desired} (a scenario's tunables) to the kernel of {@code sources}. */
	public ApplyDialog(Shell shell, LiveSources sources, Map<KsmSysfsFile, String> desired, String scenarioName) {
		super(shell);
		this.sources = sources;
		this.desired = Map.copyOf(desired);
		this.scenarioName = scenarioName;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	@NonNullByDefault({})
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.applyTitle);
	}

	@Override
	protected Point getInitialSize() {
		return new Point(980, 520);
	}

	@Override
	@NonNullByDefault({})
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.applyTitle);
		KsmAccess access = sources.sysfs().access();
		this.access = access;
		KsmSample current = null;
		ApplyRows.Planned planned = null;
		String readError = null;
		try {
			current = sources.sysfs().sample();
			planned = ApplyRows.plan(desired, current, sources.sysfs().presentFiles());
		} catch (KsmUnavailableException e) {
			readError = e.getMessage();
		}
		this.current = current;
		this.planned = planned;
		Composite content = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
		GridLayoutFactory.swtDefaults().applyTo(content);

		if (readError != null) {
			setErrorMessage(NLS.bind(Messages.applyAbsent, readError));
		} else if (!access.canWrite()) {
			setErrorMessage(NLS.bind(Messages.applyNotRoot, access.message()));
		}
		if (planned != null) {
			setMessage(planned.plan().isEmpty() ? NLS.bind(Messages.applyNothing, scenarioName)
					: NLS.bind(Messages.applyMessage, scenarioName, sources.ksmDirectory()));
		}
		Composite holder = new Composite(content, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		this.table = table;
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		ColumnViewerToolTipSupport.enableFor(table);
		column(table, layout, Messages.applyStep, 4, r -> Integer.toString(r.index()), true);
		column(table, layout, Messages.applyFile, 18, ApplyRows.Row::file, false);
		column(table, layout, Messages.applyNow, 8, ApplyRows.Row::now, true);
		column(table, layout, Messages.applyNew, 9, ApplyRows.Row::value, true);
		column(table, layout, Messages.applyWhy, 30, ApplyRows.Row::reason, false);
		column(table, layout, Messages.applyOutcome, 31, ApplyRows.Row::outcome, false);
		if (planned != null) {
			table.setInput(ApplyRows.rows(planned.plan(), current));
		}
		ColumnFit.fit(table.getTable());
		Label notes = new Label(content, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(notes);
		notes.setText(planned == null ? "" : String.join("\n", planned.notes())); //$NON-NLS-1$ //$NON-NLS-2$
		Label summary = new Label(content, SWT.WRAP);
		this.summary = summary;
		summary.setData(SUMMARY_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(summary);
		return area;
	}

	private static void column(TableViewer table, TableColumnLayout layout, String title, int weight,
			Function<ApplyRows.Row, String> text, boolean monospace) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
		column.getColumn().setText(title);
		ColumnFit.weigh(layout, column.getColumn(), weight);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return text.apply((ApplyRows.Row) element);
			}

			@Override
			@NonNullByDefault({})
			public String getToolTipText(Object element) {
				ApplyRows.Row row = (ApplyRows.Row) element;
				return row.outcome().isEmpty() ? row.reason() : row.outcome();
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				return monospace ? JFaceResources.getTextFont() : null;
			}

			@Override
			@NonNullByDefault({})
			public Color getForeground(Object element) {
				ApplyRows.Row row = (ApplyRows.Row) element;
				return !row.outcome().isEmpty() && !row.ok()
						? table.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null;
			}
		});
	}

	@Override
	@NonNullByDefault({})
	protected void createButtonsForButtonBar(Composite parent) {
		KsmAccess access = this.access;
		ApplyRows.Planned planned = this.planned;
		createButton(parent, EXPORT_ID, Messages.applyExport, false);
		createButton(parent, APPLY_ID, Messages.applyButton, false).setEnabled(
				access != null && access.canWrite() && planned != null && !planned.plan().isEmpty());
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == EXPORT_ID) {
			ScriptExport.export(getShell(), desired, scenarioName);
		} else if (buttonId == APPLY_ID) {
			apply();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** Writes the plan in a job (run=2 can take seconds while every KSM page is unmerged), then shows the outcomes. */
	private void apply() {
		ApplyRows.Planned planned = this.planned;
		TableViewer table = this.table;
		Label summary = this.summary;
		if (planned == null || table == null || summary == null) {
			return; // Apply is enabled only with a plan, after the dialog area is made
		}
		getButton(APPLY_ID).setEnabled(false);
		summary.setText(Messages.applyRunning);
		ApplyPlan plan = planned.plan();
		Job job = Job.create(Messages.applyTitle, monitor -> {
			List<WriteOutcome> outcomes;
			String text;
			try (ExperimentLock lock = ExperimentLock.acquire(sources.lockFile(), Duration.ofSeconds(10))) {
				outcomes = new KsmSysfsWriter(sources.sysfs()).apply(plan);
				text = ApplyRows.summary(outcomes);
			} catch (IOException e) {
				outcomes = List.of();
				text = NLS.bind(Messages.applyLockFailed, sources.lockFile(), e.getMessage());
			}
			List<WriteOutcome> done = outcomes;
			String message = text;
			if (!table.getControl().isDisposed()) {
				table.getControl().getDisplay().asyncExec(() -> showOutcomes(plan, done, message));
			}
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
	}

	private void showOutcomes(ApplyPlan plan, List<WriteOutcome> outcomes, String message) {
		TableViewer table = this.table;
		Label summary = this.summary;
		if (table == null || summary == null || table.getControl().isDisposed()) {
			return;
		}
		table.setInput(ApplyRows.rows(plan, current, outcomes));
		ColumnFit.fit(table.getTable());
		summary.setText(message);
		summary.getParent().layout(true);
	}
}
