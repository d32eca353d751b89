package org.ksmstudio.engine.internal;

import java.util.Arrays;

/**
 * When the converging counters last changed (the engine's convergence signature: the sysfs counters
 * and ksm_stat that a harness compares), after how many full scans and page scans, and ksmd's CPU time
 * then. A run has converged when ksmd runs and two full scans passed without a change, as the
 * kernel reference harness waits for.
 */
public final class ConvergenceWatch {
    private final KsmEngine engine;
    private long[] signature;
    private long timeNanos;
    private long fullScans;
    private long pagesScanned;
    private long ksmdCpuNanos;

    /** Watches {@code engine} from its state now, counted as a change at time 0. */
    public ConvergenceWatch(KsmEngine engine) {
        this.engine = engine;
        this.signature = engine.convergenceSignature();
    }

    /**
     * After a ksmd wake-up: a change is dated where in the batch the counters last changed, with
     * ksmd's CPU time up to there.
     */
    public void afterWakeup() {
        long[] now = engine.convergenceSignature();
        if (!Arrays.equals(now, signature) && engine.batchChangeNanos() >= 0) {
            signature = now;
            long batchCpuToChange = engine.batchChangeNanos() - engine.now();
            timeNanos = engine.batchChangeNanos();
            fullScans = engine.batchChangeFullScans();
            pagesScanned = engine.batchChangePagesScanned();
            ksmdCpuNanos = engine.ksmdBusyNanos() - engine.lastBatchNanos() + batchCpuToChange;
        }
        noteChange();
    }

    /** After an event or a live edit: a change is dated now. */
    public void noteChange() {
        long[] now = engine.convergenceSignature();
        if (!Arrays.equals(now, signature)) {
            signature = now;
            markNow();
        }
    }

    /** Counts "now" as the last change: convergence is then counted from here. */
    public void markPhaseStart() {
        signature = engine.convergenceSignature();
        markNow();
    }

    private void markNow() {
        timeNanos = engine.now();
        fullScans = engine.fullScans();
        pagesScanned = engine.pagesScanned();
        ksmdCpuNanos = engine.ksmdBusyNanos();
    }

    /** Whether ksmd runs and completed two full scans since the last change. */
    public boolean converged() {
        return engine.run() == 1 && engine.fullScans() >= fullScans + 2;
    }

    /** Simulated time of the last change, ns. */
    public long timeNanos() {
        return timeNanos;
    }

    /** full_scans at the last change. */
    public long fullScans() {
        return fullScans;
    }

    /** pages_scanned at the last change. */
    public long pagesScanned() {
        return pagesScanned;
    }

    /** ksmd's CPU time at the last change, ns. */
    public long ksmdCpuNanos() {
        return ksmdCpuNanos;
    }
}
