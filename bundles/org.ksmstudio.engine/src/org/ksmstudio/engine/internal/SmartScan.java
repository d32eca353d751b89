package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * smart_scan's bookkeeping per rmap item (mm/ksm.c should_skip_rmap_item): the age of a page
 * that stayed unmerged and the number of scans still to skip (rmap_item->age and
 * ->remaining_skips), one byte per page slot, owned by {@link RmapItems}. The age is kept
 * saturating at 15 instead of 255: skip_age() and the "age < 3" test tell no age above 8 from
 * another, so the decisions are the kernel's; the low nibble is the age, the high one the skips.
 */
final class SmartScan {
    private static final int AGE_MAX = 15;
    private byte[] ageAndSkips;

    SmartScan(int capacity) {
        ageAndSkips = new byte[capacity];
    }

    /** Grows the column to {@code capacity} page slots. */
    void grow(int capacity) {
        ageAndSkips = Arrays.copyOf(ageAndSkips, capacity);
    }

    /** A new rmap item at slot s starts young with nothing to skip. */
    void reset(int s) {
        ageAndSkips[s] = 0;
    }

    /**
     * Ages the unmerged page at slot s by one scan and tells whether this scan skips it (the caller
     * counts it in pages_skipped).
     */
    boolean skip(int s) {
        int v = ageAndSkips[s] & 0xff;
        int age = v & 0xf;
        int skips = v >>> 4;
        int older = age == AGE_MAX ? age : age + 1;
        boolean skipped = false;
        if (age >= 3) {
            if (skips == 0) {
                skips = skipAge(age);
            } else {
                skips--;
                skipped = true;
            }
        }
        ageAndSkips[s] = (byte) (skips << 4 | older);
        return skipped;
    }

    long heapBytes() {
        return ageAndSkips.length;
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
