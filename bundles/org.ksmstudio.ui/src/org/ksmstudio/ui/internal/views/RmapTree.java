package org.ksmstudio.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.StableTreeView;

/**
 * One sample of the stable tree for the Rmap Chains view, built off the UI thread: stable nodes
 * (chains and regular nodes) sorted with the most shared first and filtered, their dups, and for the
 * dups the user expanded, their rmap items grouped by process. Every level is paged so that a tree
 * of millions of rmap items stays a few thousand widgets; the elements' equality is stable across
 * samples so that the viewer keeps what is expanded and selected.
 */
final class RmapTree {

	/** Stable nodes read from the engine per sample. */
	static final int MAX_ENTRIES = 200_000;
	/** Stable nodes shown before a "more" node. */
	static final int TOP = 100;
	/** Children shown per parent before a "more" node. */
	static final int PAGE = 500;
	/** Rmap items read per expanded dup. */
	static final int MAX_ITEMS = 100_000;

	/** A stable node: a chain of dups or a regular node (one dup). */
	record Chain(long contentId, int treeNid, boolean chain, List<Dup> dups, int hiddenDups, long rmapItems) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Chain c && c.contentId == contentId && c.treeNid == treeNid;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(contentId) * 31 + treeNid;
		}
	}

	/** A KSM page (a dup of a chain, or the page of a regular node). */
	record Dup(long contentId, DupView view, int maxPageSharing, List<Group> groups, int hiddenGroups) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Dup d && d.view.kpfn() == view.kpfn();
		}

		@Override
		public int hashCode() {
			return view.kpfn();
		}
	}

	/** The rmap items of one process in a dup. */
	record Group(int kpfn, int pid, String name, int count, List<RmapItemView> items) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Group g && g.kpfn == kpfn && g.pid == pid;
		}

		@Override
		public int hashCode() {
			return kpfn * 31 + pid;
		}
	}

	/** Stands for children not shown. */
	record More(Object parent, long hidden) {
	}

	final List<Chain> chains;
	final int hiddenChains;
	final int totalEntries;
	final boolean truncated;
	/** max_page_sharing, or 0 when the run's policy sets no sharing limit */
	final long maxPageSharing;
	/** The selected dup as read, or null. */
	DupView selectedDup;
	/** What walking the selected dup costs, or null when no dup is selected. */
	String selectedDetail;
	/** Hash of everything shown: equal signatures need no refresh of the viewer. */
	final long signature;

	private RmapTree(List<Chain> chains, int hiddenChains, int totalEntries, boolean truncated, long maxPageSharing) {
		this.chains = chains;
		this.hiddenChains = hiddenChains;
		this.totalEntries = totalEntries;
		this.truncated = truncated;
		this.maxPageSharing = maxPageSharing;
		long h = hiddenChains * 31L + maxPageSharing;
		for (Chain chain : chains) {
			h = h * 31 + chain.contentId() * 17 + chain.rmapItems() + chain.hiddenDups();
			for (Dup dup : chain.dups()) {
				h = h * 31 + dup.view().kpfn() * 7L + dup.view().rmapItemCount() + (dup.view().stale() ? 1 : 0)
						+ dup.view().node() * 131L;
				for (Group group : dup.groups()) {
					h = h * 31 + group.pid() + group.count() * 13L;
				}
			}
		}
		this.signature = h;
	}

	/**
	 * Reads the stable tree of {@code simulation}.
	 *
	 * @param filter   lower-case text every shown chain or one of its dups must contain, or empty
	 * @param expanded KSM page frames whose rmap items are wanted
	 * @param selected KSM page frame of the selected dup (found as {@link #selectedDup}), or -1
	 */
	static RmapTree read(KsmSimulation simulation, String filter, Set<Integer> expanded, int selected) {
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
		List<Chain> chains = new ArrayList<>();
		for (StableEntry entry : entries.subList(0, Math.min(TOP, entries.size()))) {
			List<DupView> sorted = new ArrayList<>(entry.dups());
			sorted.sort(Comparator.comparingInt(DupView::rmapItemCount).reversed());
			List<Dup> dups = new ArrayList<>();
			for (DupView dup : sorted.subList(0, Math.min(PAGE, sorted.size()))) {
				List<Group> groups = List.of();
				int hiddenGroups = 0;
				if (expanded.contains(dup.kpfn()) && !dup.stale()) {
					List<Group> all = groups(simulation, dup, names);
					groups = all.subList(0, Math.min(PAGE, all.size()));
					hiddenGroups = all.size() - groups.size();
				}
				dups.add(new Dup(entry.contentId(), dup, (int) mps, groups, hiddenGroups));
			}
			chains.add(new Chain(entry.contentId(), entry.treeNid(), entry.chain(), dups,
					sorted.size() - dups.size(), rmapItems(entry)));
		}
		RmapTree tree = new RmapTree(chains, entries.size() - chains.size(), view.entries().size(), view.truncated(),
				mps);
		for (StableEntry entry : view.entries()) {
			for (DupView dup : entry.dups()) {
				if (dup.kpfn() == selected) {
					tree.selectedDup = dup;
				}
			}
		}
		return tree;
	}

	private static List<Group> groups(KsmSimulation simulation, DupView dup, Map<Integer, String> names) {
		Map<Integer, List<RmapItemView>> byPid = new LinkedHashMap<>();
		List<RmapItemView> items;
		try {
			items = simulation.rmapItems(dup.dupId(), MAX_ITEMS);
		} catch (RuntimeException changedMeanwhile) {
			return List.of(); // the tree changed since it was read: the next sample has fresh ids
		}
		for (RmapItemView item : items) {
			byPid.computeIfAbsent(item.pid(), p -> new ArrayList<>()).add(item);
		}
		List<Group> groups = new ArrayList<>();
		byPid.forEach((pid, list) -> groups.add(new Group(dup.kpfn(), pid, names.getOrDefault(pid, ""), //$NON-NLS-1$
				list.size(), List.copyOf(list.subList(0, Math.min(PAGE, list.size()))))));
		groups.sort(Comparator.comparingInt(Group::count).reversed().thenComparingInt(Group::pid));
		return groups;
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
