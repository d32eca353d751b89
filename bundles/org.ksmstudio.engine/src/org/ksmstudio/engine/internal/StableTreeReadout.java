package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.DupView;
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

    /** The rmap items of a dup (stable node id), head first, at most {@code max}. */
    static List<RmapItemView> rmapItems(KsmEngine e, int dupId, int max) {
        List<RmapItemView> list = new ArrayList<>();
        if (dupId < 0 || dupId >= e.sn.highWater() || e.sn.kind(dupId) == StableNodes.FREE
                || e.sn.kind(dupId) == StableNodes.CHAIN) {
            return list;
        }
        for (int s = e.sn.first(dupId); s != NIL && list.size() < max; s = e.items.next(s)) {
            Mm mm = e.mms.ofSlot(s);
            Vma v = mm.vmaOfSlot(s);
            list.add(new RmapItemView(mm.pid, v.start + (long) (s - v.firstSlot) * e.pageSize));
        }
        return list;
    }
}
