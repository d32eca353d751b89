package org.ksmstudio.engine.scenario;

import org.ksmstudio.engine.internal.ScenarioLoader;

/**
 * What one engine holds on the heap, so that a scenario can be refused before it is built. Its
 * arrays per page: a page slot of 29 bytes ({@code slotFrame}, {@code oldChecksum}, {@code head},
 * {@code hnext}, {@code hprev}, {@code slotMm} as int; {@code flags}, {@code seq}, {@code itemNid},
 * smart scan {@code age} and {@code skips} as byte), a frame of 17 bytes ({@code content} long,
 * {@code mapcount} and {@code stable} int, {@code node} byte), the unstable tree's int table (at
 * most half full, 8 bytes, and the old table while it doubles), the stable nodes (55 bytes a node)
 * and, while pages are faulted in, the loader's long contents array. Measured after convergence
 * ({@code EngineFootprintTest}: 2 processes of 262,144 pages) an engine holds 85 bytes per page;
 * the guard counts 96. Per process (mm slot, VMAs, name, CPU list, reverse-map tables) it counts
 * 1 KiB, above what 5,000 small processes measure.
 */
public final class EngineFootprint {

    /** Most pages one engine accepts (its page slots are indexed by int). */
    public static final long MAX_PAGES = ScenarioLoader.MAX_PAGES;

    /** Heap bytes per page of the workload. */
    public static final long BYTES_PER_PAGE = 96;

    /** Heap bytes per process (mm slot, VMAs, name, CPUs, reverse-map tables). */
    public static final long BYTES_PER_PROCESS = 1024;

    private EngineFootprint() {
    }

    /** Heap an engine needs for {@code pages} pages in {@code processes} processes (saturating). */
    public static long heapBytes(long pages, long processes) {
        return saturatedAdd(saturatedMultiply(pages, BYTES_PER_PAGE), saturatedMultiply(processes, BYTES_PER_PROCESS));
    }

    /** {@code a * b} for non-negative values, {@link Long#MAX_VALUE} when it overflows. */
    public static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** {@code a + b} for non-negative values, {@link Long#MAX_VALUE} when it overflows. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
