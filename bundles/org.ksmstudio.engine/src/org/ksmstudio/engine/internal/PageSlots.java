package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The page table entries of the simulated mms: one page slot per virtual page, holding what its
 * PTE maps (a frame, the zero page, or nothing). Each mm owns one contiguous range of slots,
 * allocated in mm creation order, so the owning mm of a slot is derived from the ranges (no
 * column of its own). This table is the only place that maps and unmaps frames: it keeps
 * {@link Frames}' map counts equal to the PTEs mapping each frame, and it counts ksm_zero_pages
 * (system-wide and per mm: mm->ksm_zero_pages), the zero pages KSM placed. Each PTE change is told
 * to {@link PinsAndHugePages}: the page mapped now is a base page, not pinned.
 */
final class PageSlots {
    /** slot maps no page */
    static final int NO_PAGE = -1;
    /** slot maps the zero page placed by KSM (counted in ksm_zero_pages) */
    static final int KSM_ZERO = -2;

    private final Frames frames;
    private final PinsAndHugePages pinsAndHuge;
    private int[] pte;
    private int count;
    /** first slot of each mm's range, by mm index */
    private int[] rangeStart = new int[16];
    private int ranges;
    /** the range {@link #owner} found last (consecutive lookups mostly fall into one mm) */
    private int lastOwner;
    private long ksmZeroPages;
    /** see {@link #counterWrites()} */
    private long counterWrites;
    private long[] mmKsmZeroPages = new long[16];

    PageSlots(Frames frames, PinsAndHugePages pinsAndHuge, int capacity) {
        this.frames = frames;
        this.pinsAndHuge = pinsAndHuge;
        pte = new int[Math.max(16, capacity)];
    }

    /**
     * Allocates the n page slots of the next mm (mm index = number of ranges so far), mapping no
     * page; returns the first.
     */
    int allocRange(int n) {
        int need = count + n;
        if (need > pte.length) {
            pte = Arrays.copyOf(pte, Math.max(need, pte.length + (pte.length >> 1)));
        }
        if (ranges == rangeStart.length) {
            rangeStart = Arrays.copyOf(rangeStart, ranges * 2);
            mmKsmZeroPages = Arrays.copyOf(mmKsmZeroPages, ranges * 2);
        }
        int first = count;
        Arrays.fill(pte, first, need, NO_PAGE);
        rangeStart[ranges++] = first;
        count = need;
        return first;
    }

    /** Number of page slots. */
    int count() {
        return count;
    }

    /** Length of the slot arrays (tables with a column per slot size theirs to it). */
    int capacity() {
        return pte.length;
    }

    /** Number of mm ranges (= mms created). */
    int mmCount() {
        return ranges;
    }

    /** Index of the mm owning slot s (the last owner found, else a binary search over the ranges). */
    int owner(int s) {
        int m = lastOwner;
        if (s >= rangeStart[m] && (m + 1 == ranges || s < rangeStart[m + 1])) {
            return m;
        }
        m = search(s);
        lastOwner = m;
        return m;
    }

    private int search(int s) {
        int lo = 0;
        int hi = ranges - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rangeStart[mid] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The frame mapped at slot s, or {@link #NO_PAGE}, {@link #KSM_ZERO}. */
    int pte(int s) {
        return pte[s];
    }

    /**
     * do_anonymous_page / wp_page_copy: a new page of content {@code c} on node {@code nid} is
     * mapped at slot s (the old mapping is dropped after); returns its frame.
     */
    int mapNew(int s, long c, int nid) {
        int f = frames.alloc(c, nid);
        map(s, f);
        return f;
    }

    /**
     * replace_page / copy_present_pte: slot s maps frame f, an existing page (its map count grows
     * first, then the old mapping is dropped).
     */
    void map(int s, int f) {
        frames.get(f);
        int old = pte[s];
        pte[s] = f;
        release(s, old);
    }

    /**
     * replace_page with the zero page (use_zero_pages), or copy_present_pte of such a pte at fork (the
     * child's pte keeps the dirty bit that marks it, and ksm_fork adds the child's count, 4d6fc29f3634):
     * counted in ksm_zero_pages and mm->ksm_zero_pages.
     */
    void mapKsmZero(int s) {
        int old = pte[s];
        pte[s] = KSM_ZERO;
        ksmZeroPages++;
        counterWrites++;
        mmKsmZeroPages[owner(s)]++;
        release(s, old);
    }

    /** zap_pte_range: slot s maps nothing any more. */
    void unmap(int s) {
        int old = pte[s];
        pte[s] = NO_PAGE;
        release(s, old);
    }

    private void release(int s, int old) {
        pinsAndHuge.pteChanged(s);
        if (old >= 0) {
            frames.put(old);
        } else if (old == KSM_ZERO) {
            ksmZeroPages--;
            counterWrites++;
            mmKsmZeroPages[owner(s)]--;
        }
    }

    /**
     * Changes of this table's counters so far, only ever growing: the convergence check compares the
     * counters only after this moved ({@link CounterReadout#counterWrites}).
     */
    long counterWrites() {
        return counterWrites;
    }

    /** ksm_zero_pages */
    long ksmZeroPages() {
        return ksmZeroPages;
    }

    /** mm->ksm_zero_pages of mm {@code mmIndex} */
    long ksmZeroPages(int mmIndex) {
        return mmKsmZeroPages[mmIndex];
    }

    long heapBytes() {
        return (long) pte.length * 4 + (long) rangeStart.length * 12;
    }
}
