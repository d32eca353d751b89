package org.ksmstudio.engine.rmap;

import java.util.Arrays;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The non-empty buckets of a {@link LatencyHistogram} at one moment, as primitive arrays in increasing
 * order: bucket {@code i} holds {@code counts[i]} samples in {@code [lowerNanos[i], upperNanos[i]]}
 * (16 buckets per power of two). The accessors return copies.
 *
 * @param lowerNanos smallest value of each bucket, ns
 * @param upperNanos largest value of each bucket, ns (inclusive)
 * @param counts     samples in each bucket
 */
public record LatencyBuckets(long[] lowerNanos, long[] upperNanos, long[] counts) {

    /** No samples. */
    public static final LatencyBuckets EMPTY = new LatencyBuckets(new long[0], new long[0], new long[0]);

    public LatencyBuckets {
        if (lowerNanos.length != upperNanos.length || lowerNanos.length != counts.length) {
            throw new IllegalArgumentException("bucket arrays differ in length: " + lowerNanos.length + ", "
                    + upperNanos.length + ", " + counts.length);
        }
        lowerNanos = lowerNanos.clone();
        upperNanos = upperNanos.clone();
        counts = counts.clone();
    }

    @Override
    public long[] lowerNanos() {
        return lowerNanos.clone();
    }

    @Override
    public long[] upperNanos() {
        return upperNanos.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of non-empty buckets. */
    public int size() {
        return counts.length;
    }

    /** Samples over every bucket. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LatencyBuckets b && Arrays.equals(lowerNanos, b.lowerNanos)
                && Arrays.equals(upperNanos, b.upperNanos) && Arrays.equals(counts, b.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lowerNanos) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("LatencyBuckets[");
        for (int i = 0; i < counts.length; i++) {
            s.append(i == 0 ? "" : ", ").append(lowerNanos[i]).append("..").append(upperNanos[i]).append(": ")
                    .append(counts[i]);
        }
        return s.append(']').toString();
    }
}
