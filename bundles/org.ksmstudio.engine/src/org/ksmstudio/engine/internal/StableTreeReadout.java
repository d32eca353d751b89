package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.ProcessRmapCount;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.StableTreeView;

/** Read-only views of an engine's stable tree(s): chains, dups and their rmap items. */
final class StableTreeReadout {
    private static final int NIL = StableNodes.NIL;

    private StableTreeReadout() {
    }

    /** The stable tree(s) in order, at most {@code max} entries. */
    static StableTreeView stableTree(KsmEngine e, int max) {
        List<StableEntry> entries = new ArrayList<>();
        boolean truncated = false;
        for (int t = 0; t < e.sn.tree.trees() && !truncated; t++) {
            for (int n = e.sn.tree.firstInTree(t); n != NIL; n = e.sn.tree.nextInTree(n)) {
                if (entries.size() >= max) {
                    truncated = true;
                    break;
                }
                List<DupView> ds = new ArrayList<>();
                if (e.sn.kind(n) == StableNodes.CHAIN) {
                    for (int d = e.sn.first(n); d != NIL; d = e.sn.next(d)) {
                        ds.add(dupView(e, d));
                    }
                } else {
                    ds.add(dupView(e, n));
                }
                entries.add(new StableEntry(e.sn.content(n), t, e.sn.kind(n) == StableNodes.CHAIN, List.copyOf(ds)));
            }
        }
        List<DupView> migrating = new ArrayList<>();
        for (int n = e.sn.migrateHead(); n != NIL; n = e.sn.next(n)) {
            migrating.add(dupView(e, n));
        }
        return new StableTreeView(List.copyOf(entries), truncated, List.copyOf(migrating));
    }

    private static DupView dupView(KsmEngine e, int d) {
        int k = e.sn.kpfn(d);
        return new DupView(d, k, k >= 0 ? e.frames.node(k) : -1, e.sn.len(d), e.stable.isStale(d));
    }

    /**
     * How many rmap items of a dup (stable node id) each process has, whole (the dup's hlist is read
     * once, no object per item), most first; empty for a chain head or a freed node.
     */
    static List<ProcessRmapCount> rmapItemCounts(KsmEngine e, int dupId) {
        if (!isDup(e, dupId)) {
            return List.of();
        }
        java.util.Map<Mm, long[]> counts = new java.util.IdentityHashMap<>();
        for (int s = e.sn.first(dupId); s != NIL; s = e.items.next(s)) {
            counts.computeIfAbsent(e.mms.ofSlot(s), m -> new long[1])[0]++;
        }
        List<ProcessRmapCount> list = new ArrayList<>();
        counts.forEach((mm, n) -> list.add(new ProcessRmapCount(mm.pid, n[0])));
        list.sort(java.util.Comparator.comparingLong(ProcessRmapCount::count).reversed()
                .thenComparingInt(ProcessRmapCount::pid));
        return List.copyOf(list);
    }

    /**
     * The rmap items of process {@code pid} in a dup, in hlist order, skipping the first {@code from}
     * of them, at most {@code max}.
     */
    static List<RmapItemView> rmapItems(KsmEngine e, int dupId, int pid, long from, int max) {
        List<RmapItemView> list = new ArrayList<>();
        if (!isDup(e, dupId)) {
            return list;
        }
        long seen = 0;
        for (int s = e.sn.first(dupId); s != NIL && list.size() < max; s = e.items.next(s)) {
            Mm mm = e.mms.ofSlot(s);
            if (mm.pid == pid && seen++ >= from) {
                list.add(new RmapItemView(mm.pid, mm.address(s, e.pageSize)));
            }
        }
        return list;
    }

    private static boolean isDup(KsmEngine e, int dupId) {
        return dupId >= 0 && dupId < e.sn.highWater() && e.sn.kind(dupId) != StableNodes.FREE
                && e.sn.kind(dupId) != StableNodes.CHAIN;
    }

    /** The rmap items of a dup (stable node id), head first, at most {@code max}. */
    static List<RmapItemView> rmapItems(KsmEngine e, int dupId, int max) {
        List<RmapItemView> list = new ArrayList<>();
        if (!isDup(e, dupId)) {
            return list;
        }
        for (int s = e.sn.first(dupId); s != NIL && list.size() < max; s = e.items.next(s)) {
            Mm mm = e.mms.ofSlot(s);
            list.add(new RmapItemView(mm.pid, mm.address(s, e.pageSize)));
        }
        return list;
    }
}
