package org.ksmstudio.ui.internal.views;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyTreeContentProvider;
import org.eclipse.jface.viewers.ITreeViewerListener;
import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.TreeExpansionEvent;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.ProcessRmapCount;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.RmapTree.Chain;
import org.ksmstudio.ui.internal.views.RmapTree.Dup;
import org.ksmstudio.ui.internal.views.RmapTree.Group;
import org.ksmstudio.ui.internal.views.RmapTree.Item;
import org.ksmstudio.ui.internal.views.RmapTree.Loading;
import org.ksmstudio.ui.internal.views.RmapTree.PageRequest;

/**
 * The stable tree of the followed run: chains (content, dups) → dups (KSM page, node, rmap items,
 * fill against max_page_sharing as a bar) → processes with their whole count of rmap items → every
 * rmap item. Most shared first, filterable; a lazy (virtual) tree, so every dup, process and rmap item
 * of the first 1,000 stable nodes is reachable (the filter reaches the others) while only the visible
 * rows are widgets. Selecting a dup shows what walking it costs.
 */
public class RmapChainsView extends RunView<RmapTree> {

	/** View id. */
	public static final String ID = "org.ksmstudio.ui.views.rmapChains"; //$NON-NLS-1$
	/** Widget data keys (for tests). */
	public static final String TREE_KEY = "org.ksmstudio.ui.rmap.tree"; //$NON-NLS-1$
	public static final String FILTER_KEY = "org.ksmstudio.ui.rmap.filter"; //$NON-NLS-1$
	public static final String DETAIL_KEY = "org.ksmstudio.ui.rmap.detail"; //$NON-NLS-1$
	public static final String SUMMARY_KEY = "org.ksmstudio.ui.rmap.summary"; //$NON-NLS-1$

	private static final RGB FILL = new RGB(74, 144, 217);
	private static final RGB FULL = new RGB(217, 119, 38);

	private final Set<Integer> expanded = ConcurrentHashMap.newKeySet();
	/** Pages of rmap items the virtual tree showed, most recent last (at most {@link #MAX_PAGES}). */
	private final Set<PageRequest> pages = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
	private static final int MAX_PAGES = 64;
	// per-process counts of the dups, kept by the sampler thread only
	private final Map<Long, List<ProcessRmapCount>> counts = new java.util.HashMap<>();
	private @Nullable ScenarioRun countsRun;
	private volatile String filter = ""; //$NON-NLS-1$
	private volatile int selectedKpfn = -1;
	/** The KSM page frame {@link #reveal} asked for, until it is selected; -1 when none. */
	private volatile int revealKpfn = -1;
	// walk cost of the selected dup, kept by the sampler thread only
	private long walkKey = -1;
	private @Nullable ScenarioRun walkRun;
	private @Nullable String walkText;
	private final Holder holder = new Holder();

	/** The view's widgets, made by {@link #createContents}. */
	private record Widgets(Text filterText, Label summary, TreeViewer tree, Text detail) {
	}

	private @Nullable Widgets widgets;

	/** The viewer's input: the sample shown, replaced in place so that refresh() keeps the tree items. */
	private static final class Holder {
		@Nullable
		RmapTree data;

		long signature() {
			RmapTree shown = data;
			return shown == null ? 0 : shown.signature;
		}
	}

	@Override
	protected void createContents(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		Text filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.rmapFilter);
		filterText.setData(FILTER_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		filterText.addListener(SWT.Modify, e -> {
			filter = filterText.getText().strip().toLowerCase(Locale.ROOT);
			sampleSoon();
		});
		Label summary = new Label(parent, SWT.WRAP);
		summary.setData(SUMMARY_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).hint(100, SWT.DEFAULT).applyTo(summary);

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		Composite holder = new Composite(sash, SWT.NONE);
		TreeColumnLayout layout = new TreeColumnLayout();
		holder.setLayout(layout);
		TreeViewer tree = new TreeViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.VIRTUAL);
		tree.getTree().setHeaderVisible(true);
		tree.getTree().setData(TREE_KEY, Boolean.TRUE);
		tree.setUseHashlookup(true);
		tree.setContentProvider(new Content(tree, this::pageShown));
		column(tree, layout, Messages.rmapNode, 48, SWT.LEFT, new Labels(0));
		column(tree, layout, Messages.rmapItems, 16, SWT.RIGHT, new Labels(1));
		TreeViewerColumn fill = column(tree, layout, Messages.rmapFill, 26, SWT.LEFT, null);
		fill.setLabelProvider(new FillBar());
		column(tree, layout, Messages.rmapNumaNode, 8, SWT.RIGHT, new Labels(3));
		ColumnFit.fitHeaders(tree.getTree());
		tree.addTreeListener(new ITreeViewerListener() {
			@Override
			@NonNullByDefault({})
			public void treeExpanded(TreeExpansionEvent event) {
				if (event.getElement() instanceof Dup dup) {
					expanded.add(dup.view().kpfn());
					sampleSoon();
				}
			}

			@Override
			@NonNullByDefault({})
			public void treeCollapsed(TreeExpansionEvent event) {
				if (event.getElement() instanceof Dup dup) {
					expanded.remove(dup.view().kpfn());
					pages.removeIf(p -> p.kpfn() == dup.view().kpfn());
				}
			}
		});
		Text detail = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		detail.setData(DETAIL_KEY, Boolean.TRUE);
		tree.addSelectionChangedListener(e -> showDetail(detail, tree.getStructuredSelection().getFirstElement()));
		sash.setWeights(new int[] { 80, 20 });
		widgets = new Widgets(filterText, summary, tree, detail);
	}

	private static TreeViewerColumn column(TreeViewer tree, TreeColumnLayout layout, String title, int weight,
			int style, @Nullable ColumnLabelProvider labels) {
		TreeViewerColumn column = new TreeViewerColumn(tree, style);
		column.getColumn().setText(title);
		ColumnFit.weigh(layout, column.getColumn(), weight);
		if (labels != null) {
			column.setLabelProvider(labels);
		}
		return column;
	}

	@Override
	protected @Nullable Control mainControl() {
		Widgets w = widgets;
		return w == null ? null : w.tree().getControl();
	}

	@Override
	protected long samplePeriodMillis() {
		return 500;
	}

	@Override
	protected RmapTree sample(ScenarioRun run, KsmSimulation simulation) {
		if (countsRun != run) {
			countsRun = run;
			counts.clear();
		}
		List<PageRequest> wanted;
		synchronized (pages) {
			wanted = List.copyOf(pages);
		}
		RmapTree tree = RmapTree.read(simulation, filter, expanded, new java.util.HashSet<>(wanted),
				selectedKpfn, counts);
		if (counts.size() > 4 * Math.max(1, expanded.size())) {
			counts.clear(); // keys of dups whose count changed: read again next time
		}
		DupView dup = tree.selectedDup;
		if (dup != null) {
			// the walk cost reads every rmap item of the dup: only again when the dup changed
			long key = (long) dup.kpfn() << 32 | dup.rmapItemCount();
			String text = walkText;
			if (key != walkKey || run != walkRun) {
				text = WalkCost.describe(simulation, dup);
				walkText = text;
				boolean read = !Messages.rmapWalkChanged.equals(text);
				walkKey = read ? key : -1;
				walkRun = run;
			}
			tree.selectedDetail = text;
		}
		return tree;
	}

	@Override
	protected void show(@Nullable ScenarioRun run, @Nullable RmapTree data) {
		Widgets w = widgets;
		if (w == null) {
			return;
		}
		TreeViewer tree = w.tree();
		if (run == null || data == null) {
			setSummary(w, run == null ? Messages.countersNoRun : NLS.bind(Messages.tunablesStarting, run.name()));
			holder.data = null;
			tree.setInput(null);
			w.detail().setText(""); //$NON-NLS-1$
			return;
		}
		showSummary(w, run, data);
		if (tree.getInput() != holder) {
			tree.setInput(holder);
		}
		if (data.signature != holder.signature()) {
			holder.data = data;
			tree.getTree().setRedraw(false);
			try {
				tree.refresh();
			} finally {
				tree.getTree().setRedraw(true);
			}
		}
		if (revealKpfn >= 0) {
			revealNow(w, data, revealKpfn);
		}
		String selectedDetail = data.selectedDetail;
		if (selectedDetail != null) {
			w.detail().setText(selectedDetail);
		}
	}

	/**
	 * Selects the KSM page of frame {@code kpfn} (a dup of a chain, or the page of a regular stable
	 * node), for example the one a migration walked, and shows what walking it costs. When it is not
	 * among the stable nodes shown, the filter is set to its pfn.
	 */
	public void reveal(int kpfn) {
		revealKpfn = kpfn;
		sampleSoon();
	}

	private void revealNow(Widgets w, RmapTree data, int kpfn) {
		for (int i = 0; i < Math.min(Content.ROOT_ROWS, data.chains.size()); i++) {
			Chain chain = data.chains.get(i);
			for (Dup dup : chain.dups()) {
				if (dup.view().kpfn() == kpfn) {
					revealKpfn = -1;
					w.tree().setSelection(new TreeSelection(new TreePath(new Object[] { chain, dup })), true);
					return;
				}
			}
		}
		String pfn = RmapTree.pfn(kpfn);
		if (w.filterText().getText().equals(pfn)) {
			revealKpfn = -1; // the page is gone (unmerged or freed since it was walked)
			w.detail().setText(NLS.bind(Messages.rmapRevealGone, pfn));
		} else {
			w.filterText().setText(pfn); // the next sample shows it
		}
	}

	private static void showSummary(Widgets w, ScenarioRun run, RmapTree data) {
		NumberFormat n = NumberFormat.getIntegerInstance();
		setSummary(w, Messages.format(data.truncated ? Messages.rmapSummaryTruncated : Messages.rmapSummary,
				new Object[] { data.totalEntries,
						data.maxPageSharing == 0 ? Messages.rmapNoLimit : n.format(data.maxPageSharing),
						CountersView.status(run) }));
	}

	/** Shows {@code text} above the tree, wrapped; the tree moves only when the number of lines changes. */
	private static void setSummary(Widgets w, String text) {
		Label summary = w.summary();
		if (text.equals(summary.getText())) {
			return;
		}
		summary.setText(text);
		if (summary.computeSize(summary.getSize().x, SWT.DEFAULT).y != summary.getSize().y) {
			summary.getParent().layout(true);
		}
	}

	@Override
	protected void showStatus(ScenarioRun changed) {
		Widgets w = widgets;
		RmapTree shown = holder.data;
		if (w != null && shown != null) {
			showSummary(w, changed, shown);
		}
	}

	private void showDetail(Text detail, @Nullable Object element) {
		int kpfn = element instanceof Dup dup ? dup.view().kpfn() : -1;
		if (kpfn != selectedKpfn) {
			selectedKpfn = kpfn;
			if (kpfn >= 0) {
				detail.setText(Messages.rmapWalkComputing);
				sampleSoon();
			}
		}
		if (element instanceof Dup) {
			return;
		} else if (element instanceof Chain chain) {
			detail.setText(Messages.format(Messages.rmapChainDetail, new Object[] { RmapTree.contentLabel(chain.contentId()),
					chain.dups().size(), chain.rmapItems() }));
		} else {
			detail.setText(""); //$NON-NLS-1$
		}
	}

	/** The virtual tree shows an rmap item whose page is not read yet: read it with the next sample. */
	private void pageShown(PageRequest request) {
		synchronized (pages) {
			if (pages.remove(request) || pages.add(request)) {
				pages.add(request); // most recent last
			}
			while (pages.size() > MAX_PAGES) {
				pages.remove(pages.iterator().next());
			}
		}
		sampleSoon();
	}

	@Override
	public void setFocus() {
		Widgets w = widgets;
		if (w != null) {
			w.tree().getControl().setFocus();
		}
	}

	/**
	 * The lazy tree of a sample: chains, then dups, then processes (with whole counts), then every rmap
	 * item of the process; only the rows the virtual tree shows are asked for.
	 */
	private static final class Content implements ILazyTreeContentProvider {
		/**
		 * Stable nodes shown at the top level, most shared first: inserting hundreds of thousands of rows
		 * into the native tree would hold the UI thread; the filter reaches the others.
		 */
		static final int ROOT_ROWS = 1000;

		private final TreeViewer viewer;
		private final java.util.function.Consumer<PageRequest> pageShown;
		private @Nullable Holder holder;

		Content(TreeViewer viewer, java.util.function.Consumer<PageRequest> pageShown) {
			this.viewer = viewer;
			this.pageShown = pageShown;
		}

		@Override
		@NonNullByDefault({})
		public void inputChanged(org.eclipse.jface.viewers.Viewer v, Object oldInput, Object newInput) {
			holder = newInput instanceof Holder h ? h : null;
		}

		@Override
		@NonNullByDefault({})
		public void updateElement(Object parent, int index) {
			Object child = child(parent, index);
			if (child == null) {
				return;
			}
			viewer.replace(parent, index, child);
			viewer.setChildCount(child, count(child));
		}

		@Override
		@NonNullByDefault({})
		public void updateChildCount(Object element, int currentChildCount) {
			long n = count(element);
			if (n != currentChildCount) {
				viewer.setChildCount(element, (int) n);
			}
		}

		private @Nullable Object child(Object parent, int index) {
			Holder input = holder;
			RmapTree data = input == null ? null : input.data;
			if (data == null) {
				return null;
			}
			if (parent instanceof Holder) {
				int shown = Math.min(ROOT_ROWS, data.chains.size());
				return index < shown ? data.chains.get(index)
						: index == shown && data.chains.size() > shown ? new MoreNodes(data.chains.size() - shown) : null;
			}
			if (parent instanceof Chain chain) {
				Chain now = current(data, chain);
				return now != null && index < chain.dups().size() ? now.dups().get(index) : null;
			}
			if (parent instanceof Dup dup) {
				Dup now = current(data, dup);
				List<Group> groups = now == null ? null : now.groups();
				if (groups == null) {
					return index == 0 ? new Loading(dup) : null;
				}
				return index < groups.size() ? groups.get(index) : null;
			}
			if (parent instanceof Group group) {
				Group now = current(data, group);
				if (now == null || index >= now.count()) {
					return null;
				}
				RmapItemView view = now.item(index);
				if (view == null) {
					pageShown.accept(new PageRequest(now.kpfn(), now.pid(), index / RmapTree.PAGE));
				}
				return new Item(now, index, view);
			}
			return null;
		}

		/** How many children {@code element} has in the current sample. */
		private int count(Object element) {
			Holder input = holder;
			RmapTree data = input == null ? null : input.data;
			if (data == null) {
				return 0;
			}
			long n = switch (element) {
				case Holder h -> Math.min(ROOT_ROWS, data.chains.size()) + (data.chains.size() > ROOT_ROWS ? 1 : 0);
				case Chain c -> {
					Chain now = current(data, c);
					yield now == null ? 0 : now.dups().size();
				}
				case Dup d -> {
					Dup now = current(data, d);
					List<Group> groups = now == null ? null : now.groups();
					yield now == null || now.view().rmapItemCount() == 0 ? 0 : groups == null ? 1 : groups.size();
				}
				case Group g -> {
					Group now = current(data, g);
					yield now == null ? 0 : now.count();
				}
				default -> 0;
			};
			return (int) Math.min(Integer.MAX_VALUE, n);
		}

		/** The element of the current sample equal to {@code element} (the viewer may hold an older one). */
		private static @Nullable Chain current(RmapTree data, Chain chain) {
			int at = data.chains.indexOf(chain);
			return at < 0 ? null : data.chains.get(at);
		}

		private static @Nullable Dup current(RmapTree data, Dup dup) {
			for (Chain chain : data.chains) {
				if (chain.contentId() == dup.contentId()) {
					int at = chain.dups().indexOf(dup);
					if (at >= 0) {
						return chain.dups().get(at);
					}
				}
			}
			return null;
		}

		private static @Nullable Group current(RmapTree data, Group group) {
			for (Chain chain : data.chains) {
				for (Dup dup : chain.dups()) {
					List<Group> groups = dup.groups();
					if (dup.view().kpfn() == group.kpfn() && groups != null) {
						int at = groups.indexOf(group);
						return at < 0 ? null : groups.get(at);
					}
				}
			}
			return null;
		}

		@Override
		@NonNullByDefault({})
		public Object getParent(Object element) {
			return null;
		}
	}

	/** Stands for the stable nodes beyond the first {@link Content#ROOT_ROWS}. */
	private record MoreNodes(int hidden) {
	}

	/** Texts of the columns: label, rmap items, (fill is drawn), NUMA node. */
	private static final class Labels extends ColumnLabelProvider {
		private final int column;

		Labels(int column) {
			this.column = column;
		}

		@Override
		@NonNullByDefault({})
		public String getText(Object element) {
			NumberFormat n = NumberFormat.getIntegerInstance();
			return switch (element) {
				case Chain c -> switch (column) {
					case 0 -> RmapTree.contentLabel(c.contentId()) + (c.chain()
							? Messages.format(Messages.rmapChainLabel, c.dups().size())
							: Messages.rmapRegularLabel);
					case 1 -> n.format(c.rmapItems());
					default -> ""; //$NON-NLS-1$
				};
				case Dup d -> switch (column) {
					case 0 -> NLS.bind(d.view().stale() ? Messages.rmapDupStale : Messages.rmapDup,
							RmapTree.pfn(d.view().kpfn()));
					case 1 -> n.format(d.view().rmapItemCount());
					case 3 -> Integer.toString(d.view().node());
					default -> ""; //$NON-NLS-1$
				};
				case Group g -> switch (column) {
					case 0 -> NLS.bind(Messages.rmapGroup, g.pid(), g.name());
					case 1 -> n.format(g.count());
					default -> ""; //$NON-NLS-1$
				};
				case Item item -> {
					RmapItemView view = item.view();
					yield column != 0 ? "" //$NON-NLS-1$
							: view == null ? Messages.rmapLoading : String.format("0x%x", view.address()); //$NON-NLS-1$
				}
				case Loading l -> column == 0 ? Messages.rmapLoading : ""; //$NON-NLS-1$
				case MoreNodes m -> column == 0 ? Messages.format(Messages.rmapMore, m.hidden()) : ""; //$NON-NLS-1$
				default -> ""; //$NON-NLS-1$
			};
		}

		@Override
		@NonNullByDefault({})
		public Font getFont(Object element) {
			return element instanceof Item ? JFaceResources.getTextFont() : null;
		}
	}

	/** The dup shown in the fill column of {@code element}: a dup, or the page of a regular stable node. */
	private static @Nullable Dup fillDup(Object element) {
		return element instanceof Dup d ? d
				: element instanceof Chain c && !c.chain() && c.dups().size() == 1 ? c.dups().get(0) : null;
	}

	/** The text of the fill column: "200 / 256", "3 dups", "6,291,457 mappings, no limit"; null for other rows. */
	static @Nullable String fillText(Object element) {
		Dup dup = fillDup(element);
		if (dup != null) {
			int items = dup.view().rmapItemCount();
			return dup.maxPageSharing() <= 0
					? Messages.format(Messages.rmapFillNoLimit, items)
					: NumberFormat.getIntegerInstance().format(items) + " / " //$NON-NLS-1$
							+ NumberFormat.getIntegerInstance().format(dup.maxPageSharing());
		}
		return element instanceof Chain c ? Messages.format(Messages.rmapChainFill, c.dups().size()) : null;
	}

	/** The fill against the sharing limit (0..1, more when over it), or -1 when there is no limit: no bar. */
	static double fill(Object element) {
		Dup dup = fillDup(element);
		if (dup != null) {
			return dup.maxPageSharing() <= 0 ? -1
					: dup.view().rmapItemCount() / (double) dup.maxPageSharing();
		}
		if (element instanceof Chain c && !c.dups().isEmpty() && c.dups().get(0).maxPageSharing() > 0) {
			int dups = c.dups().size();
			return c.rmapItems() / (double) ((long) dups * c.dups().get(0).maxPageSharing());
		}
		return -1;
	}

	/** The fill column's text of each top-level row, null for a row without one (for tests); call on the UI thread. */
	public List<@Nullable String> fillTexts() {
		List<@Nullable String> texts = new ArrayList<>();
		Widgets w = widgets;
		if (w == null) {
			return texts;
		}
		for (org.eclipse.swt.widgets.TreeItem item : w.tree().getTree().getItems()) {
			item.getText(0); // a virtual item gets its element when it is read
			Object element = item.getData();
			texts.add(element == null ? "" : fillText(element)); //$NON-NLS-1$
		}
		return texts;
	}

	/** The fill of a dup against max_page_sharing (or of a chain's biggest dup), drawn as a bar; text only without a limit. */
	private static final class FillBar extends OwnerDrawLabelProvider {
		@Override
		@NonNullByDefault({})
		protected void measure(Event event, Object element) {
			// the column's width is the bar's
		}

		@Override
		@NonNullByDefault({})
		protected void paint(Event event, Object element) {
			String text = fillText(element);
			if (text == null) {
				return;
			}
			double fill = fill(element);
			GC gc = event.gc;
			Rectangle cell = ((org.eclipse.swt.widgets.TreeItem) event.item).getBounds(event.index);
			if (fill >= 0) {
				int width = (int) Math.round(Math.min(1.0, fill) * (cell.width - 4));
				Color old = gc.getBackground();
				gc.setBackground(new Color(fill >= 1.0 ? FULL : FILL));
				gc.fillRectangle(cell.x + 2, cell.y + 3, Math.max(1, width), cell.height - 6);
				gc.setBackground(old);
			}
			gc.drawText(text, cell.x + 6, cell.y + (cell.height - gc.getFontMetrics().getHeight()) / 2, true);
		}
	}
}
