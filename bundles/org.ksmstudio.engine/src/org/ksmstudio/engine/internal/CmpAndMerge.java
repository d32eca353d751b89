package org.ksmstudio.engine.internal;

import org.ksmstudio.engine.patch.MergeTarget;
import org.ksmstudio.engine.scenario.CostModel;

/**
 * What ksmd does with one page it scanned: cmp_and_merge_page with its checksum test, the zero
 * page (use_zero_pages), the stable tree, the unstable tree and try_to_merge_with_ksm_page, with
 * try_to_merge_one_page's split of a huge page and write_protect_page's refusal of a pinned page;
 * for an unmerged page the volatility rule and the merge target are the patch's seams
 * ({@link Seams}). It keeps no state of its own: every change goes through the tables
 * ({@link PageSlots}, {@link Frames}, {@link PinsAndHugePages}, {@link RmapItems},
 * {@link StableTree}, {@link UnstableTree}), which keep the counters; the work is charged to
 * ksmd's batch.
 */
final class CmpAndMerge {
    private final KsmEngine e;
    private final PageSlots slots;
    private final Frames frames;
    private final RmapItems items;
    private final StableNodes sn;
    private final StableTree stable;
    private final UnstableTree unstable;
    private final MmSlots mms;
    private final PinsAndHugePages pinsAndHuge;
    private final long ksmPageVisitNanos;
    private final long checksumNanos;
    private final long mergeNanos;

    CmpAndMerge(KsmEngine engine, CostModel cost) {
        this.e = engine;
        this.slots = engine.slots;
        this.frames = engine.frames;
        this.items = engine.items;
        this.sn = engine.sn;
        this.stable = engine.stable;
        this.unstable = engine.unstable;
        this.mms = engine.mms;
        this.pinsAndHuge = engine.pinsAndHuge;
        this.ksmPageVisitNanos = cost.ksmPageVisitNanos();
        this.checksumNanos = cost.checksumNanos();
        this.mergeNanos = cost.mergeNanos();
    }

    /** cmp_and_merge_page for the page mapped at slot s. */
    void cmpAndMerge(int s) {
        int f = slots.pte(s);
        int pageNode = frames.stableNode(f);
        MergeTarget target = MergeTarget.TREES;
        if (pageNode >= 0) {
            e.clock.charge(ksmPageVisitNanos);
            if (sn.kind(pageNode) != StableNodes.MIGRATING && stable.kpfnNid(sn.kpfn(pageNode)) != sn.nid(pageNode)) {
                stable.stableNodeDupDel(pageNode);
                sn.migrateAdd(pageNode);
            }
            if (sn.kind(pageNode) != StableNodes.MIGRATING && items.head(s) == pageNode) {
                return;
            }
        } else {
            stable.removeRmapItemFromTree(s);
            e.clock.charge(checksumNanos);
            int cs = Mix.checksum(frames.content(f));
            boolean changed = items.oldChecksum(s) != cs;
            if (changed) {
                items.setOldChecksum(s, cs);
            }
            if (!e.seams.allowsMerge(s, changed)) {
                return;
            }
            target = e.seams.mergeTarget(s);
            if (target == MergeTarget.NONE || target == MergeTarget.ZERO_PAGE && tryToMergeWithZeroPage(s, f)) {
                return;
            }
        }
        int kf = stable.stableTreeSearch(f);
        if (kf == f && items.head(s) == pageNode) {
            return;
        }
        stable.removeRmapItemFromTree(s);
        if (kf >= 0) {
            if (tryToMergeWithKsmPage(s, f, kf)) {
                e.clock.charge(mergeNanos);
                items.stableAppend(s, frames.stableNode(kf));
            }
            return;
        }
        if (target == MergeTarget.STABLE_TREE) {
            return;
        }
        int t = unstable.searchInsert(s, f);
        if (t >= 0) {
            if (pinsAndHuge.sameFolio(s, t)) {
                // try_to_merge_two_pages: the tree page's reference on the same folio fails the first split;
                // cmp_and_merge_page then splits the folio ("split") and merges nothing this time (when the
                // pages are zero-filled, the split maps both to the shared zero page)
                pinsAndHuge.splitFailedOnOwnReference();
                splitHugePage(s);
                return;
            }
            int tf = slots.pte(t);
            if (tryToMergeWithKsmPage(s, f, -1)) {
                if (tryToMergeWithKsmPage(t, tf, f)) {
                    e.clock.charge(2 * mergeNanos);
                    int dup = stable.stableTreeInsert(f);
                    items.stableAppend(t, dup);
                    items.stableAppend(s, dup);
                } else {
                    frames.clearKsm(f);
                }
            }
        }
    }

    /**
     * try_to_merge_with_zero_page (chosen by the merge target: 6.18 with use_zero_pages and the
     * checksum of an empty page): true when the page was handled (merged, or its VMA is gone).
     */
    private boolean tryToMergeWithZeroPage(int s, int f) {
        if (!mms.vmaMergeableAt(s)) {
            return true;
        }
        if (!splitHugePage(s)) {
            return false;
        }
        if (slots.pte(s) != f) {
            // the split mapped this zero-filled subpage to the shared zero page: write_protect_page finds no
            // PTE of the page. The kernel's cmp_and_merge_page then inserts the page, now mapped nowhere, into
            // the unstable tree (a stale node until the next scan); here it stays out of the trees.
            return true;
        }
        if (frames.content(f) != 0L || refusedByWriteProtect(s)) {
            return false;
        }
        e.clock.charge(mergeNanos);
        slots.mapKsmZero(s);
        return true;
    }

    /** try_to_merge_with_ksm_page; kf = -1 turns page f itself into a KSM page (try_to_merge_one_page). */
    private boolean tryToMergeWithKsmPage(int s, int f, int kf) {
        if (!mms.vmaMergeableAt(s)) {
            return false;
        }
        if (kf == f) {
            stable.removeRmapItemFromTree(s);
            return true;
        }
        if (!splitHugePage(s) || slots.pte(s) != f || refusedByWriteProtect(s)) {
            return false;
        }
        if (kf < 0) {
            frames.markKsm(f);
        } else {
            if (frames.content(kf) != frames.content(f)) {
                return false;
            }
            slots.map(s, kf);
        }
        stable.removeRmapItemFromTree(s);
        return true;
    }

    /**
     * try_to_merge_one_page: a subpage of a huge page is merged only after split_huge_page of its folio;
     * false when the split is refused (a pinned subpage). The split costs ksmd no CPU time the kernel
     * shows beyond the merge's (docs/ksm-semantics.md), so nothing more is charged.
     */
    private boolean splitHugePage(int s) {
        return !pinsAndHuge.isLarge(s) || pinsAndHuge.split(s, this::remapUnusedToZeroPage);
    }

    /**
     * remap_page after a split of an anonymous folio (RMP_USE_SHARED_ZEROPAGE, since 6.12):
     * try_to_map_unused_to_zeropage maps a zero-filled subpage to the shared zero page instead of
     * its frame, which is freed. ksmd's scan does not see the shared zero page (folio_walk_start finds
     * no normal page), so the slot is left mapping no page and its rmap item goes when the scan passes.
     */
    private void remapUnusedToZeroPage(int t) {
        int tf = slots.pte(t);
        if (tf >= 0 && frames.content(tf) == 0L) {
            slots.unmap(t);
        }
    }

    /**
     * write_protect_page's check that the page count is the map count plus ksmd's reference: an LRU add
     * batch's reference or a pin (get_user_pages, FOLL_PIN) makes it higher, and the page is not merged.
     */
    private boolean refusedByWriteProtect(int s) {
        return items.isLruHeld(s) || pinsAndHuge.isPinned(s);
    }
}
