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
	private Label status;
	private CheckboxTableViewer runs;
	private TableViewer table;
	private TableColumnLayout tableLayout;
	private TableViewer latency;
	private Button onlyDifferences;
	private Combo counter;
	private RunsChart counterChart;
	private RunsChart cpuChart;
	private RunComparison comparison;

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
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		status = new Label(parent, SWT.WRAP);
		status.setData(STATUS_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(200, SWT.DEFAULT).applyTo(status);
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		createRunList(sash);
		CTabFolder tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.FLAT);
		CTabItem tableTab = new CTabItem(tabs, SWT.NONE);
		tableTab.setText(Messages.compareTableTab);
		tableTab.setControl(createTable(tabs));
		CTabItem chartsTab = new CTabItem(tabs, SWT.NONE);
		chartsTab.setText(Messages.compareChartsTab);
		chartsTab.setControl(createCharts(tabs));
		CTabItem latencyTab = new CTabItem(tabs, SWT.NONE);
		latencyTab.setText(Messages.compareLatencyTab);
		latencyTab.setControl(createLatency(tabs));
		tabs.setSelection(tableTab);
		sash.setWeights(new int[] { 25, 75 });
		createActions();
		history.addListener(historyListener);
		refresh();
	}

	private void createRunList(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		runs = CheckboxTableViewer.newCheckList(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
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
	}

	private Composite createTable(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(page);
		onlyDifferences = new Button(page, SWT.CHECK);
		onlyDifferences.setText(Messages.compareOnlyDifferences);
		onlyDifferences.setData(DIFFERENCES_KEY, Boolean.TRUE);
		GridDataFactory.swtDefaults().indent(4, 2).applyTo(onlyDifferences);
		Composite holder = new Composite(page, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(holder);
		tableLayout = new TableColumnLayout();
		holder.setLayout(tableLayout);
		table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		ColumnViewerToolTipSupport.enableFor(table);
		table.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer viewer, Object parentElement, Object element) {
				return !onlyDifferences.getSelection() || ((RunComparison.Row) element).differs();
			}
		});
		onlyDifferences.addListener(SWT.Selection, e -> table.refresh());
		return page;
	}

	private Composite createCharts(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
		Label which = new Label(page, SWT.NONE);
		which.setText(Messages.compareCounter);
		GridDataFactory.swtDefaults().indent(4, 2).applyTo(which);
		counter = new Combo(page, SWT.READ_ONLY);
		counter.setData(COUNTER_KEY, Boolean.TRUE);
		counter.setItems(KsmCounters.COUNTER_NAMES);
		counter.select(List.of(KsmCounters.COUNTER_NAMES).indexOf(KsmSysfsFile.PAGES_SHARING.fileName()));
		counter.addListener(SWT.Selection, e -> showCharts());
		SashForm charts = new SashForm(page, SWT.VERTICAL);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(charts);
		counterChart = new RunsChart(charts);
		cpuChart = new RunsChart(charts);
		return page;
	}

	private Composite createLatency(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		latency = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		latency.getTable().setHeaderVisible(true);
		latency.getTable().setLinesVisible(true);
		latency.getTable().setData(LATENCY_KEY, Boolean.TRUE);
		latency.setContentProvider(ArrayContentProvider.getInstance());
		NumberFormat n = NumberFormat.getIntegerInstance();
		latencyColumn(layout, Messages.compareRun, 30, SWT.LEFT, r -> r.run());
		latencyColumn(layout, Messages.latencyNode, 6, SWT.RIGHT, r -> Integer.toString(r.stats().node()));
		latencyColumn(layout, Messages.latencyOperation, 14, SWT.LEFT, r -> r.stats().operation().label());
		latencyColumn(layout, Messages.comparePages, 9, SWT.RIGHT, r -> n.format(r.stats().count()));
		latencyColumn(layout, Messages.latencyP50, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().p50Nanos()));
		latencyColumn(layout, Messages.latencyP99, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().p99Nanos()));
		latencyColumn(layout, Messages.latencyMax, 8, SWT.RIGHT, r -> WalkCost.duration(r.stats().maxNanos()));
		latencyColumn(layout, Messages.compareLongestWalk, 9, SWT.RIGHT,
				r -> WalkCost.duration(r.stats().longestWalkNanos()));
		latencyColumn(layout, Messages.latencyIpis, 7, SWT.RIGHT, r -> n.format(r.stats().ipis()));
		latencyColumn(layout, Messages.compareFailures, 7, SWT.RIGHT, r -> n.format(r.stats().failures()));
		return holder;
	}

	private void latencyColumn(TableColumnLayout layout, String title, int weight, int style,
			java.util.function.Function<LatencyRow, String> text) {
		TableViewerColumn column = new TableViewerColumn(latency, style);
		column.getColumn().setText(title);
		column.setLabelProvider(ColumnLabelProvider.createTextProvider(e -> text.apply((LatencyRow) e)));
		ColumnFit.weigh(layout, column.getColumn(), weight);
	}

	private void createActions() {
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

	private void export(String name, java.util.function.Supplier<String> csv) {
		if (comparison == null) {
			showStatus(Messages.compareNothingToExport);
			return;
		}
		ExportActions.saveText(getSite().getShell(), name, out -> out.write(csv.get()));
	}

	/** The comparison table as CSV (what Export writes), or null when fewer than two runs are ticked. */
	public String tableCsv() {
		return comparison == null ? null : ComparisonCsv.table(comparison);
	}

	/** The compared runs' series as CSV, or null. */
	public String seriesCsv() {
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
	public RunComparison comparison() {
		return comparison;
	}

	/** The lines of the counter chart and of the ksmd CPU chart (for tests). */
	public List<List<String>> chartLines() {
		return List.of(counterChart.names(), cpuChart.names());
	}

	/** The charts, for PNG export and screenshots. */
	public List<Chart> charts() {
		return List.of(counterChart.chart(), cpuChart.chart());
	}

	private void asyncRefresh() {
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
		List<FinishedRun> kept = history.runs();
		ticked.removeIf(id -> kept.stream().noneMatch(r -> r.id() == id));
		runs.setInput(kept);
		runs.setCheckedElements(kept.stream().filter(r -> ticked.contains(r.id())).toArray());
		ColumnFit.fit(runs.getTable());
		showComparison();
	}

	private void showComparison() {
		List<FinishedRun> compared = new ArrayList<>();
		for (Long id : ticked) {
			history.byId(id).ifPresent(compared::add);
		}
		comparison = compared.size() < 2 ? null : new RunComparison(compared);
		rebuildColumns();
		if (comparison == null) {
			showStatus(history.runs().isEmpty() ? Messages.compareNoRuns : Messages.compareTickTwo);
			table.setInput(new Object[0]);
			latency.setInput(new Object[0]);
			counterChart.show("", "", List.of()); //$NON-NLS-1$ //$NON-NLS-2$
			cpuChart.show("", "", List.of()); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		showStatus(Messages.format(Messages.compareStatus, new Object[] { compared.size(), comparison.title(0),
				comparison.differences().size() }));
		table.setInput(comparison.rows());
		ColumnFit.fit(table.getTable());
		List<LatencyRow> rows = new ArrayList<>();
		for (int i = 0; i < compared.size(); i++) {
			for (OperationStats s : compared.get(i).report().operations()) {
				rows.add(new LatencyRow(comparison.title(i), s));
			}
		}
		latency.setInput(rows);
		ColumnFit.fit(latency.getTable());
		showCharts();
	}

	/** One column per compared run, one per difference from the baseline, and the best run. */
	private void rebuildColumns() {
		table.setInput(new Object[0]);
		for (TableColumn column : table.getTable().getColumns()) {
			column.dispose();
		}
		RunComparison c = comparison;
		if (c == null) {
			return;
		}
		column(Messages.compareName, 24, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.NAME, 0));
		column(Messages.compareUnit, 6, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.UNIT, 0));
		int n = c.runs().size();
		for (int i = 0; i < n; i++) {
			column(c.title(i), 12, SWT.RIGHT, new ComparisonLabels(c, ComparisonLabels.Kind.VALUE, i));
		}
		for (int i = 1; i < n; i++) {
			column(NLS.bind(Messages.compareDelta, "#" + c.runs().get(i).id()), 9, SWT.RIGHT, //$NON-NLS-1$
					new ComparisonLabels(c, ComparisonLabels.Kind.DELTA, i));
		}
		column(Messages.compareBest, 12, SWT.LEFT, new ComparisonLabels(c, ComparisonLabels.Kind.BEST, 0));
		table.getTable().getParent().layout(true);
	}

	private void column(String title, int weight, int style, ColumnLabelProvider labels) {
		TableViewerColumn column = new TableViewerColumn(table, style);
		column.getColumn().setText(title);
		column.getColumn().setToolTipText(title);
		column.setLabelProvider(labels);
		ColumnFit.weigh(tableLayout, column.getColumn(), weight);
	}

	/** The chosen counter and ksmd's CPU share of every compared run over simulated time. */
	private void showCharts() {
		RunComparison c = comparison;
		if (c == null) {
			return;
		}
		String name = counter.getText();
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
		counterChart.show(name, unit, values);
		cpuChart.show(Messages.compareKsmdCpu, Messages.chartPercent, cpu);
	}

	/** Shows {@code text} above the view. */
	void showStatus(String text) {
		if (!text.equals(status.getText())) {
			status.setText(text);
			status.getParent().layout(true);
		}
	}

	@Override
	public void setFocus() {
		runs.getControl().setFocus();
	}

	@Override
	public void dispose() {
		history.removeListener(historyListener);
		super.dispose();
	}
}
