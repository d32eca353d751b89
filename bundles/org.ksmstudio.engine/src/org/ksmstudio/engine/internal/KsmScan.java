package org.ksmstudio.engine.internal;

import org.ksmstudio.engine.scenario.CostModel;

/**
 * ksmd's scan (struct ksm_scan): the address it is at within the mm slot {@link MmSlots} points
 * to, and the number of full scans done (ksm_scan.seqnr). {@link #next()} is
 * scan_get_next_rmap_item: it starts a full scan at ksm_mm_head, walks the mergeable VMAs in
 * address order, allocates and frees rmap items on the way, asks the patch's seam whether to skip
 * an item (6.18: smart_scan), and ends the full scan after the last mm slot.
 */
final class KsmScan {
    private final KsmEngine e;
    private final MmSlots mms;
    private final PageSlots slots;
    private final Frames frames;
    private final RmapItems items;
    private final StableTree stable;
    private final long skipNanos;
    /** ksm_scan.address, as the next slot to look at */
    private int cursorSlot;
    /** whether the scan found a VMA in the current mm (otherwise the mm goes away) */
    private boolean addressSet;
    /** ksm_scan.seqnr: full scans completed */
    private long seqnr;

    KsmScan(KsmEngine engine, MmSlots mms, PageSlots slots, RmapItems items, StableTree stable, CostModel cost) {
        this.e = engine;
        this.mms = mms;
        this.slots = slots;
        this.frames = engine.frames;
        this.items = items;
        this.stable = stable;
        this.skipNanos = cost.skipPageNanos();
    }

    /** full_scans */
    long seqnr() {
        return seqnr;
    }

    /** scan_get_next_rmap_item: the next page slot to merge, or -1 at the end of a full scan. */
    int next() {
        if (mms.isEmpty()) {
            return -1;
        }
        if (mms.atHead()) {
            e.fullScanStarts();
            mms.startScan();
            cursorSlot = mms.cursorMm().firstSlot;
            addressSet = false;
        }
        while (true) {
            Mm mm = mms.cursorMm();
            if (!mm.exiting) {
                int s = nextInMm(mm);
                if (s >= 0) {
                    return s;
                }
            } else {
                freeItems(mm.firstSlot, mm.firstSlot + mm.slotCount);
                addressSet = false;
            }
            // end of this mm
            if (!addressSet) {
                mms.removeAtCursor();
            } else {
                mms.advance();
            }
            if (mms.atHead()) {
                e.fullScanEnds();
                seqnr++;
                return -1;
            }
            cursorSlot = mms.cursorMm().firstSlot;
            addressSet = false;
        }
    }

    /** The next slot to merge in mm's VMAs from the cursor on, or -1 at the end of the mm. */
    private int nextInMm(Mm mm) {
        for (Vma v : mm.vmas) {
            int end = v.endSlot();
            if (cursorSlot >= end) {
                continue;
            }
            if (!v.mergeable) {
                if (v.staleItems) {
                    freeItems(Math.max(cursorSlot, v.firstSlot), end);
                    v.staleItems = false;
                }
                continue;
            }
            addressSet = true;
            for (int s = Math.max(cursorSlot, v.firstSlot); s < end; s++) {
                int f = slots.pte(s);
                if (f < 0) {
                    if (items.hasItem(s)) {
                        freeItem(s);
                    }
                    e.clock.charge(skipNanos >> 2);
                    continue;
                }
                if (!items.hasItem(s)) {
                    items.alloc(s);
                }
                if (shouldSkip(s, f)) {
                    e.clock.charge(skipNanos);
                    continue;
                }
                cursorSlot = s + 1;
                return s;
            }
            cursorSlot = end;
        }
        return -1;
    }

    /**
     * should_skip_rmap_item: never a KSM page; otherwise the patch's seam (6.18: smart scan skips an
     * unmerged page that stayed unique for a while). A skipped item leaves its tree and is counted.
     */
    private boolean shouldSkip(int s, int f) {
        if (frames.isKsm(f) || !e.seams.skip(s)) {
            return false;
        }
        stable.removeRmapItemFromTree(s);
        items.skipped(s);
        return true;
    }

    /** remove_rmap_item_from_tree + free_rmap_item. */
    private void freeItem(int s) {
        stable.removeRmapItemFromTree(s);
        items.free(s);
    }

    /** Frees the rmap items of slots [from, to) (remove_trailing_rmap_items). */
    void freeItems(int from, int to) {
        for (int s = from; s < to; s++) {
            if (items.hasItem(s)) {
                freeItem(s);
            }
        }
    }

    /**
     * unmerge_and_remove_all_rmap_items (run=2): breaks COW of every KSM page, frees every rmap
     * item, then every stable node; full_scans = 0.
     */
    void unmergeAndRemoveAll(ProcessEvents processes) {
        for (Mm mm : mms.registered()) {
            if (!mm.exiting) {
                for (Vma v : mm.vmas) {
                    if (v.mergeable && v.anonVma) {
                        processes.unmergeRange(mm, v);
                    }
                }
            }
            freeItems(mm.firstSlot, mm.firstSlot + mm.slotCount);
            if (mm.exiting) {
                mms.removeExited(mm);
            }
        }
        stable.removeAllStableNodes();
        seqnr = 0;
        mms.resetCursor();
    }
}
