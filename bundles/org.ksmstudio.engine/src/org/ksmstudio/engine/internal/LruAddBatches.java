package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * The per-CPU LRU add batches (struct folio_batch of lru_add, mm/swap.c): the page slots whose new
 * page still sits in a batch and so holds an extra reference that write_protect_page refuses,
 * until lru_add_drain_all() at the start of ksmd's next full scan. The slots are flagged in
 * {@link RmapItems}; this table keeps the list of them and the flag in step.
 */
final class LruAddBatches {
    /** PAGEVEC_SIZE: folios of a per-CPU lru_add folio_batch, which is flushed when full */
    static final int LRU_ADD_BATCH = 31;

    private final RmapItems items;
    private int[] held = new int[LRU_ADD_BATCH];
    private int count;

    LruAddBatches(RmapItems items) {
        this.items = items;
    }

    /**
     * The pages newly faulted or COW-copied by one write action, in write order: all but the last
     * {@code written mod 31} have left the writer CPU's folio_batch (flushed when full); those last
     * ones hold an extra reference until {@link #drainAll()}. {@code ring[i]} is the slot of the
     * i-th page of the action mod 31, so the held ones are ring[0 .. written mod 31).
     */
    void hold(int[] ring, long written) {
        int k = (int) (written % LRU_ADD_BATCH);
        for (int i = 0; i < k; i++) {
            int s = ring[i];
            if (!items.holdInLru(s)) {
                continue;
            }
            if (count == held.length) {
                held = Arrays.copyOf(held, held.length * 2);
            }
            held[count++] = s;
        }
    }

    /** lru_add_drain_all(): every held page is released. */
    void drainAll() {
        for (int i = 0; i < count; i++) {
            items.releaseFromLru(held[i]);
        }
        count = 0;
    }

    /** Number of page slots whose page sits in a batch. */
    int held() {
        return count;
    }
}
