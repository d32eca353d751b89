package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.ProcessRmapCount;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.StableTreeView;

/**
 * One sample of the stable tree for the Rmap Chains view, built off the UI thread: every stable node
 * (chains and regular nodes, up to {@link #MAX_ENTRIES} read from the engine) sorted with the most
 * shared first and filtered, all their dups, and for the dups the user expanded, every process with its
 * whole count of rmap items, and the pages of rmap items the virtual tree asked for. The view's tree is
 * lazy (SWT.VIRTUAL), so every element is reachable and only the visible rows are widgets; the
 * elements' equality is stable across samples so that the viewer keeps what is expanded and selected.
 */
final class RmapTree {

	/** Stable nodes read from the engine per sample. */
	static final int MAX_ENTRIES = 200_000;
	/** Rmap items read at a time for the virtual tree. */
	static final int PAGE = 500;

	/** A stable node: a chain of dups or a regular node (one dup). */
	record Chain(long contentId, int treeNid, boolean chain, List<Dup> dups, long rmapItems) {
		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof Chain c && c.contentId == contentId && c.treeNid == treeNid;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(contentId) * 31 + treeNid;
		}
	}

	/** A KSM page (a dup of a chain, or the page of a regular node); groups null until it is expanded. */
	record Dup(long contentId, DupView view, int maxPageSharing, @Nullable List<Group> groups) {
		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof Dup d && d.view.kpfn() == view.kpfn();
		}

		@Override
		public int hashCode() {
			return view.kpfn();
		}
	}

	/** The rmap items of one process in a dup: the whole count, and the pages of them read so far. */
	record Group(int kpfn, int pid, String name, long count, Map<Long, List<RmapItemView>> pages) {
		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof Group g && g.kpfn == kpfn && g.pid == pid;
		}

		@Override
		public int hashCode() {
			return kpfn * 31 + pid;
		}

		/** Rmap item {@code index} of the group, or null when its page has not been read yet. */
		@Nullable
		RmapItemView item(long index) {
			List<RmapItemView> page = pages.get(index / PAGE);
			int at = (int) (index % PAGE);
			return page == null || at >= page.size() ? null : page.get(at);
		}
	}

	/** Rmap item {@code index} of a group; {@code view} null while it is being read. */
	record Item(Group group, long index, @Nullable RmapItemView view) {
		@Override
		public boolean equals(@Nullable Object o) {
			return o instanceof Item i && i.group.equals(group) && i.index == index;
		}

		@Override
		public int hashCode() {
			return group.hashCode() * 31 + Long.hashCode(index);
		}
	}

	/** Stands for the processes of a dup while they are being read. */
	record Loading(Dup dup) {
	}

	/** A page of a group's rmap items the view asked for: KSM page frame, pid, page number. */
	record PageRequest(int kpfn, int pid, long page) {
	}

	final List<Chain> chains;
	final int totalEntries;
	final boolean truncated;
	/** max_page_sharing, or 0 when the run's policy sets no sharing limit */
	final long maxPageSharing;
	/** The selected dup as read, or null. */
	@Nullable
	DupView selectedDup;
	/** What walking the selected dup costs, or null when no dup is selected. */
	@Nullable
	String selectedDetail;
	/** Hash of everything shown: equal signatures need no refresh of the viewer. */
	final long signature;

	private RmapTree(List<Chain> chains, int totalEntries, boolean truncated, long maxPageSharing) {
		this.chains = chains;
		this.totalEntries = totalEntries;
		this.truncated = truncated;
		this.maxPageSharing = maxPageSharing;
		long h = chains.size() * 31L + maxPageSharing;
		for (Chain chain : chains) {
			h = h * 31 + chain.contentId() * 17 + chain.rmapItems() + chain.dups().size();
			for (Dup dup : chain.dups()) {
				h = h * 31 + dup.view().kpfn() * 7L + dup.view().rmapItemCount() + (dup.view().stale() ? 1 : 0)
						+ dup.view().node() * 131L;
				List<Group> groups = dup.groups();
				for (Group group : groups == null ? List.<Group>of() : groups) {
					h = h * 31 + group.pid() + group.count() * 13L + group.pages().keySet().hashCode();
				}
			}
		}
		this.signature = h;
	}

	/**
	 * Reads the stable tree of {@code simulation}.
	 *
	 * @param filter   lower-case text every shown chain or one of its dups must contain, or empty
	 * @param expanded KSM page frames whose processes are wanted
	 * @param pages    pages of rmap items wanted (of expanded dups)
	 * @param selected KSM page frame of the selected dup (found as {@link #selectedDup}), or -1
	 * @param counts   per-process counts read before, by {@link #countKey}: a dup's are read again only
	 *                 when its number of rmap items changed (reading them walks every rmap item)
	 */
	static RmapTree read(KsmSimulation simulation, String filter, Set<Integer> expanded, Set<PageRequest> pages,
			int selected, Map<Long, List<ProcessRmapCount>> counts) {
		// 0: the policy sets no sharing limit
		long mps = simulation.sharingLimited() ? simulation.snapshot().counters().maxPageSharing() : 0;
		StableTreeView view = simulation.stableTree(MAX_ENTRIES);
		List<StableEntry> entries = new ArrayList<>(view.entries());
		entries.removeIf(e -> !filter.isEmpty() && !matches(e, filter));
		entries.sort(Comparator.comparingLong(RmapTree::rmapItems).reversed()
				.thenComparingLong(StableEntry::contentId));
		Map<Integer, String> names = new LinkedHashMap<>();
		for (ProcessKsmStat stat : simulation.snapshot().processes()) {
			names.put(stat.pid(), stat.name());
		}
		List<Chain> chains = new ArrayList<>(entries.size());
		for (StableEntry entry : entries) {
			List<DupView> sorted = new ArrayList<>(entry.dups());
			sorted.sort(Comparator.comparingInt(DupView::rmapItemCount).reversed());
			List<Dup> dups = new ArrayList<>(sorted.size());
			for (DupView dup : sorted) {
				List<Group> groups = expanded.contains(dup.kpfn()) && !dup.stale()
						? groups(simulation, dup, names, pages, counts)
						: null;
				dups.add(new Dup(entry.contentId(), dup, (int) mps, groups));
			}
			chains.add(new Chain(entry.contentId(), entry.treeNid(), entry.chain(), dups, rmapItems(entry)));
		}
		RmapTree tree = new RmapTree(chains, view.entries().size(), view.truncated(), mps);
		for (StableEntry entry : view.entries()) {
			for (DupView dup : entry.dups()) {
				if (dup.kpfn() == selected) {
					tree.selectedDup = dup;
				}
			}
		}
		return tree;
	}

	/** Every process of {@code dup} with its whole count, and the requested pages of its rmap items. */
	private static List<Group> groups(KsmSimulation simulation, DupView dup, Map<Integer, String> names,
			Set<PageRequest> pages, Map<Long, List<ProcessRmapCount>> counts) {
		List<Group> groups = new ArrayList<>();
		List<ProcessRmapCount> perProcess = counts.computeIfAbsent(countKey(dup),
				k -> simulation.rmapItemCounts(dup.dupId()));
		for (ProcessRmapCount count : perProcess) {
			Map<Long, List<RmapItemView>> read = new LinkedHashMap<>();
			for (PageRequest request : pages) {
				if (request.kpfn() == dup.kpfn() && request.pid() == count.pid()) {
					read.put(request.page(),
							simulation.rmapItems(dup.dupId(), count.pid(), request.page() * PAGE, PAGE));
				}
			}
			groups.add(new Group(dup.kpfn(), count.pid(), names.getOrDefault(count.pid(), ""), //$NON-NLS-1$
					count.count(), read));
		}
		return groups;
	}

	/** The key of a dup's per-process counts: its frame and its number of rmap items. */
	static long countKey(DupView dup) {
		return (long) dup.kpfn() << 32 | dup.rmapItemCount();
	}

	static long rmapItems(StableEntry entry) {
		long sum = 0;
		for (DupView dup : entry.dups()) {
			sum += dup.rmapItemCount();
		}
		return sum;
	}

	private static boolean matches(StableEntry entry, String filter) {
		if (contentLabel(entry.contentId()).toLowerCase(Locale.ROOT).contains(filter)) {
			return true;
		}
		for (DupView dup : entry.dups()) {
			if (pfn(dup.kpfn()).contains(filter) || ("node " + dup.node()).contains(filter)) { //$NON-NLS-1$
				return true;
			}
		}
		return false;
	}

	/** "content 0x2a": how a content is named. */
	static String contentLabel(long contentId) {
		return "content 0x" + Long.toHexString(contentId); //$NON-NLS-1$
	}

	/** "pfn 0x1f2e" */
	static String pfn(int kpfn) {
		return "pfn 0x" + Integer.toHexString(kpfn); //$NON-NLS-1$
	}
}
