package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * smart_scan's bookkeeping per rmap item (mm/ksm.c should_skip_rmap_item): the age of a page
 * that stayed unmerged and the number of scans still to skip, in arrays indexed by page slot
 * (part of the rmap item, rmap_item->age and ->remaining_skips; owned by {@link RmapItems}).
 */
final class SmartScan {
    private byte[] age;
    private byte[] skips;
    private long pagesSkipped;

    SmartScan(int capacity) {
        age = new byte[capacity];
        skips = new byte[capacity];
    }

    /** Grows the arrays to {@code capacity} page slots. */
    void grow(int capacity) {
        age = Arrays.copyOf(age, capacity);
        skips = Arrays.copyOf(skips, capacity);
    }

    /** A new rmap item at slot s starts young with nothing to skip. */
    void reset(int s) {
        age[s] = 0;
        skips[s] = 0;
    }

    /**
     * Ages the unmerged page at slot s by one scan and tells whether this scan skips it (then
     * counted in pages_skipped).
     */
    boolean skip(int s) {
        int a = age[s] & 0xff;
        if (a != 255) {
            age[s] = (byte) (a + 1);
        }
        if (a < 3) {
            return false;
        }
        if (skips[s] == 0) {
            skips[s] = (byte) skipAge(a);
            return false;
        }
        pagesSkipped++;
        skips[s]--;
        return true;
    }

    /** pages_skipped: the skips so far */
    long pagesSkipped() {
        return pagesSkipped;
    }

    long heapBytes() {
        return (long) age.length * 2;
    }

    private static int skipAge(int a) {
        if (a <= 3) {
            return 1;
        }
        if (a <= 5) {
            return 2;
        }
        if (a <= 8) {
            return 4;
        }
        return 8;
    }
}
