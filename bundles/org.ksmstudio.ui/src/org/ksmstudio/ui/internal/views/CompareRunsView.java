package org.ksmstudio.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swtchart.Chart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.ksmstudio.core.compare.ComparisonCsv;
import org.ksmstudio.core.compare.FinishedRun;
import org.ksmstudio.core.compare.RunComparison;
import org.ksmstudio.core.compare.RunHistory;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.export.ExportActions;
import org.ksmstudio.ui.internal.run.ComparedRuns;
import org.ksmstudio.ui.internal.run.ComparisonRunsJob;

/**
 * Finished runs side by side. The left list is the workbench's history of finished runs
 * ({@link ComparedRuns}); the ticked ones are compared, the first ticked is the baseline. The tabs
 * show the comparison table (what each run ran with and showed, the difference from the baseline,
 * the better run, differing rows in bold, better and worse values coloured), a counter and ksmd's
 * CPU share of every run on one time axis, and the latency table of each run. Both tables export
 * as CSV.
 */
public class CompareRunsView extends ViewPart {

	/** View id. */
	public static final String ID = "org.ksmstudio.ui.views.compare"; //$NON-NLS-1$
	/** Widget data keys (for tests). */
	public static final String RUNS_KEY = "org.ksmstudio.ui.compare.runs"; //$NON-NLS-1$
	public static final String TABLE_KEY = "org.ksmstudio.ui.compare.table"; //$NON-NLS-1$
	public static final String LATENCY_KEY = "org.ksmstudio.ui.compare.latency"; //$NON-NLS-1$
	public static final String COUNTER_KEY = "org.ksmstudio.ui.compare.counter"; //$NON-NLS-1$
	public static final String DIFFERENCES_KEY = "org.ksmstudio.ui.compare.differences"; //$NON-NLS-1$
	public static final String STATUS_KEY = "org.ksmstudio.ui.compare.status"; //$NON-NLS-1$


	/** One row of the latency tab: a run's stats of one node and operation. */
	private record LatencyRow(String run, OperationStats stats) {
	}

	private final RunHistory history = ComparedRuns.history();
	private final RunHistory.Listener historyListener = changed -> asyncRefresh();
	/** The compared runs' numbers, in the order they were ticked: the first is the baseline. */
	private final List<Long> ticked = new ArrayList<>();
	private @Nullable RunComparison comparison;

	/** The view's widgets, made by {@link #createPartControl}. */
	private record Widgets(Label status, CheckboxTableViewer runs, TableViewer table, TableColumnLayout tableLayout,
			TableViewer latency, Combo counter, RunsChart counterChart, RunsChart cpuChart) {
	}

	private @Nullable Widgets widgets;

	/** Shows the view on {@code page} comparing {@code compared} (the first is the baseline). */
	public static CompareRunsView open(IWorkbenchPage page, List<FinishedRun> compared) {
		try {
			CompareRunsView view = (CompareRunsView) page.showView(ID);
			view.compare(compared);
			return view;
		} catch (PartInitException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Schedules {@code job} and, when it ends, opens the view on {@code base} followed by the runs the
	 * job kept (when they are two or more); a refusal goes to {@code error}, on the UI thread.
	 */
	public static void runAndCompare(IWorkbenchPage page, ComparisonRunsJob job, List<FinishedRun> base,
			Consumer<String> error) {
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			@NonNullByDefault({})
			public void done(IJobChangeEvent event) {
				List<FinishedRun> compared = new ArrayList<>(base);
				compared.addAll(job.kept());
				IStatus result = event.getResult();
				Shell shell = page.getWorkbenchWindow().getShell();
				if (shell.isDisposed()) {
					return;
				}
				shell.getDisplay().asyncExec(() -> {
					if (!result.isOK() && result.getSeverity() != IStatus.CANCEL) {
						error.accept(result.getMessage());
					}
					if (compared.size() >= 2 && !shell.isDisposed()) {
						open(page, compared);
					}
				});
			}
		});
		job.schedule();
	}

	@Override
	@NonNullByDefault({})
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Label status = new Label(parent, SWT.WRAP);
		status.setData(STATUS_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(200, SWT.DEFAULT).applyTo(status);
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		CheckboxTableViewer runs = createRunList(sash);
		CTabFolder tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.FLAT);
		CTabItem tableTab = new CTabItem(tabs, SWT.NONE);
		tableTab.setText(Messages.compareTableTab);
		Composite tablePage = new Composite(tabs, SWT.NONE);
		TableColumnLayout tableLayout = new TableColumnLayout();
		TableViewer table = createTable(tablePage, tableLayout);
		tableTab.setControl(tablePage);
		CTabItem chartsTab = new CTabItem(tabs, SWT.NONE);
		chartsTab.setText(Messages.compareChartsTab);
		Composite chartsPage = new Composite(tabs, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(chartsPage);
		Combo counter = createCounterChoice(chartsPage);
		SashForm charts = new SashForm(chartsPage, SWT.VERTICAL);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(charts);
		RunsChart counterChart = new RunsChart(charts);
		RunsChart cpuChart = new RunsChart(charts);
		chartsTab.setControl(chartsPage);
		CTabItem latencyTab = new CTabItem(tabs, SWT.NONE);
		latencyTab.setText(Messages.compareLatencyTab);
		Composite latencyHolder = new Composite(tabs, SWT.NONE);
		TableViewer latency = createLatency(latencyHolder);
		latencyTab.setControl(latencyHolder);
		tabs.setSelection(tableTab);
		sash.setWeights(new int[] { 25, 75 });
		widgets = new Widgets(status, runs, table, tableLayout, latency, counter, counterChart, cpuChart);
		createActions(runs);
		history.addListener(historyListener);
		refresh();
	}

	private CheckboxTableViewer createRunList(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		CheckboxTableViewer runs = CheckboxTableViewer.newCheckList(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		runs.getTable().setHeaderVisible(true);
		runs.getTable().setData(RUNS_KEY, Boolean.TRUE);
		runs.setContentProvider(ArrayContentProvider.getInstance());
		TableViewerColumn label = new TableViewerColumn(runs, SWT.LEFT);
		label.getColumn().setText(Messages.compareRun);
		label.setLabelProvider(ColumnLabelProvider.createTextProvider(e -> ((FinishedRun) e).label()));
		ColumnFit.weigh(layout, label.getColumn(), 70);
		TableViewerColumn finished = new TableViewerColumn(runs, SWT.LEFT);
		finished.getColumn().setText(Messages.compareFinished);
		finished.setLabelProvider(ColumnLabelProvider.createTextProvider(
				e -> DateFormat.getTimeInstance(DateFormat.MEDIUM).format(Date.from(((FinishedRun) e).finished()))));
		ColumnFit.weigh(layout, finished.getColumn(), 30);
		runs.addCheckStateListener(event -> {
			long id = ((FinishedRun) event.getElement()).id();
			ticked.remove(id);
			if (event.getChecked()) {
				ticked.add(id);
			}
			showComparison();
		});
		return runs;
	}

	/** The comparison table with its "only differences" check box, on {@code page}. */
	private static TableViewer createTable(Composite page, TableColumnLayout tableLayout) {
		GridLayoutFactory.fillDefaults().applyTo(page);
		Button onlyDifferences = new Button(page, SWT.CHECK);
		onlyDifferences.setText(Messages.compareOnlyDifferences);
		onlyDifferences.setData(DIFFERENCES_KEY, Boolean.TRUE);
		GridDataFactory.swtDefaults().indent(4, 2).applyTo(onlyDifferences);
		Composite holder = new Composite(page, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		holder.setLayout(tableLayout);
		TableViewer table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		ColumnViewerToolTipSupport.enableFor(table);
		table.addFilter(new ViewerFilter() {
			@Override
			@NonNullByDefault({})
			public boolean select(Viewer viewer, Object parentElement, Object element) {
				return !onlyDifferences.getSelection() || ((RunComparison.Row) element).differs();
			}
		});
		onlyDifferences.addListener(SWT.Selection, e -> table.refresh());
		return table;
	}

	/** The choice of the charted counter, on {@code page}. */
	private Combo createCounterChoice(Composite page) {
		Label which = new Label(page, SWT.NONE);
		which.setText(Messages.compareCounter);
		GridDataFactory.swtDefaults().indent(4, 2).applyTo(which);
		Combo counter = new Combo(page, SWT.READ_ONLY);
		counter.setData(COUNTER_KEY, Boolean.TRUE);
		counter.setItems(KsmCounters.COUNTER_NAMES);
		counter.select(List.of(KsmCounters.COUNTER_NAMES).indexOf(KsmSysfsFile.PAGES_SHARING.fileName()));
		counter.addListener(SWT.Selection, e -> showCharts());
		return counter;
	}

	/** The latency table, in {@code holder}. */
	private static TableViewer createLatency(Composite holder) {
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer latency = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		latency.getTable().setHeaderVisible(true);
		latency.getTable().setLinesVisible(true);
		latency.getTable().setData(LATENCY_KEY, Boolean.TRUE);
		latency.setContentProvider(ArrayContentProvider.getInstance());
		NumberFormat n = NumberFormat.getIntegerInstance();
		latencyColumn(latency, layout, Messages.compareRun, 30, SWT.LEFT, r -> r.run());
		latencyColumn(latency, layout, Messages.latencyNode, 6, SWT.RIGHT, r -> Integer.toString(r.stats().node()));
		latencyColumn(latency, layout, Messages.latencyOperation, 14, SWT.LEFT, r -> r.stats().operation().label());
		latencyColumn(latency, layout, Messages.comparePages, 9, SWT.RIGHT, r -> n.format(r.stats().count()));
		latencyColumn(latency, layout, Messages.latencyP50, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().p50Nanos()));
		latencyColumn(latency, layout, Messages.latencyP99, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().p99Nanos()));
		latencyColumn(latency, layout, Messages.latencyMax, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().maxNanos()));
		latencyColumn(latency, layout, Messages.compareLongestWalk, 9, SWT.RIGHT,
				r -> WalkCost.duration(r.stats().longestWalkNanos()));
		latencyColumn(latency, layout, Messages.latencyIpis, 7, SWT.RIGHT, r -> n.format(r.stats().ipis()));
		latencyColumn(latency, layout, Messages.compareFailures, 7, SWT.RIGHT, r -> n.format(r.stats().failures()));
		return latency;
	}

	private static void latencyColumn(TableViewer latency, TableColumnLayout layout, String title, int weight,
			int style, java.util.function.Function<LatencyRow, String> text) {
		TableViewerColumn column = new TableViewerColumn(latency, style);
		column.getColumn().setText(title);
		column.setLabelProvider(ColumnLabelProvider.createTextProvider(e -> text.apply((LatencyRow) e)));
		ColumnFit.weigh(layout, column.getColumn(), weight);
	}

	private void createActions(CheckboxTableViewer runs) {
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		ImageDescriptor export = ImageDescriptor.createFromURL(CompareRunsView.class.getResource("/icons/export.png")); //$NON-NLS-1$
		Action table = new Action(Messages.compareExportTable, export) {
			@Override
			public void run() {
				export("ksm-comparison.csv", CompareRunsView.this::tableCsv); //$NON-NLS-1$
			}
		};
		toolbar.add(table);
		getViewSite().getActionBars().getMenuManager().add(table);
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.compareExportSeries) {
			@Override
			public void run() {
				export("ksm-comparison-series.csv", CompareRunsView.this::seriesCsv); //$NON-NLS-1$
			}
		});
		getViewSite().getActionBars().getMenuManager().add(new SweepAndCompare(this));
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.compareRemove) {
			@Override
			public void run() {
				for (Object selected : ((IStructuredSelection) runs.getSelection()).toList()) {
					history.remove(((FinishedRun) selected).id());
				}
			}
		});
	}

	private void export(String name, java.util.function.Supplier<@Nullable String> csv) {
		if (comparison == null) {
			showStatus(Messages.compareNothingToExport);
			return;
		}
		ExportActions.saveText(getSite().getShell(), name, out -> out.write(csv.get()));
	}

	/** The comparison table as CSV (what Export writes), or null when fewer than two runs are ticked. */
	public @Nullable String tableCsv() {
		return comparison == null ? null : ComparisonCsv.table(comparison);
	}

	/** The compared runs' series as CSV, or null. */
	public @Nullable String seriesCsv() {
		return comparison == null ? null : ComparisonCsv.series(comparison.runs());
	}

	/** Writes {@link #tableCsv()} to {@code file} as Export does after asking for it. */
	public void exportTable(Path file) throws IOException {
		ExportActions.write(file, out -> out.write(tableCsv()));
	}

	/** Ticks exactly {@code compared}, in order (the first is the baseline), and shows their comparison. */
	public void compare(List<FinishedRun> compared) {
		ticked.clear();
		for (FinishedRun run : compared) {
			if (!ticked.contains(run.id())) {
				ticked.add(run.id());
			}
		}
		refresh();
	}

	/** The comparison shown, null with fewer than two ticked runs. */
	public @Nullable RunComparison comparison() {
		return comparison;
	}

	/** The lines of the counter chart and of the ksmd CPU chart (for tests). */
	public List<List<String>> chartLines() {
		Widgets w = widgets;
		return w == null ? List.of() : List.of(w.counterChart().names(), w.cpuChart().names());
	}

	/** The charts, for PNG export and screenshots (none before the view has its widgets). */
	public List<Chart> charts() {
		Widgets w = widgets;
		return w == null ? List.of() : List.of(w.counterChart().chart(), w.cpuChart().chart());
	}

	private void asyncRefresh() {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		Label status = w.status();
		if (!status.isDisposed()) {
			status.getDisplay().asyncExec(() -> {
				if (!status.isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Shows the history and ticks; drops ticks of runs the history no longer keeps. */
	private void refresh() {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		CheckboxTableViewer runs = w.runs();
		List<FinishedRun> kept = history.runs();
		ticked.removeIf(id -> kept.stream().noneMatch(r -> r.id() == id));
		runs.setInput(kept);
		runs.setCheckedElements(kept.stream().filter(r -> ticked.contains(r.id())).toArray());
		ColumnFit.fit(runs.getTable());
		showComparison();
	}

	private void showComparison() {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		List<FinishedRun> compared = new ArrayList<>();
		for (Long id : ticked) {
			history.byId(id).ifPresent(compared::add);
		}
		RunComparison c = compared.size() < 2 ? null : new RunComparison(compared);
		comparison = c;
		rebuildColumns(w);
		if (c == null) {
			showStatus(history.runs().isEmpty() ? Messages.compareNoRuns : Messages.compareTickTwo);
			w.table().setInput(new Object[0]);
			w.latency().setInput(new Object[0]);
			w.counterChart().show("", "", List.of()); //$NON-NLS-1$ //$NON-NLS-2$
			w.cpuChart().show("", "", List.of()); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		showStatus(Messages.format(Messages.compareStatus, new Object[] { compared.size(), c.title(0),
				c.differences().size() }));
		w.table().setInput(c.rows());
		ColumnFit.fit(w.table().getTable());
		List<LatencyRow> rows = new ArrayList<>();
		for (int i = 0; i < compared.size(); i++) {
			for (OperationStats s : compared.get(i).report().operations()) {
				rows.add(new LatencyRow(c.title(i), s));
			}
		}
		w.latency().setInput(rows);
		ColumnFit.fit(w.latency().getTable());
		showCharts();
	}

	/** One column per compared run, one per difference from the baseline, and the best run. */
	private void rebuildColumns(Widgets w) {
		TableViewer table = w.table();
		table.setInput(new Object[0]);
		for (TableColumn column : table.getTable().getColumns()) {
			column.dispose();
		}
		RunComparison c = comparison;
		if (c == null) {
			return;
		}
		column(w, Messages.compareName, 24, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.NAME, 0));
		column(w, Messages.compareUnit, 6, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.UNIT, 0));
		int n = c.runs().size();
		for (int i = 0; i < n; i++) {
			column(w, c.title(i), 12, SWT.RIGHT, new ComparisonLabels(c, ComparisonLabels.Kind.VALUE, i));
		}
		for (int i = 1; i < n; i++) {
			column(w, NLS.bind(Messages.compareDelta, "#" + c.runs().get(i).id()), 9, SWT.RIGHT, //$NON-NLS-1$
					new ComparisonLabels(c, ComparisonLabels.Kind.DELTA, i));
		}
		column(w, Messages.compareBest, 12, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.BEST, 0));
		table.getTable().getParent().layout(true);
	}

	private static void column(Widgets w, String title, int weight, int style, ColumnLabelProvider labels) {
		TableViewerColumn column = new TableViewerColumn(w.table(), style);
		column.getColumn().setText(title);
		column.getColumn().setToolTipText(title);
		column.setLabelProvider(labels);
		ColumnFit.weigh(w.tableLayout(), column.getColumn(), weight);
	}

	/** The chosen counter and ksmd's CPU share of every compared run over simulated time. */
	private void showCharts() {
		Widgets w = widgets;
		RunComparison c = comparison;
		if (w == null || c == null) {
			return;
		}
		String name = w.counter().getText();
		List<RunsChart.Line> values = new ArrayList<>();
		List<RunsChart.Line> cpu = new ArrayList<>();
		for (int r = 0; r < c.runs().size(); r++) {
			CounterSeries.View series = c.runs().get(r).series();
			double[] x = new double[series.size()];
			double[] y = new double[series.size()];
			double[] share = new double[series.size()];
			for (int i = 0; i < series.size(); i++) {
				x[i] = series.timeNanos(i) / 1e9;
				y[i] = series.value(name, i);
				share[i] = 100 * series.ksmdCpuShare(i);
			}
			values.add(new RunsChart.Line(c.title(r), x, y));
			cpu.add(new RunsChart.Line(c.title(r), x, share));
		}
		String unit = KsmSysfsFile.byName(name).map(KsmSysfsFile::unit).orElse(""); //$NON-NLS-1$
		w.counterChart().show(name, unit, values);
		w.cpuChart().show(Messages.compareKsmdCpu, Messages.chartPercent, cpu);
	}

	/** Shows {@code text} above the view. */
	void showStatus(String text) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		Label status = w.status();
		if (!text.equals(status.getText())) {
			status.setText(text);
			status.getParent().layout(true);
		}
	}

	@Override
	public void setFocus() {
		Widgets w = widgets;
		if (w != null) {
			w.runs().getControl().setFocus();
		}
	}

	@Override
	public void dispose() {
		history.removeListener(historyListener);
		super.dispose();
	}
}
