package org.ksmstudio.ui.internal.views;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
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
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.ksmstudio.engine.CounterSample;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.sysfs.SysfsRow;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.export.ExportActions;
import org.ksmstudio.ui.internal.run.PolicyRun;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Every /sys/kernel/mm/ksm counter and /proc/PID/ksm_stat of the followed run, live, with
 * time-series charts of the sharing counters, the stable tree, general_profit and ksmd's CPU share.
 */
public class CountersView extends RunView<CountersView.Sample> {

	/** View id. */
	public static final String ID = "org.ksmstudio.ui.views.counters"; //$NON-NLS-1$
	/** Widget data keys (for tests). */
	public static final String COUNTERS_KEY = "org.ksmstudio.ui.counters.table"; //$NON-NLS-1$
	public static final String PROCESSES_KEY = "org.ksmstudio.ui.counters.processes"; //$NON-NLS-1$
	public static final String POLICY_KEY = "org.ksmstudio.ui.counters.policy"; //$NON-NLS-1$

	private static final int MAX_POINTS = 1500;
	private static final List<String> PAGES = List.of("pages_shared", "pages_sharing", "pages_unshared", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"pages_volatile"); //$NON-NLS-1$
	private static final List<String> TREE = List.of("stable_node_chains", "stable_node_dups"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final String PROFIT = "general_profit"; //$NON-NLS-1$
	private static final String CPU = "ksmd CPU %"; //$NON-NLS-1$

	/**
	 * What one sample shows: the snapshot, the engine's series (a constant-time view, also what the
	 * exports write), the charted points (downsampled) and ksmd's CPU share over time.
	 */
	public record Sample(KsmSnapshot snapshot, CounterSeries.View counterSeries, double[] times,
			Map<String, double[]> series, double[] cpuTimes, double[] cpuShare) {

		/** The series as samples, for an export. */
		public List<CounterSample> samples() {
			return counterSeries.samples();
		}
	}

	/** The view's widgets, made by {@link #createContents}. */
	private record Widgets(Label title, Combo policy, TableViewer counters, TableViewer processes, Composite charts,
			TimeSeriesChart pagesChart, TimeSeriesChart treeChart, TimeSeriesChart profitChart,
			TimeSeriesChart cpuChart) {
	}

	private @Nullable Widgets widgets;
	private @Nullable Sample last;
	/** Minimum time between two chart updates. */
	private static final long CHART_PERIOD_NANOS = 150_000_000L;
	private long chartsShown;
	private int nextChart;

	// ksmd CPU share series, kept by the sampler thread only

	@Override
	protected void createContents(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Composite header = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(header);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
		Label title = new Label(header, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).align(SWT.FILL, SWT.CENTER).applyTo(title);
		Combo policy = new Combo(header, SWT.READ_ONLY);
		policy.setData(POLICY_KEY, Boolean.TRUE);
		policy.setToolTipText(Messages.countersPolicy);
		GridDataFactory.swtDefaults().exclude(true).applyTo(policy);
		policy.setVisible(false);
		policy.addListener(SWT.Selection, e -> {
			ScenarioRun current = run();
			if (current != null) {
				current.follow(policy.getSelectionIndex());
			}
		});
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		CTabFolder tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.FLAT);
		CTabItem sysfsTab = new CTabItem(tabs, SWT.NONE);
		sysfsTab.setText(Messages.countersSysfsTab);
		CTabItem processTab = new CTabItem(tabs, SWT.NONE);
		processTab.setText(Messages.countersProcessesTab);
		TableViewer counters = table(tabs, COUNTERS_KEY,
				new String[] { Messages.countersName, Messages.countersValue }, new int[] { 60, 40 });
		column(counters, 0, e -> ((String[]) e)[0], true);
		column(counters, 1, e -> ((String[]) e)[1], true);
		ColumnViewerToolTipSupport.enableFor(counters);
		sysfsTab.setControl(counters.getControl().getParent());
		TableViewer processes = table(tabs, PROCESSES_KEY, new String[] { Messages.countersPid, Messages.countersProcess,
				"ksm_rmap_items", "ksm_merging_pages", "ksm_zero_pages", "ksm_process_profit", "merge_any", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"mergeable" }, new int[] { 7, 14, 14, 16, 13, 16, 10, 10 }); //$NON-NLS-1$
		NumberFormat n = NumberFormat.getIntegerInstance();
		column(processes, 0, e -> Integer.toString(((ProcessKsmStat) e).pid()), false);
		column(processes, 1, e -> ((ProcessKsmStat) e).name() + (((ProcessKsmStat) e).exited() ? " (exited)" : ""), //$NON-NLS-1$ //$NON-NLS-2$
				false);
		column(processes, 2, e -> n.format(((ProcessKsmStat) e).ksmRmapItems()), true);
		column(processes, 3, e -> n.format(((ProcessKsmStat) e).ksmMergingPages()), true);
		column(processes, 4, e -> n.format(((ProcessKsmStat) e).ksmZeroPages()), true);
		column(processes, 5, e -> n.format(((ProcessKsmStat) e).ksmProcessProfit()), true);
		column(processes, 6, e -> ((ProcessKsmStat) e).ksmMergeAny() ? "1" : "0", true); //$NON-NLS-1$ //$NON-NLS-2$
		column(processes, 7, e -> ((ProcessKsmStat) e).ksmMergeable() ? "1" : "0", true); //$NON-NLS-1$ //$NON-NLS-2$
		ColumnSorting.install(processes, List.of(by(ProcessKsmStat::pid), Comparator.comparing(
				(Object e) -> ((ProcessKsmStat) e).name()), by(ProcessKsmStat::ksmRmapItems), by(ProcessKsmStat::ksmMergingPages),
				by(ProcessKsmStat::ksmZeroPages), by(ProcessKsmStat::ksmProcessProfit), by(p -> p.ksmMergeAny() ? 1 : 0),
				by(p -> p.ksmMergeable() ? 1 : 0)));

		Composite charts = new Composite(sash, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(2, 2).applyTo(charts);
		TimeSeriesChart pagesChart = chart(charts, Messages.chartPages, Messages.chartPagesAxis, PAGES);
		TimeSeriesChart treeChart = chart(charts, Messages.chartStableTree, Messages.chartNodesAxis, TREE)
				.secondAxis("stable_node_chains", Messages.chartChainsAxis); //$NON-NLS-1$
		TimeSeriesChart profitChart = chart(charts, Messages.chartProfit, Messages.chartMiB, List.of(PROFIT));
		TimeSeriesChart cpuChart = chart(charts, Messages.chartCpu, Messages.chartPercent, List.of(CPU))
				.fixedYRange(0, 100);
		processTab.setControl(processes.getControl().getParent());
		tabs.setSelection(sysfsTab);
		sash.setWeights(new int[] { 34, 66 });
		widgets = new Widgets(title, policy, counters, processes, charts, pagesChart, treeChart, profitChart, cpuChart);
		createActions(charts);
	}

	/** The order of /proc/PID/ksm_stat rows by a number of theirs. */
	private static Comparator<Object> by(java.util.function.ToLongFunction<ProcessKsmStat> value) {
		return Comparator.comparingLong(e -> value.applyAsLong((ProcessKsmStat) e));
	}

	private static TimeSeriesChart chart(Composite parent, String title, String axis, List<String> names) {
		TimeSeriesChart chart = new TimeSeriesChart(parent, title, axis, names);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(chart.chart());
		return chart;
	}

	private static TableViewer table(Composite parent, String key, String[] titles, int[] weights) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer viewer = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.getTable().setData(key, Boolean.TRUE);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		for (int i = 0; i < titles.length; i++) {
			TableViewerColumn column = new TableViewerColumn(viewer, i == 0 ? SWT.LEFT : SWT.RIGHT);
			column.getColumn().setText(titles[i]);
			ColumnFit.weigh(layout, column.getColumn(), weights[i]);
		}
		return viewer;
	}

	private static void column(TableViewer viewer, int index, java.util.function.Function<Object, String> text,
			boolean monospace) {
		new TableViewerColumn(viewer, viewer.getTable().getColumn(index)).setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return text.apply(element);
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				return monospace ? JFaceResources.getTextFont() : null;
			}

			@Override
			@NonNullByDefault({})
			public String getToolTipText(Object element) {
				return element instanceof String[] row && row.length > 2 ? row[2] : null;
			}
		});
	}

	private void createActions(Composite charts) {
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		ExportActions.addCounterExports(menu, getSite().getShell(), this::run, () -> charts);
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.exportCountersCsv,
				org.eclipse.jface.resource.ImageDescriptor.createFromURL(CountersView.class.getResource("/icons/export.png"))) { //$NON-NLS-1$
			@Override
			public void run() {
				ExportActions.exportCounters(getSite().getShell(), CountersView.this.run(), "csv"); //$NON-NLS-1$
			}
		});
	}

	@Override
	protected @Nullable Control mainControl() {
		Widgets w = widgets;
		return w == null ? null : w.counters().getControl();
	}

	@Override
	protected Sample sample(ScenarioRun run, KsmSimulation simulation) {
		KsmSnapshot snapshot = simulation.snapshot();
		CounterSeries.View view = simulation.series();
		int stride = Math.max(1, (view.size() + MAX_POINTS - 1) / MAX_POINTS);
		int n = (view.size() + stride - 1) / stride;
		double[] times = new double[n];
		double[] cpuShare = new double[n];
		Map<String, double[]> series = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(PAGES);
		names.addAll(TREE);
		names.add(PROFIT);
		for (String name : names) {
			series.put(name, new double[n]);
		}
		for (int i = 0, j = 0; i < view.size(); i += stride, j++) {
			times[j] = view.timeNanos(i) / 1e9;
			// ksmd's CPU share since the previous charted point, from the series' CPU time column
			// (counted as ksmd spends it: never above one CPU)
			int previous = i - stride;
			long dt = view.timeNanos(i) - (previous < 0 ? 0 : view.timeNanos(previous));
			long busy = view.ksmdBusyNanos(i) - (previous < 0 ? 0 : view.ksmdBusyNanos(previous));
			cpuShare[j] = dt <= 0 ? 0 : 100.0 * busy / dt;
			for (String name : names) {
				double v = view.value(name, i);
				series.get(name)[j] = PROFIT.equals(name) ? v / (1 << 20) : v;
			}
		}
		return new Sample(snapshot, view, times, series, times, cpuShare);
	}

	@Override
	protected void show(@Nullable ScenarioRun run, @Nullable Sample sample) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		last = sample;
		showPolicies(w, run);
		if (run == null || sample == null) {
			w.title().setText(run == null ? Messages.countersNoRun : NLS.bind(Messages.tunablesStarting, run.name()));
			w.counters().setInput(new Object[0]);
			w.processes().setInput(new Object[0]);
			for (TimeSeriesChart chart : new TimeSeriesChart[] { w.pagesChart(), w.treeChart(), w.profitChart(),
					w.cpuChart() }) {
				chart.clear();
			}
			nextChart = 0;
			return;
		}
		KsmSnapshot snapshot = sample.snapshot();
		KsmCounters c = snapshot.counters();
		showTitle(w, run, snapshot);
		List<String[]> rows = new ArrayList<>();
		NumberFormat n = NumberFormat.getIntegerInstance();
		for (SysfsRow row : c.rows()) {
			if (!row.writable()) {
				rows.add(new String[] { row.fileName(), n.format(c.value(row)), Tunables.tooltip(row) });
			}
		}
		if (!(w.counters().getInput() instanceof List<?> shown && sameRows(shown, rows))) {
			w.counters().setInput(rows);
			ColumnFit.fit(w.counters().getTable());
		}
		if (!snapshot.processes().equals(w.processes().getInput())) {
			w.processes().setInput(snapshot.processes());
			ColumnFit.fit(w.processes().getTable());
		}
		updateOneChart(w, sample, !run.isActive());
	}

	/** Offers the run's policies when it compares several; the views show the chosen one. */
	private static void showPolicies(Widgets w, @Nullable ScenarioRun run) {
		Combo policy = w.policy();
		List<String> names = run == null ? List.of() : run.policies().stream().map(PolicyRun::policy).toList();
		boolean several = names.size() > 1;
		if (!names.equals(List.of(policy.getItems()))) {
			policy.setItems(names.toArray(String[]::new));
		}
		if (run != null && several && policy.getSelectionIndex() != run.policies().indexOf(run.followed())) {
			policy.select(run.policies().indexOf(run.followed()));
		}
		if (several != policy.getVisible()) {
			policy.setVisible(several);
			((org.eclipse.swt.layout.GridData) policy.getLayoutData()).exclude = !several;
			// the header grows to the combo's height: lay out the view, not only the header
			policy.getParent().getParent().layout(true, true);
		}
	}

	private static void showTitle(Widgets w, ScenarioRun run, KsmSnapshot snapshot) {
		showPolicies(w, run);
		w.title().setText(NLS.bind(Messages.countersTitle, new Object[] { run.name(), status(run),
				String.format("%.3f", snapshot.timeNanos() / 1e9), //$NON-NLS-1$
				String.format("%.2f", 100 * snapshot.ksmdCpuShare()) })); //$NON-NLS-1$
	}

	@Override
	protected void showStatus(ScenarioRun changed) {
		Widgets w = widgets;
		Sample shown = last;
		if (w != null && shown != null) {
			showTitle(w, changed, shown.snapshot());
		}
	}

	/**
	 * Redraws at most one chart per sample, the one shown longest ago, and none within
	 * {@link #CHART_PERIOD_NANOS} of the last: an SWTChart update lays the chart out again (tick
	 * labels), the costly part of this view on the UI thread. When the run has ended every chart
	 * catches up.
	 */
	private void updateOneChart(Widgets w, Sample sample, boolean all) {
		long now = System.nanoTime();
		if (!all && now - chartsShown < CHART_PERIOD_NANOS || !w.pagesChart().chart().isVisible()) {
			return;
		}
		chartsShown = now;
		int count = all ? 4 : 1;
		for (int i = 0; i < count; i++) {
			int which = nextChart;
			nextChart = (nextChart + 1) % 4;
			switch (which) {
				case 0 -> w.pagesChart().setData(sample.times(), sample.series());
				case 1 -> w.treeChart().setData(sample.times(), sample.series());
				case 2 -> w.profitChart().setData(sample.times(), sample.series());
				default -> w.cpuChart().setData(sample.cpuTimes(), Map.of(CPU, sample.cpuShare()));
			}
		}
	}

	private static boolean sameRows(List<?> shown, List<String[]> rows) {
		if (shown.size() != rows.size()) {
			return false;
		}
		for (int i = 0; i < rows.size(); i++) {
			if (!(shown.get(i) instanceof String[] row && java.util.Arrays.equals(row, rows.get(i)))) {
				return false;
			}
		}
		return true;
	}

	static String status(ScenarioRun run) {
		return switch (run.status()) {
			case STARTING -> Messages.statusStarting;
			case RUNNING -> Messages.statusRunning;
			case PAUSED -> Messages.statusPaused;
			case DONE -> Messages.statusDone;
			case CANCELLED -> Messages.statusCancelled;
			case FAILED -> NLS.bind(Messages.statusFailed, run.failure());
		};
	}

	@Override
	public void setFocus() {
		Widgets w = widgets;
		if (w != null) {
			w.counters().getControl().setFocus();
		}
	}

	/** Exposes the charts for PNG export and screenshots (none before the view has its widgets). */
	public List<Chart> charts() {
		Widgets w = widgets;
		return w == null ? List.of()
				: List.of(w.pagesChart().chart(), w.treeChart().chart(), w.profitChart().chart(), w.cpuChart().chart());
	}
}
