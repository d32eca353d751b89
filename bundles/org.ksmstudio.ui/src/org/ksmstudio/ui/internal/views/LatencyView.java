package org.ksmstudio.ui.internal.views;

import java.text.NumberFormat;
import java.util.ArrayList;
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
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.rmap.LatencyBuckets;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.ui.internal.export.ExportActions;
import org.ksmstudio.ui.internal.run.PolicyRun;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Latency of the reverse-map walks per NUMA node and operation (migration, compaction, reclaim,
 * ...): pages, p50, p99, max, longest walk and R-state stretch, IPIs, failures; when the run
 * compares policies, one line per policy under each node and operation (pages, KSM pages, p50, p99,
 * max, failures: as wide as the view, the rest is in the CSV export); the worst latency over time and the
 * histogram of the selected row as charts below; the memory each policy costs. Operations can be
 * issued on the running simulation from the view's menu.
 */
public class LatencyView extends RunView<LatencyView.Sample> {

	/** View id. */
	public static final String ID = "org.ksmstudio.ui.views.latency"; //$NON-NLS-1$
	/** Widget data keys (for tests). */
	public static final String TABLE_KEY = "org.ksmstudio.ui.latency.table"; //$NON-NLS-1$
	public static final String STATUS_KEY = "org.ksmstudio.ui.latency.status"; //$NON-NLS-1$
	public static final String HISTOGRAM_KEY = "org.ksmstudio.ui.latency.histogram"; //$NON-NLS-1$

	/** The report of every policy at one moment, and the worst-latency history of the primary policy. */
	public record Sample(List<@Nullable RmapReport> reports, double[] times, Map<String, double[]> worst) {
	}

	/** One line of the table: a row and the policy whose stats it shows. */
	private record Line(Row row, int policy) {
		@Nullable
		OperationStats stats() {
			return row.stats(policy);
		}
	}

	/** A node and an operation, with the stats of each policy (null where it has none). */
	private record Row(int node, RmapOperation operation, List<@Nullable OperationStats> stats) {
		/** The stats of policy {@code index}, null where it has none. */
		@Nullable
		OperationStats stats(int index) {
			return index < stats.size() ? stats.get(index) : null;
		}
	}

	/** The view's widgets, made by {@link #createContents}. */
	private record Widgets(Label status, TableViewer table, TableColumnLayout layout, TimeSeriesChart chart,
			LatencyHistogramChart histogram) {
	}

	private @Nullable Widgets widgets;
	private List<String> policies = List.of();
	private @Nullable Sample last;
	private long chartShown;
	private int chartPoints = -1;
	private final OperationActions operations = new OperationActions(this::run, this::operationDone);

	@Override
	protected void createContents(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Label status = new Label(parent, SWT.WRAP);
		status.setData(STATUS_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(100, SWT.DEFAULT).applyTo(status);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		Composite holder = new Composite(sash, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.getTable().setData(TABLE_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		SashForm charts = new SashForm(sash, SWT.HORIZONTAL);
		TimeSeriesChart chart = new TimeSeriesChart(charts, Messages.latencyChart, Messages.latencyChartAxis,
				List.of(Messages.latencyWorstMigration, Messages.latencyWorstStretch)).logScale().markPoints();
		LatencyHistogramChart histogram = new LatencyHistogramChart(charts);
		sash.setWeights(new int[] { 55, 45 });
		Widgets w = new Widgets(status, table, layout, chart, histogram);
		widgets = w;
		table.addSelectionChangedListener(e -> showHistogram(w));
		rebuildColumns(w, List.of("stock")); //$NON-NLS-1$
		IMenuManager menu = getViewSite().getActionBars().getMenuManager();
		operations.fill(menu, getSite().getShell(), getSite().getPage());
		menu.add(new Action(Messages.exportLatencyCsv) {
			@Override
			public void run() {
				exportCsv();
			}
		});
	}

	private void rebuildColumns(Widgets w, List<String> newPolicies) {
		TableViewer table = w.table();
		policies = List.copyOf(newPolicies);
		// rows of the previous run have one cell per policy of that run: never show them under new columns
		table.setInput(new Object[0]);
		for (TableColumn column : table.getTable().getColumns()) {
			column.dispose();
		}
		column(w, Messages.latencyNode, 5, l -> Integer.toString(l.row().node()));
		column(w, Messages.latencyOperation, 13, l -> l.row().operation().label());
		boolean compared = policies.size() > 1;
		if (compared) {
			column(w, Messages.latencyPolicy, 12, l -> policies.get(l.policy()));
		}
		column(w, Messages.latencyPages, 9, l -> count(l.stats(), OperationStats::count));
		column(w, Messages.latencyKsmPages, 9, l -> count(l.stats(), OperationStats::ksmPages));
		column(w, Messages.latencyP50, 9, l -> time(l.stats(), OperationStats::p50Nanos));
		column(w, Messages.latencyP99, 9, l -> time(l.stats(), OperationStats::p99Nanos));
		column(w, Messages.latencyMax, 9, l -> time(l.stats(), OperationStats::maxNanos));
		if (!compared) { // a line per policy has no room for these: they are in the CSV export
			column(w, Messages.latencyLongestWalk, 10, l -> time(l.stats(), OperationStats::longestWalkNanos));
			column(w, Messages.latencyStretch, 10, l -> time(l.stats(), OperationStats::longestStretchNanos));
			column(w, Messages.latencyIpis, 8, l -> count(l.stats(), OperationStats::ipis));
		}
		column(w, Messages.latencyFailures, 8, l -> count(l.stats(), OperationStats::failures));
		table.getTable().getParent().layout(true);
		table.refresh();
		ColumnFit.fit(table.getTable());
	}

	private static void column(Widgets w, String title, int weight, java.util.function.Function<Line, String> text) {
		TableViewerColumn column = new TableViewerColumn(w.table(), SWT.RIGHT);
		column.getColumn().setText(title);
		ColumnFit.weigh(w.layout(), column.getColumn(), weight);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return text.apply((Line) element);
			}

			@Override
			@NonNullByDefault({})
			public Font getFont(Object element) {
				return JFaceResources.getTextFont();
			}
		});
	}

	private static String time(@Nullable OperationStats s, java.util.function.ToLongFunction<OperationStats> f) {
		return s == null ? "" : WalkCost.duration(f.applyAsLong(s)); //$NON-NLS-1$
	}

	private static String count(@Nullable OperationStats s, java.util.function.ToLongFunction<OperationStats> f) {
		return s == null ? "" : NumberFormat.getIntegerInstance().format(f.applyAsLong(s)); //$NON-NLS-1$
	}

	@Override
	protected @Nullable Control mainControl() {
		Widgets w = widgets;
		return w == null ? null : w.table().getControl();
	}

	@Override
	protected Sample sample(ScenarioRun run, KsmSimulation simulation) {
		List<@Nullable RmapReport> reports = new ArrayList<>();
		for (PolicyRun policy : run.policies()) {
			KsmSimulation s = policy.simulation();
			reports.add(s == null ? null : s.rmapReport());
		}
		KsmSimulation primary = run.policies().get(0).simulation();
		List<OperationResult> operations = primary == null ? List.of() : primary.rmapOperations();
		return worstOverTime(reports, operations);
	}

	/**
	 * The worst page migration latency and the longest R-state stretch so far, after each operation of
	 * the engine's history (whether or not the view was open while they ran), up to the report's time.
	 */
	static Sample worstOverTime(List<@Nullable RmapReport> reports, List<OperationResult> operations) {
		int n = operations.size();
		RmapReport primary = reports.get(0);
		double[] times = new double[n + 1];
		double[] worst = new double[n + 1];
		double[] stretch = new double[n + 1];
		double migration = 0;
		double longest = 0;
		for (int i = 0; i < n; i++) {
			OperationResult r = operations.get(i);
			if (r.operation().migrates()) {
				migration = Math.max(migration, r.latencyNanos() / 1e6);
			}
			longest = Math.max(longest, r.longestStretchNanos() / 1e6);
			times[i] = (r.startNanos() + r.latencyNanos()) / 1e9;
			worst[i] = migration;
			stretch[i] = longest;
		}
		times[n] = Math.max(n == 0 ? 0 : times[n - 1], primary == null ? 0 : primary.timeNanos() / 1e9);
		worst[n] = migration;
		stretch[n] = longest;
		Map<String, double[]> series = new LinkedHashMap<>();
		series.put(Messages.latencyWorstMigration, worst);
		series.put(Messages.latencyWorstStretch, stretch);
		return new Sample(reports, times, series);
	}

	@Override
	protected void show(@Nullable ScenarioRun run, @Nullable Sample sample) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		TableViewer table = w.table();
		Label status = w.status();
		TimeSeriesChart chart = w.chart();
		last = sample;
		List<String> names = run == null ? List.of("stock") //$NON-NLS-1$
				: run.policies().stream().map(PolicyRun::policy).toList();
		if (!names.equals(policies)) {
			rebuildColumns(w, names);
		}
		if (run == null || sample == null) {
			status.setText(run == null ? Messages.countersNoRun : NLS.bind(Messages.tunablesStarting, run.name()));
			table.setInput(new Object[0]);
			chart.clear();
			chartPoints = -1;
			return;
		}
		List<Line> lines = lines(rows(sample.reports()));
		if (!lines.equals(table.getInput())) {
			table.setInput(lines);
			ColumnFit.fit(table.getTable());
		}
		long now = System.nanoTime();
		if ((now - chartShown > 500_000_000L || !run.isActive()) && chart.chart().isVisible()
				&& sample.times().length != chartPoints) {
			chartShown = now;
			chartPoints = sample.times().length;
			chart.setData(sample.times(), sample.worst());
		}
		showHistogram(w);
		String text = memory(run, sample.reports());
		if (!text.equals(status.getText())) {
			status.setText(text);
			if (status.computeSize(status.getSize().x, SWT.DEFAULT).y != status.getSize().y) {
				status.getParent().layout(true); // the table moves only when the wrapped text needs more or fewer lines
			}
		}
	}

	/** The histogram of the selected row, else of the first migrating row, else of the first row. */
	private void showHistogram(Widgets w) {
		TableViewer table = w.table();
		LatencyHistogramChart histogram = w.histogram();
		Sample sample = last;
		List<Row> rows = table.getInput() instanceof List<?> list
				? list.stream().map(l -> ((Line) l).row()).distinct().toList() : List.of();
		if (sample == null || rows.isEmpty()) {
			histogram.show(Messages.latencyHistogramNone, policies, List.of());
			return;
		}
		Row row = table.getStructuredSelection().getFirstElement() instanceof Line l ? l.row() : null;
		for (int i = 0; row == null && i < rows.size(); i++) {
			row = rows.get(i).operation().migrates() ? rows.get(i) : null;
		}
		Row shown = row == null ? rows.get(0) : row;
		List<@Nullable LatencyBuckets> buckets = new ArrayList<>();
		for (RmapReport report : sample.reports()) {
			buckets.add(report == null ? null : report.histogram(shown.node(), shown.operation()));
		}
		histogram.show(NLS.bind(Messages.latencyHistogram, shown.node(), shown.operation().label()), policies,
				buckets);
	}

	/** The bar series of the latency histogram as "policy=pages", and its title (for tests). */
	public List<String> histogramSeries() {
		Widgets w = widgets;
		if (w == null) {
			return List.of();
		}
		List<String> list = new ArrayList<>(w.histogram().seriesSummary());
		list.add(0, w.histogram().chart().getTitle().getText());
		return list;
	}

	/** One line per row and policy (of the policies with stats for it, when there are several). */
	private List<Line> lines(List<Row> rows) {
		List<Line> lines = new ArrayList<>();
		for (Row row : rows) {
			for (int p = 0; p < policies.size(); p++) {
				if (policies.size() == 1 || row.stats(p) != null) {
					lines.add(new Line(row, p));
				}
			}
		}
		return lines;
	}

	private List<Row> rows(List<@Nullable RmapReport> reports) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (int p = 0; p < reports.size(); p++) {
			RmapReport report = reports.get(p);
			if (report == null) {
				continue;
			}
			for (OperationStats s : report.operations()) {
				String key = s.node() + "/" + s.operation(); //$NON-NLS-1$
				Row row = rows.computeIfAbsent(key, k -> new Row(s.node(), s.operation(),
						new ArrayList<>(java.util.Collections.nCopies(reports.size(), (OperationStats) null))));
				row.stats().set(p, s);
			}
		}
		List<Row> sorted = new ArrayList<>(rows.values());
		sorted.sort(java.util.Comparator.comparingInt(Row::node).thenComparing(Row::operation));
		return sorted;
	}

	private String memory(ScenarioRun run, List<@Nullable RmapReport> reports) {
		List<String> parts = new ArrayList<>();
		for (RmapReport report : reports) {
			if (report != null) {
				parts.add(Messages.format(Messages.latencyMemory, new Object[] { report.policy(),
						report.memory().ksmPages(), report.memory().extraDupPages(),
						report.memory().generalProfit() >> 20 }));
			}
		}
		String operation = operations.lastResult(run);
		return String.join("   ", parts) + (operation == null ? "" : "\n" + operation); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private void operationDone() {
		sampleSoon();
	}

	/** The columns of the latency CSV export. */
	static final List<String> LATENCY_CSV_HEADER = List.of("policy", "node", "operation", "pages", "ksm_pages", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"p50_ns", "p99_ns", "max_ns", "longest_walk_ns", "longest_stretch_ns", "ipis", "failures"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

	private void exportCsv() {
		Sample sample = last;
		if (sample == null) {
			return;
		}
		ExportActions.saveText(getSite().getShell(), "ksm-latency.csv", out -> { //$NON-NLS-1$
			List<List<Object>> rows = new ArrayList<>();
			for (RmapReport report : sample.reports()) {
				if (report == null) {
					continue;
				}
				for (OperationStats s : report.operations()) {
					rows.add(List.of(report.policy(), s.node(), s.operation().label(), s.count(), s.ksmPages(),
							s.p50Nanos(), s.p99Nanos(), s.maxNanos(), s.longestWalkNanos(), s.longestStretchNanos(),
							s.ipis(), s.failures()));
				}
			}
			CsvTables.write(out, LATENCY_CSV_HEADER, rows);
		});
	}

	/** The cell texts of the table, row by row (for tests and export checks). */
	public List<List<String>> cellTexts() {
		List<List<String>> texts = new ArrayList<>();
		Widgets w = widgets;
		if (w == null) {
			return texts;
		}
		for (org.eclipse.swt.widgets.TableItem item : w.table().getTable().getItems()) {
			List<String> row = new ArrayList<>();
			for (int c = 0; c < w.table().getTable().getColumnCount(); c++) {
				row.add(item.getText(c));
			}
			texts.add(row);
		}
		return texts;
	}

	@Override
	public void setFocus() {
		Widgets w = widgets;
		if (w != null) {
			w.table().getControl().setFocus();
		}
	}
}
