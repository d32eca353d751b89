package org.ksmstudio.engine.scenario;

import org.ksmstudio.engine.internal.ScenarioLoader;

/**
 * What one engine holds on the heap, from the layout of its arrays, so that a scenario can be
 * refused before it is built. Per page (one page slot, the frame it maps, its share of the stable
 * nodes and of the unstable tree, and the contents array the loader fills):
 * <ul>
 * <li>page slot, 29 bytes: {@code slotFrame}, {@code oldChecksum}, {@code head}, {@code hnext},
 * {@code hprev}, {@code slotMm} (int), {@code flags}, {@code seq}, {@code itemNid} (byte), smart
 * scan {@code age} and {@code skips} (byte);</li>
 * <li>frame, 17 bytes: {@code content} (long), {@code mapcount}, {@code stable} (int), {@code node} (byte);</li>
 * <li>stable nodes, 1 byte: 55 bytes of arrays per node, one node per 64 slots to start with;</li>
 * <li>unstable tree, 12 bytes: an int table at most half full, and the old table while it doubles;</li>
 * <li>loader, 8 bytes: the region's contents (long) while its pages are faulted in.</li>
 * </ul>
 * Per process: the mm slot, its VMAs, the name, CPU list and reverse-map tables, about 1 KiB.
 * {@code EngineFootprintTest} measures a built engine against these figures.
 */
public final class EngineFootprint {

    /** Most pages one engine accepts (its page slots are indexed by int). */
    public static final long MAX_PAGES = ScenarioLoader.MAX_PAGES;

    /** Heap bytes per page of the workload. */
    public static final long BYTES_PER_PAGE = 29 + 17 + 1 + 12 + 8;

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
