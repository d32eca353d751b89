package org.ksmstudio.engine.scenario;

import org.ksmstudio.engine.internal.ScenarioLoader;

/**
 * What one engine holds on the heap, so that a scenario can be refused before it is built. The
 * engine keeps its pages in primitive arrays (page slots, rmap items, frames, the unstable tree's
 * table, stable nodes) and, while pages are faulted in, the loader's contents array of the region
 * being filled (8 bytes a page). docs/performance.md gives the measured bytes per page: 36 to 40
 * from 16 M pages up, 46 to 50 at 1 M pages, where the tables' fixed parts still show. The guard
 * counts 48 bytes per page, 1 KiB per process (mm slot, VMAs, name, CPU list, reverse-map tables)
 * and 16 MiB per engine: {@code EngineFootprintTest} builds and converges engines and checks that
 * what they hold stays below these figures and within a small factor of them.
 */
public final class EngineFootprint {

    /** Most pages one engine accepts (its page slots are indexed by int). */
    public static final long MAX_PAGES = ScenarioLoader.MAX_PAGES;

    /** Heap bytes per page of the workload. */
    public static final long BYTES_PER_PAGE = 48;

    /** Heap bytes per process (mm slot, VMAs, name, CPUs, reverse-map tables). */
    public static final long BYTES_PER_PROCESS = 1024;

    /** Heap bytes of one engine besides its pages and processes (tables' smallest sizes, time series, plan). */
    public static final long BYTES_PER_ENGINE = 16L << 20;

    private EngineFootprint() {
    }

    /** Heap an engine needs for {@code pages} pages in {@code processes} processes (saturating). */
    public static long heapBytes(long pages, long processes) {
        return saturatedAdd(BYTES_PER_ENGINE, saturatedAdd(saturatedMultiply(pages, BYTES_PER_PAGE),
                saturatedMultiply(processes, BYTES_PER_PROCESS)));
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
