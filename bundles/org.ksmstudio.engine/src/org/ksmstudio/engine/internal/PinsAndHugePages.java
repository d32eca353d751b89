package org.ksmstudio.engine.internal;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.ksmstudio.engine.scenario.RegionBacking;

/**
 * The two states of a mapped page that make try_to_merge_one_page do more than merge: being a
 * subpage of a large folio (a 2 MiB transparent huge page, which must be split first:
 * split_huge_page) and being pinned (an extra reference from get_user_pages / FOLL_PIN, which
 * write_protect_page and can_split_folio refuse). One bit per page slot for each (made when the
 * first huge page or pin appears), and per mapping of a huge folio its first slot (4 bytes per
 * 512 pages), the mappings of one folio (a forked child's) linked in a cycle. The only writer of
 * both and of the counters that count them: subpages of huge pages, pinned pages, and the vmstat
 * events thp_split_page and thp_split_page_failed. {@link PageSlots} tells it when a PTE changes
 * ({@link #pteChanged}): the new page is a base page and not pinned.
 */
final class PinsAndHugePages {
    /** HPAGE_PMD_NR: base pages of a PMD-sized huge page */
    static final int HPAGE_PMD_NR = RegionBacking.HUGE_PAGE_PAGES;
    /** the slot bits while no page has the state (shared, never written: allocated on the first) */
    private static final long[] NONE = new long[0];

    /** bit per slot: the page is a subpage of a huge folio not split yet; empty while there is none */
    private long[] large = NONE;
    /** bit per slot: the page is pinned; empty while none is */
    private long[] pinned = NONE;
    private int capacity;
    /** first slot of each mapping of a huge folio, in increasing order */
    private int[] heads = new int[16];
    /** next mapping of the same folio (a cycle; itself when the folio has one mapping) */
    private int[] sharer = new int[16];
    /** bit per mapping: its folio is not split */
    private long[] live = new long[1];
    private int mappings;

    private long hugeSubpages;
    private long pinnedPages;
    private long splits;
    private long splitsFailed;

    /** Grows the slot bits to the page slots' capacity. */
    void fitSlots(int cap) {
        capacity = cap;
        int words = (cap + 63) >>> 6;
        if (large != NONE && large.length < words) {
            large = Arrays.copyOf(large, words);
        }
        if (pinned != NONE && pinned.length < words) {
            pinned = Arrays.copyOf(pinned, words);
        }
    }

    /**
     * do_huge_pmd_anonymous_page: the 512 pages from slot {@code first}, already faulted in with
     * their contents, are the subpages of one new huge folio mapped by one PMD.
     */
    void mapHuge(int first) {
        if (large == NONE) {
            large = new long[(capacity + 63) >>> 6];
        }
        int m = addMapping(first);
        sharer[m] = m;
        for (int s = first; s < first + HPAGE_PMD_NR; s++) {
            setLarge(s);
        }
    }

    /** pin_user_pages (FOLL_PIN) of the page mapped at slot s. */
    void pin(int s) {
        if (pinned == NONE) {
            pinned = new long[(capacity + 63) >>> 6];
        }
        if (!bit(pinned, s)) {
            pinned[s >>> 6] |= 1L << s;
            pinnedPages++;
        }
    }

    /** folio_test_large of the page mapped at slot s */
    boolean isLarge(int s) {
        return large != NONE && bit(large, s);
    }

    /** folio_maybe_dma_pinned of the (base) page mapped at slot s */
    boolean isPinned(int s) {
        return pinned != NONE && bit(pinned, s);
    }

    /** Slot s maps another page (or none) now: that page is a base page, not pinned. */
    void pteChanged(int s) {
        if (large != NONE) {
            clearLarge(s);
        }
        if (pinned != NONE && bit(pinned, s)) {
            pinned[s >>> 6] &= ~(1L << s);
            pinnedPages--;
        }
    }

    /**
     * split_huge_page of the huge folio whose subpage is mapped at slot s (called only when
     * {@link #isLarge}): refused while a subpage is pinned (can_split_folio counts the extra
     * references; thp_split_page_failed), else every mapping of the folio becomes 512 PTEs of base
     * pages (thp_split_page), and {@code remapped} is told each of their slots (remap_page: the
     * caller maps a zero-filled subpage to the shared zero page). The other subpages keep their
     * frames, rmap items and tree places.
     */
    boolean split(int s, IntConsumer remapped) {
        int m0 = mappingOf(s);
        int m = m0;
        do {
            if (anyPinned(heads[m])) {
                splitsFailed++;
                return false;
            }
            m = sharer[m];
        } while (m != m0);
        do {
            live[m >>> 6] &= ~(1L << m);
            for (int t = heads[m]; t < heads[m] + HPAGE_PMD_NR; t++) {
                clearLarge(t);
            }
            m = sharer[m];
        } while (m != m0);
        splits++;
        do {
            for (int t = heads[m]; t < heads[m] + HPAGE_PMD_NR; t++) {
                remapped.accept(t);
            }
            m = sharer[m];
        } while (m != m0);
        return true;
    }

    /**
     * The first split_huge_page of try_to_merge_two_pages when both pages are subpages of one folio:
     * the tree page's reference makes the count one too high, and it fails (thp_split_page_failed).
     */
    void splitFailedOnOwnReference() {
        splitsFailed++;
    }

    /** Whether the pages at slots s and t are subpages of one huge folio (compound_head equal). */
    boolean sameFolio(int s, int t) {
        if (!isLarge(s) || !isLarge(t)) {
            return false;
        }
        int m0 = mappingOf(s);
        int mt = mappingOf(t);
        int m = m0;
        do {
            if (m == mt) {
                return true;
            }
            m = sharer[m];
        } while (m != m0);
        return false;
    }

    /**
     * copy_present_pte at fork (page_needs_cow_for_dma): a pinned page, or a subpage of a huge folio
     * with a pinned subpage, is copied for the child instead of shared.
     */
    boolean copiedAtFork(int s) {
        return isPinned(s) || isLarge(s) && folioPinned(mappingOf(s));
    }

    /**
     * copy_huge_pmd at fork: the child, whose {@code count} slots from {@code childFirst} mirror the
     * parent's from {@code parentFirst}, maps every huge folio of the parent that is not pinned (the
     * pinned ones were copied as base pages, {@link #copiedAtFork}).
     */
    void fork(int parentFirst, int childFirst, int count) {
        int n = mappings;
        for (int m = 0; m < n; m++) {
            int h = heads[m];
            if (h < parentFirst || h >= parentFirst + count || !bit(live, m) || folioPinned(m)) {
                continue;
            }
            int c = addMapping(childFirst + (h - parentFirst));
            sharer[c] = sharer[m];
            sharer[m] = c;
            for (int i = 0; i < HPAGE_PMD_NR; i++) {
                if (bit(large, h + i)) {
                    setLarge(childFirst + (h - parentFirst) + i);
                }
            }
        }
    }

    // ---- counts ----

    /** Mapped pages that are subpages of a huge folio not split (KPF_THP; AnonHugePages / 4 KiB per mapping). */
    long hugeSubpages() {
        return hugeSubpages;
    }

    /** Mapped pages pinned. */
    long pinnedPages() {
        return pinnedPages;
    }

    /** vmstat thp_split_page */
    long splits() {
        return splits;
    }

    /** vmstat thp_split_page_failed */
    long splitsFailed() {
        return splitsFailed;
    }

    long heapBytes() {
        return large.length * 8L + pinned.length * 8L
                + heads.length * 8L + live.length * 8L;
    }

    // ---- internals ----

    private static boolean bit(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private void setLarge(int s) {
        if (!bit(large, s)) {
            large[s >>> 6] |= 1L << s;
            hugeSubpages++;
        }
    }

    private void clearLarge(int s) {
        if (bit(large, s)) {
            large[s >>> 6] &= ~(1L << s);
            hugeSubpages--;
        }
    }

    private int addMapping(int first) {
        if (mappings > 0 && first < heads[mappings - 1] + HPAGE_PMD_NR) {
            throw new IllegalStateException("huge page at slot " + first + " overlaps or precedes the last one");
        }
        if (mappings == heads.length) {
            heads = Arrays.copyOf(heads, mappings * 2);
            sharer = Arrays.copyOf(sharer, mappings * 2);
        }
        if ((mappings >>> 6) >= live.length) {
            live = Arrays.copyOf(live, live.length * 2);
        }
        heads[mappings] = first;
        live[mappings >>> 6] |= 1L << mappings;
        return mappings++;
    }

    /** The mapping of a live huge folio that holds slot s (s is a subpage: {@link #isLarge}). */
    private int mappingOf(int s) {
        int i = Arrays.binarySearch(heads, 0, mappings, s);
        return i >= 0 ? i : -i - 2;
    }

    private boolean folioPinned(int m0) {
        int m = m0;
        do {
            if (anyPinned(heads[m])) {
                return true;
            }
            m = sharer[m];
        } while (m != m0);
        return false;
    }

    private boolean anyPinned(int first) {
        if (pinned == NONE) {
            return false;
        }
        for (int s = first; s < first + HPAGE_PMD_NR; s++) {
            if (bit(pinned, s)) {
                return true;
            }
        }
        return false;
    }
}
