package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.ksmstudio.engine.KsmSimulation;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.ksmstudio.model.edit.ScenarioLabels;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.ScenarioPackage;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.Timeline;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsRow;
import org.ksmstudio.engine.sysfs.SysfsScript;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.export.ExportActions;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Every /sys/kernel/mm/ksm tunable of the followed run, edited in place as {@code echo N > file}:
 * the write goes to the running simulation, the kernel's answer (OK, EINVAL, EBUSY and why) shows
 * in the row and above the table, a refused value leaves the old one. Writes are recorded on the run.
 */
public class TunablesView extends RunView<Map<String, String>> {

	/** View id. */
	public static final String ID = "org.ksmstudio.ui.views.tunables"; //$NON-NLS-1$
	/** Widget data keys (for tests). */
	public static final String TABLE_KEY = "org.ksmstudio.ui.tunables.table"; //$NON-NLS-1$
	public static final String STATUS_KEY = "org.ksmstudio.ui.tunables.status"; //$NON-NLS-1$

	/** One row: a tunable (the kernel's or the run's patch's), its current text and the last write to it in this run. */
	private static final class Row {
		final String file;
		final SysfsRow sysfs;
		String text = ""; //$NON-NLS-1$
		ScenarioRun.@Nullable TunableWrite lastWrite;

		Row(SysfsRow sysfs) {
			this.file = sysfs.fileName();
			this.sysfs = sysfs;
		}
	}

	private final Map<String, Row> rows = new LinkedHashMap<>();
	private final Action resetAction = new Action(Messages.tunablesReset,
			ImageDescriptor.createFromURL(TunablesView.class.getResource("/icons/reset.png"))) { //$NON-NLS-1$
		@Override
		public void run() {
			resetToDefaults();
		}
	};
	private @Nullable ScenarioRun shownRun;

	/** The view's widgets, made by {@link #createContents}. */
	private record Widgets(Label statusIcon, Label status, TableViewer table) {
	}

	private @Nullable Widgets widgets;

	@Override
	protected void createContents(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Composite line = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 2).applyTo(line);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(line);
		Label statusIcon = new Label(line, SWT.NONE);
		GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).exclude(true).applyTo(statusIcon);
		Label status = new Label(line, SWT.WRAP);
		status.setData(STATUS_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).hint(100, twoLines(status)).applyTo(status);
		Composite holder = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer table = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		ColumnViewerToolTipSupport.enableFor(table);
		widgets = new Widgets(statusIcon, status, table);
		showRows(List.of());

		column(table, layout, Messages.tunablesName, 52, new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return ((Row) element).file;
			}

			@Override
			@NonNullByDefault({})
			public String getToolTipText(Object element) {
				return Tunables.tooltip(((Row) element).sysfs);
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				return JFaceResources.getTextFont();
			}
		});
		TableViewerColumn value = column(table, layout, Messages.tunablesValue, 22, new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				Row row = (Row) element;
				return Tunables.writtenValue(row.sysfs, row.text); // "none", not the file's "[none] scan-time"
			}

			@Override
			@NonNullByDefault({})
			public String getToolTipText(Object element) {
				Row row = (Row) element;
				return row.text.equals(getText(element)) ? null : NLS.bind(Messages.tunablesFileText, row.file, row.text);
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				Row row = (Row) element;
				return Tunables.writtenValue(row.sysfs, row.text).equals(Tunables.defaultValue(row.sysfs))
								? JFaceResources.getTextFont()
								: JFaceResources.getFontRegistry().getBold(JFaceResources.TEXT_FONT);
			}
		});
		value.setEditingSupport(new ValueEditing(table));
		column(table, layout, Messages.tunablesDefault, 13, new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return Tunables.defaultValue(((Row) element).sysfs);
			}
		});
		column(table, layout, Messages.tunablesLastWrite, 13, new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				ScenarioRun.TunableWrite write = ((Row) element).lastWrite;
				return write == null ? "" : write.result().outcome().name(); //$NON-NLS-1$
			}

			@Override
			@NonNullByDefault({})
			public String getToolTipText(Object element) {
				ScenarioRun.TunableWrite write = ((Row) element).lastWrite;
				return write == null ? null : describe(write);
			}

			@Override
			@NonNullByDefault({})
			public Color getForeground(Object element) {
				ScenarioRun.TunableWrite write = ((Row) element).lastWrite;
				return write == null || write.result().ok() ? null
						: table.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
			}
		});
		table.setInput(List.copyOf(rows.values()));
		ColumnFit.fit(table.getTable());
		createActions();
	}

	private static TableViewerColumn column(TableViewer table, TableColumnLayout layout, String title, int weight,
			ColumnLabelProvider labels) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(labels);
		ColumnFit.weigh(layout, column.getColumn(), weight);
		return column;
	}

	private void createActions() {
		resetAction.setToolTipText(Messages.tunablesResetTooltip);
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(resetAction);
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.tunablesRecord) {
			@Override
			public void run() {
				recordInTimeline();
			}
		});
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.exportTunablesScript) {
			@Override
			public void run() {
				exportScript();
			}
		});
		getViewSite().getActionBars().getMenuManager().add(new RunCopyAndCompare(this));
	}

	@Override
	protected @Nullable Control mainControl() {
		Widgets w = widgets;
		return w == null ? null : w.table().getControl();
	}

	/** The rows: the kernel's tunables, then those of the run's patch; the table's input when they change. */
	private void showRows(List<PatchSysfsFile> patchFiles) {
		List<SysfsRow> wanted = new ArrayList<>();
		Tunables.FILES.forEach(f -> wanted.add(Tunables.row(f, List.of())));
		patchFiles.stream().filter(PatchSysfsFile::writable).forEach(wanted::add);
		if (rows.values().stream().map(r -> r.sysfs).toList().equals(wanted)) {
			return;
		}
		Map<String, Row> old = new LinkedHashMap<>(rows);
		rows.clear();
		for (SysfsRow w : wanted) {
			Row kept = old.get(w.fileName());
			rows.put(w.fileName(), kept != null && kept.sysfs.equals(w) ? kept : new Row(w));
		}
		Widgets w = widgets;
		if (w != null) {
			w.table().setInput(List.copyOf(rows.values()));
		}
	}

	@Override
	protected Map<String, String> sample(ScenarioRun run, KsmSimulation simulation) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String file : Tunables.FILES) {
			values.put(file, simulation.readSysfs(file));
		}
		for (PatchSysfsFile file : simulation.patchFiles()) {
			if (file.writable()) {
				values.put(file.fileName(), simulation.readSysfs(file.fileName()));
			}
		}
		return values;
	}

	@Override
	protected void show(@Nullable ScenarioRun run, @Nullable Map<String, String> values) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		KsmSimulation simulation = run == null ? null : run.simulation();
		showRows(simulation == null || values == null ? List.of() : simulation.patchFiles());
		boolean editable = simulation != null;
		for (Row row : rows.values()) {
			row.text = values == null ? "" : values.getOrDefault(row.file, ""); //$NON-NLS-1$ //$NON-NLS-2$
			if (values == null) {
				row.lastWrite = null;
			}
		}
		if (run == null && configured()) {
			showStatus(Messages.tunablesConfigured, false);
		} else if (run == null) {
			showStatus(Messages.tunablesNoRun, false);
		} else if (values == null) {
			showStatus(NLS.bind(Messages.tunablesStarting, run.name()), false);
		} else if (shownRun != run) {
			showStatus(NLS.bind(Messages.tunablesRunOf, run.name()), false);
		}
		shownRun = values == null ? null : run;
		resetAction.setEnabled(editable);
		if (!w.table().isCellEditorActive()) {
			w.table().refresh();
			ColumnFit.fit(w.table().getTable());
		}
	}

	/** Fills the values from the followed editor's KSM configuration (no run yet); whether there was one. */
	private boolean configured() {
		Scenario scenario = followedEditor() instanceof ScenarioEditor editor ? editor.getScenario() : null;
		KsmConfig ksm = scenario == null ? null : scenario.getKsm();
		if (ksm == null) {
			return false;
		}
		for (EAttribute attribute : ksm.eClass().getEAllAttributes()) {
			Row row = rows.get(ScenarioLabels.label(attribute));
			if (row != null) {
				Object value = ksm.eGet(attribute);
				row.text = value instanceof Boolean b ? (b ? "1" : "0") //$NON-NLS-1$ //$NON-NLS-2$
						: value instanceof Enumerator e ? e.getLiteral() : String.valueOf(value);
			}
		}
		return true;
	}

	/** The height of the message line: at least two lines, so that the table stays where it is when a message shrinks to one. */
	private static int twoLines(Label status) {
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(status);
		try {
			return 2 * gc.getFontMetrics().getHeight();
		} finally {
			gc.dispose();
		}
	}

	private void showStatus(String text, boolean error) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		Label status = w.status();
		Label statusIcon = w.statusIcon();
		if (text.equals(status.getText()) && error == statusIcon.getVisible()) {
			return;
		}
		status.setText(text);
		statusIcon.setImage(error ? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK)
				: null);
		statusIcon.setVisible(error);
		((org.eclipse.swt.layout.GridData) statusIcon.getLayoutData()).exclude = !error;
		int width = status.getSize().x > 0 ? status.getSize().x : SWT.DEFAULT;
		((org.eclipse.swt.layout.GridData) status.getLayoutData()).heightHint = Math.max(twoLines(status),
				status.computeSize(width, SWT.DEFAULT).y);
		status.getParent().getParent().layout(true, true);
	}

	/**
	 * Adds the accepted writes of the run to the scenario's timeline as sysfs writes at the simulated
	 * time they were made, in one undoable command, so that the next run replays them.
	 */
	private void recordInTimeline() {
		ScenarioRun current = run();
		ScenarioEditor editor = followedEditor() instanceof ScenarioEditor e ? e : null;
		Scenario scenario = editor == null ? null : editor.getScenario();
		if (current == null || editor == null || scenario == null) {
			showStatus(Messages.tunablesRecordNoRun, false);
			return;
		}
		Timeline timeline = scenario.getTimeline();
		EditingDomain domain = editor.getEditingDomain();
		CompoundCommand record = new CompoundCommand(Messages.tunablesRecordCommand);
		for (ScenarioRun.TunableWrite write : current.tunableWrites()) {
			if (write.result().ok()) {
				SysfsWrite event = ScenarioFactory.eINSTANCE.createSysfsWrite();
				event.setTrigger(Trigger.AT_TIME);
				event.setTimeMillis(Math.round(write.timeNanos() / 1e6));
				event.setFile(write.file());
				event.setValue(write.value());
				record.append(AddCommand.create(domain, timeline, ScenarioPackage.Literals.TIMELINE__EVENTS, event));
			}
		}
		if (record.isEmpty()) {
			showStatus(Messages.tunablesRecordNothing, false);
		} else if (record.canExecute()) {
			domain.getCommandStack().execute(record);
			showStatus(Messages.format(Messages.tunablesRecorded, record.getCommandList().size()), false);
		}
	}

	private void exportScript() {
		ScenarioRun current = run();
		if (current == null || current.simulation() == null) {
			showStatus(Messages.tunablesExportNoRun, false);
			return;
		}
		Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		for (Row row : rows.values()) {
			KsmSysfsFile.byName(row.file).ifPresent(file -> values.put(file, Tunables.writtenValue(row.sysfs, row.text)));
		}
		java.nio.file.Path file = ExportActions.saveText(getSite().getShell(), "ksm-tunables.sh", //$NON-NLS-1$
				out -> out.write(SysfsScript.of(current.name(), values)));
		if (file != null) {
			file.toFile().setExecutable(true);
		}
	}

	/** Writes {@code value} to {@code file} of the followed run off the UI thread, then shows the answer. */
	public void write(String file, String value) {
		ScenarioRun current = run();
		if (current == null || current.simulation() == null) {
			return;
		}
		writeAll(current, List.<String[]>of(new String[] { file, value }));
	}

	private void resetToDefaults() {
		ScenarioRun current = run();
		if (current == null || current.simulation() == null) {
			return;
		}
		List<String[]> writes = new ArrayList<>();
		for (Row row : rows.values()) {
			String def = Tunables.defaultValue(row.sysfs);
			if (!KsmSysfsFile.RUN.fileName().equals(row.file) && !Tunables.writtenValue(row.sysfs, row.text).equals(def)) {
				writes.add(new String[] { row.file, def });
			}
		}
		writeAll(current, writes);
	}

	private void writeAll(ScenarioRun current, List<String[]> writes) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		Job job = Job.create(Messages.tunablesWriteJob, (IProgressMonitor monitor) -> {
			List<ScenarioRun.TunableWrite> results = new ArrayList<>();
			for (String[] write : writes) {
				results.add(current.writeTunable(write[0], write[1]));
			}
			w.table().getControl().getDisplay().asyncExec(() -> written(w, current, results));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void written(Widgets w, ScenarioRun current, List<ScenarioRun.TunableWrite> results) {
		TableViewer table = w.table();
		if (table.getControl().isDisposed() || current != run()) {
			return;
		}
		ScenarioRun.TunableWrite failed = null;
		for (ScenarioRun.TunableWrite write : results) {
			Row row = rows.get(write.file());
			if (row != null) {
				row.lastWrite = write;
			}
			if (!write.result().ok() && failed == null) {
				failed = write;
			}
		}
		if (failed != null) {
			showStatus(describe(failed), true);
		} else if (!results.isEmpty()) {
			ScenarioRun.TunableWrite last = results.get(results.size() - 1);
			showStatus(describe(last), false);
		}
		table.refresh();
		ColumnFit.fit(table.getTable());
		sampleSoon();
	}

	/** "echo 512 > max_page_sharing: EBUSY, pages are shared ..." */
	static String describe(ScenarioRun.TunableWrite write) {
		SysfsResult result = write.result();
		String command = NLS.bind(Messages.tunablesEcho, write.value(), write.file());
		if (result.ok()) {
			return NLS.bind(Messages.tunablesWriteOk, command);
		}
		return NLS.bind(Messages.tunablesWriteRefused,
				new Object[] { command, result.outcome().name(), result.message() == null ? "" : result.message() }); //$NON-NLS-1$
	}

	@Override
	public void setFocus() {
		Widgets w = widgets;
		if (w != null) {
			w.table().getControl().setFocus();
		}
	}

	/** The selected row: a kernel tunable or a patch's, or null. */
	@Nullable
	SysfsRow selectedRow() {
		Widgets w = widgets;
		return w != null && w.table().getStructuredSelection().getFirstElement() instanceof Row row ? row.sysfs : null;
	}

	/** The selected tunable's value as shown (as written to it), or empty. */
	String selectedValue() {
		Widgets w = widgets;
		return w != null && w.table().getStructuredSelection().getFirstElement() instanceof Row row
				? Tunables.writtenValue(row.sysfs, row.text)
				: ""; //$NON-NLS-1$
	}

	/** Shows {@code text} above the table. */
	void showMessage(String text) {
		showStatus(text, false);
	}

	/** In-place editing of a value: the text is written as is, like {@code echo text > file}. */
	private final class ValueEditing extends EditingSupport {
		private final TextCellEditor editor;

		ValueEditing(TableViewer table) {
			super(table);
			editor = new TextCellEditor(table.getTable());
		}

		@Override
		@NonNullByDefault({})
		protected CellEditor getCellEditor(Object element) {
			return editor;
		}

		@Override
		@NonNullByDefault({})
		protected boolean canEdit(Object element) {
			ScenarioRun current = run();
			return current != null && current.simulation() != null;
		}

		@Override
		@NonNullByDefault({})
		protected Object getValue(Object element) {
			return Tunables.writtenValue(((Row) element).sysfs, ((Row) element).text);
		}

		@Override
		@NonNullByDefault({})
		protected void setValue(Object element, Object value) {
			Row row = (Row) element;
			String text = String.valueOf(value).strip();
			if (!text.equals(Tunables.writtenValue(row.sysfs, row.text))) {
				write(row.file, text);
			}
		}
	}
}
