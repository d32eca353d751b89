package org.ksmstudio.live.ui.internal.views;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
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
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.sysfs.KsmSampler;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.live.ui.internal.PendingRestore;
import org.ksmstudio.ui.internal.views.ColumnFit;
import org.ksmstudio.ui.internal.views.TimeSeriesChart;

/**
 * The running kernel's KSM: every file of /sys/kernel/mm/ksm (tunables and counters) and every
 * process's /proc/PID/ksm_stat, sampled every second off the UI thread by a {@link KsmSampler},
 * with charts of the sharing counters, the stable tree, general_profit and ksmd's scan rate.
 * Read only; says what this process may do (read only, writable as root, absent) and which files
 * this kernel lacks.
 */
public final class LiveView extends ViewPart {

	/** View id, as in plugin.xml. */
	public static final String ID = "org.ksmstudio.live.ui.views.live"; //$NON-NLS-1$
	/** Widget data keys, for tests. */
	public static final String STATUS_KEY = "org.ksmstudio.live.ui.live.status"; //$NON-NLS-1$
	public static final String FILES_MESSAGE_KEY = "org.ksmstudio.live.ui.live.files"; //$NON-NLS-1$
	public static final String SYSFS_TABLE_KEY = "org.ksmstudio.live.ui.live.sysfs"; //$NON-NLS-1$
	public static final String PROCESS_TABLE_KEY = "org.ksmstudio.live.ui.live.processes"; //$NON-NLS-1$
	public static final String PROCESS_MESSAGE_KEY = "org.ksmstudio.live.ui.live.processMessage"; //$NON-NLS-1$

	private static final Duration INTERVAL = Duration.ofSeconds(1);
	private static final int KEPT_SAMPLES = 3600;

	private final AtomicReference<@Nullable LiveState> pending = new AtomicReference<>();
	private final AtomicBoolean updateScheduled = new AtomicBoolean();
	private final Consumer<String> restoreListener = message -> schedule(null);
	private final LiveSources sources = LiveSources.current();
	private final KsmSysfs sysfs = sources.sysfs();
	private final KsmSampler sampler = new KsmSampler(sysfs, sources.processes(), INTERVAL, KEPT_SAMPLES);

	private @Nullable Display display;
	private @Nullable Widgets widgets;

	/** What {@link #update()} fills, made by {@link #createPartControl}. */
	private record Widgets(Label status, Label filesMessage, Label processMessage, TableViewer files,
			TableViewer processes, List<TimeSeriesChart> charts) {
	}

	@Override
	@NonNullByDefault({})
	public void createPartControl(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Label status = label(parent, STATUS_KEY);
		status.setText(sysfs.access().message());
		Label filesMessage = label(parent, FILES_MESSAGE_KEY);

		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		SashForm tables = new SashForm(sash, SWT.VERTICAL);
		TableViewer files = table(tables, SYSFS_TABLE_KEY, new String[] { Messages.liveFile, Messages.liveValue,
				Messages.liveRate, Messages.liveKind, Messages.liveDefault }, new int[] { 36, 18, 18, 14, 14 });
		column(files, 0, r -> ((SysfsRow) r).file(), false);
		column(files, 1, r -> ((SysfsRow) r).value(), true);
		column(files, 2, r -> ((SysfsRow) r).rate(), true);
		column(files, 3, r -> ((SysfsRow) r).kind(), false);
		column(files, 4, r -> ((SysfsRow) r).defaultValue(), true);

		Composite processHolder = new Composite(tables, SWT.NONE);
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(processHolder);
		Label processMessage = label(processHolder, PROCESS_MESSAGE_KEY);
		TableViewer processes = table(processHolder, PROCESS_TABLE_KEY, new String[] { Messages.livePid,
				Messages.liveCommand, "ksm_rmap_items", "ksm_merging_pages", "ksm_zero_pages", "ksm_process_profit", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"ksm_merge_any", "ksm_mergeable" }, new int[] { 8, 16, 13, 14, 12, 15, 11, 11 }); //$NON-NLS-1$ //$NON-NLS-2$
		GridDataFactory.fillDefaults().grab(true, true).applyTo(processes.getTable().getParent());
		column(processes, 0, p -> Integer.toString(((ProcessKsmStat) p).pid()), true);
		column(processes, 1, p -> ((ProcessKsmStat) p).command(), false);
		column(processes, 2, p -> number(((ProcessKsmStat) p).rmapItems()), true);
		column(processes, 3, p -> number(((ProcessKsmStat) p).mergingPages()), true);
		column(processes, 4, p -> number(((ProcessKsmStat) p).zeroPages()), true);
		column(processes, 5, p -> number(((ProcessKsmStat) p).processProfit()), true);
		column(processes, 6, p -> ((ProcessKsmStat) p).mergeAny() ? Messages.liveYes : Messages.liveNo, false);
		column(processes, 7, p -> ((ProcessKsmStat) p).mergeable() ? Messages.liveYes : Messages.liveNo, false);
		tables.setWeights(new int[] { 72, 28 });

		Composite chartArea = new Composite(sash, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).spacing(2, 2).applyTo(chartArea);
		// made in the order they are laid out: pages, stable tree; profit, scanning
		TimeSeriesChart pages = chart(chartArea, Messages.liveChartPages, Messages.liveAxisPages,
				LiveState.PAGES.stream().map(KsmSysfsFile::fileName).toList());
		TimeSeriesChart tree = chart(chartArea, Messages.liveChartTree, Messages.liveAxisDups,
				LiveState.TREE.stream().map(KsmSysfsFile::fileName).toList())
				.secondAxis(KsmSysfsFile.STABLE_NODE_CHAINS.fileName(), Messages.liveAxisChains);
		TimeSeriesChart profit = chart(chartArea, Messages.liveChartProfit, Messages.liveAxisMiB,
				List.of(LiveState.PROFIT));
		TimeSeriesChart scan = chart(chartArea, Messages.liveChartScan, Messages.liveAxisPerSecond,
				List.of(LiveState.SCAN_RATE));
		sash.setWeights(new int[] { 50, 50 });
		widgets = new Widgets(status, filesMessage, processMessage, files, processes,
				List.of(pages, tree, profit, scan));

		sampler.addListener(tick -> schedule(LiveState.of(sysfs, tick, sampler.series())));
		sampler.addErrorListener(e -> schedule(LiveState.failed(sysfs, e.getMessage())));
		sampler.start();
		getViewSite().getActionBars().getMenuManager().add(pauseAction());

		PendingRestore.addListener(restoreListener);
		Job recovery = Job.create(Messages.restorePendingJob, monitor -> {
			PendingRestore.recoverOnce(sources);
		});
		recovery.setSystem(true);
		recovery.schedule();
	}

	private IAction pauseAction() {
		return new Action(Messages.livePause, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				if (isChecked()) {
					sampler.close();
				} else {
					sampler.start();
				}
			}
		};
	}

	/** Hands a new state to the UI thread; several states arriving before it runs coalesce into the latest. */
	private void schedule(@Nullable LiveState state) {
		if (state != null) {
			pending.set(state);
		}
		Display shown = display;
		if (shown != null && !shown.isDisposed() && updateScheduled.compareAndSet(false, true)) {
			shown.asyncExec(this::update);
		}
	}

	private void update() {
		updateScheduled.set(false);
		Widgets shown = widgets;
		if (shown == null || shown.status().isDisposed()) {
			return;
		}
		Label status = shown.status();
		LiveState state = pending.get();
		String restore = PendingRestore.message().map(m -> "\n" + m).orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
		if (state == null) {
			status.setText(sysfs.access().message() + restore);
			status.getParent().layout(true);
			return;
		}
		String error = state.error() == null ? "" : "\n" + NLS.bind(Messages.liveSamplingFailed, state.error()); //$NON-NLS-1$ //$NON-NLS-2$
		status.setText(state.access().message() + error + restore);
		status.setForeground(state.error() != null || !state.access().canRead()
				? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
		shown.filesMessage().setText(state.filesMessage());
		shown.processMessage().setText(state.processMessage());
		shown.files().setInput(state.rows());
		shown.processes().setInput(state.processes());
		ColumnFit.fit(shown.files().getTable());
		ColumnFit.fit(shown.processes().getTable());
		for (TimeSeriesChart chart : shown.charts()) {
			chart.setData(state.times(), state.series());
		}
		status.getParent().layout(true);
	}

	private static Label label(Composite parent, String key) {
		Label label = new Label(parent, SWT.WRAP);
		label.setData(key, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).hint(200, SWT.DEFAULT).applyTo(label);
		return label;
	}

	private static TimeSeriesChart chart(Composite parent, String title, String axis, List<String> names) {
		TimeSeriesChart chart = new TimeSeriesChart(parent, title, axis, names).xTitle(Messages.liveAxisTime);
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

	private static void column(TableViewer viewer, int index, Function<Object, String> text, boolean monospace) {
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
			public Color getForeground(Object element) {
				return element instanceof SysfsRow row && row.kind().equals(Messages.liveUnknown)
						? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
			}
		});
	}

	private static String number(long value) {
		return value == ProcessKsmStat.NOT_REPORTED ? Messages.liveNotReported : Long.toString(value);
	}

	/** The sampler (tests read its series). */
	public KsmSampler sampler() {
		return sampler;
	}

	/** The directory shown. */
	public KsmSysfs sysfs() {
		return sysfs;
	}

	@Override
	public void setFocus() {
		Widgets shown = widgets;
		if (shown != null) {
			shown.files().getControl().setFocus();
		}
	}

	@Override
	public void dispose() {
		PendingRestore.removeListener(restoreListener);
		sampler.close();
		super.dispose();
	}
}
