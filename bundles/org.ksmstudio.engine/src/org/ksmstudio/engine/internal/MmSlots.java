package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The mms of the simulation and KSM's list of them: every mm_struct ever created (by index, in
 * creation order), the ksm_mm_head list of struct ksm_mm_slot in ksmd's scan order, and the mm
 * slot ksmd's scan is at (ksm_scan.mm_slot; the address within it is {@link KsmScan}'s). An mm
 * is on the list exactly while it is registered (MMF_VM_MERGEABLE); only this table changes that.
 */
final class MmSlots {
    private final PageSlots slots;
    /** every mm ever created, by index */
    private final List<Mm> mms = new ArrayList<>();
    /** ksm_mm_head list, in order */
    private final List<Mm> list = new ArrayList<>();
    /** index in list of ksm_scan.mm_slot, -1 for ksm_mm_head */
    private int cursor = -1;

    MmSlots(PageSlots slots) {
        this.slots = slots;
    }

    /** A new mm, the owner of the last range of page slots allocated: its index is the number of mms so far. */
    void add(Mm mm) {
        if (mm.index != mms.size() || slots.mmCount() != mms.size() + 1) {
            throw new IllegalStateException("mm " + mm.pid + ": index " + mm.index + ", expected " + mms.size());
        }
        mms.add(mm);
    }

    Mm get(int index) {
        return mms.get(index);
    }

    /** The mm owning page slot s. */
    Mm ofSlot(int s) {
        return mms.get(slots.owner(s));
    }

    /** find_mergeable_vma: slot s lies in a mergeable anonymous VMA of an mm that is not exiting. */
    boolean vmaMergeableAt(int s) {
        Mm mm = ofSlot(s);
        if (mm.exiting) {
            return false;
        }
        Vma v = mm.vmaOfSlot(s);
        return v != null && v.mergeable && v.anonVma;
    }

    /** Every mm ever created, in creation order (exited ones included, marked exiting). */
    List<Mm> all() {
        return mms;
    }

    /** No mm is registered with KSM. */
    boolean isEmpty() {
        return list.isEmpty();
    }

    /** The registered mms in ksmd's scan order (a copy). */
    List<Mm> registered() {
        return new ArrayList<>(list);
    }

    /**
     * __ksm_enter: adds the mm slot just behind the cursor, or at the tail while {@code unmerging}
     * (run=2); returns whether the list was empty (ksmd is to be woken).
     */
    boolean enter(Mm mm, boolean unmerging) {
        if (mm.registered) {
            return false;
        }
        boolean wasEmpty = list.isEmpty();
        if (unmerging || cursor < 0) {
            list.add(mm);
        } else {
            list.add(cursor, mm);
            cursor++;
        }
        mm.registered = true;
        return wasEmpty;
    }

    /**
     * __ksm_exit: an exiting mm leaves the list at once when it has no rmap items; otherwise it
     * moves just behind the cursor, where ksmd frees its rmap items next.
     */
    void exit(Mm mm, boolean hasRmapItems) {
        if (!mm.registered) {
            return;
        }
        int idx = list.indexOf(mm);
        if (idx == cursor) {
            return;
        }
        if (!hasRmapItems) {
            remove(idx);
        } else {
            list.remove(idx);
            if (cursor > idx) {
                cursor--;
            }
            list.add(cursor < 0 ? 0 : cursor + 1, mm);
        }
    }

    /** Removes a registered, exiting mm that has no rmap items left (unmerge_and_remove_all_rmap_items). */
    void removeExited(Mm mm) {
        remove(list.indexOf(mm));
    }

    private void remove(int idx) {
        Mm mm = list.remove(idx);
        if (cursor > idx) {
            cursor--;
        } else if (cursor == idx) {
            cursor = -1;
        }
        mm.registered = false;
        mm.mergeAny = false;
    }

    // ---- ksm_scan.mm_slot ----

    /** The scan is at ksm_mm_head (between two full scans). */
    boolean atHead() {
        return cursor < 0;
    }

    /** ksm_scan.mm_slot = the first mm slot: a full scan starts. */
    void startScan() {
        cursor = 0;
    }

    /** ksm_scan.mm_slot = &ksm_mm_head (unmerge_and_remove_all_rmap_items). */
    void resetCursor() {
        cursor = -1;
    }

    /** ksm_scan.mm_slot's mm. */
    Mm cursorMm() {
        return list.get(cursor);
    }

    /** The scan leaves its mm slot for the next (ksm_mm_head after the last). */
    void advance() {
        cursor++;
        if (cursor >= list.size()) {
            cursor = -1;
        }
    }

    /** The scanned mm is gone (no VMA left to scan): its slot is freed, the scan moves to the next. */
    void removeAtCursor() {
        int idx = cursor;
        Mm gone = list.remove(idx);
        gone.registered = false;
        gone.mergeAny = false;
        cursor = idx < list.size() ? idx : -1;
    }
}
