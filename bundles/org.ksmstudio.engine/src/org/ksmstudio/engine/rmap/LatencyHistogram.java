package org.ksmstudio.engine.rmap;

import java.util.Arrays;

/**
 * A compact log-bucketed histogram of durations in nanoseconds: 16 sub-buckets per power of two
 * (values within 1/16 of the truth), plus the exact count, sum, minimum and maximum. No object per
 * sample; about 6 KiB when full. Not thread-safe.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB + SUB;

    private long[] counts = new long[0];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Records one duration (negative values count as 0). */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        int b = bucket(v);
        if (b >= counts.length) {
            counts = Arrays.copyOf(counts, Math.min(BUCKETS, Math.max(b + 1, counts.length * 2)));
        }
        counts[b]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    static int bucket(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (e - SUB_BITS)) & (SUB - 1));
        return (e - SUB_BITS + 1) * SUB + sub;
    }

    static long lowerBound(int b) {
        if (b < SUB) {
            return b;
        }
        int e = b / SUB + SUB_BITS - 1;
        long sub = b % SUB;
        return (1L << e) + (sub << (e - SUB_BITS));
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    /** Largest recorded value, exact; 0 when empty. */
    public long max() {
        return max;
    }

    /** Smallest recorded value, exact; 0 when empty. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    /**
     * The value at quantile {@code q} (0..1): the middle of its bucket, clamped to the exact minimum
     * and maximum (so a histogram of equal values gives that value); 0 when empty.
     */
    public long quantile(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) {
                long lo = lowerBound(b);
                long hi = b + 1 < BUCKETS ? lowerBound(b + 1) - 1 : Long.MAX_VALUE;
                long mid = lo + (hi - lo) / 2;
                return Math.max(min, Math.min(max, mid));
            }
        }
        return max;
    }

    /** The non-empty buckets, lowest first (a copy). */
    public LatencyBuckets buckets() {
        int n = 0;
        for (long c : counts) {
            n += c == 0 ? 0 : 1;
        }
        long[] lower = new long[n];
        long[] upper = new long[n];
        long[] c = new long[n];
        int i = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] != 0) {
                lower[i] = lowerBound(b);
                upper[i] = b + 1 < BUCKETS ? lowerBound(b + 1) - 1 : Long.MAX_VALUE;
                c[i++] = counts[b];
            }
        }
        return new LatencyBuckets(lower, upper, c);
    }

    /** An independent copy. */
    public LatencyHistogram copy() {
        LatencyHistogram h = new LatencyHistogram();
        h.counts = counts.clone();
        h.count = count;
        h.sum = sum;
        h.min = min;
        h.max = max;
        return h;
    }
}
