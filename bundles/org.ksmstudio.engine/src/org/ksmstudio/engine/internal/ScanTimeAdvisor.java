package org.ksmstudio.engine.internal;

/**
 * The scan-time advisor's arithmetic (mm/ksm.c scan_time_advisor), in the kernel's unsigned
 * integer steps, as a pure function of its inputs.
 */
public final class ScanTimeAdvisor {
    private static final long UINT_MAX = 0xffff_ffffL;
    private static final int EWMA_WEIGHT = 30;
    private static final long MIN_CPU = 10;

    private ScanTimeAdvisor() {
    }

    /** The advisor's memory between scans (zero after selecting scan-time). */
    public record Context(long scanTimeSeconds, long change, long cpuTimeNanos) {
        public static final Context ZERO = new Context(0, 0, 0);
    }

    /** A new pages_to_scan and the context for the next scan. */
    public record Result(long pagesToScan, Context context, long cpuPercent) {
    }

    /**
     * @param scanNanos     duration of the full scan just completed
     * @param ksmdCpuNanos  ksmd's total CPU time now
     * @param pagesToScan   current pages_to_scan
     */
    public static Result advise(Context ctx, long scanNanos, long ksmdCpuNanos, long pagesToScan, long targetScanTime,
            long maxCpu, long maxPagesToScan) {
        long scanTime = (scanNanos / 1_000_000L) / 1000L;
        scanTime = scanTime != 0 ? scanTime : 1;
        long cpuDiffMs = (ksmdCpuNanos - ctx.cpuTimeNanos()) / 1000 / 1000;
        long cpuPercent = ((cpuDiffMs * 100) / (scanTime * 1000)) & UINT_MAX;
        cpuPercent = cpuPercent != 0 ? cpuPercent : 1;
        long lastScanTime = ctx.scanTimeSeconds() != 0 ? ctx.scanTimeSeconds() : scanTime;
        long factor = targetScanTime * 100 / scanTime;
        factor = factor != 0 ? factor : 1;
        long change = scanTime * 100 / lastScanTime;
        change = change != 0 ? change : 1;
        change = ((100 - EWMA_WEIGHT) * ctx.change() + EWMA_WEIGHT * change) / 100;
        long pages = pagesToScan * 100 / factor;
        pages = pages * change / 100;
        long perPageCost = pagesToScan / cpuPercent;
        perPageCost = perPageCost != 0 ? perPageCost : 1;
        pages = Math.min(pages, perPageCost * maxCpu);
        pages = Math.max(pages, perPageCost * MIN_CPU);
        pages = Math.min(pages, maxPagesToScan);
        return new Result(pages & UINT_MAX, new Context(scanTime, change, ksmdCpuNanos), cpuPercent);
    }
}
