package org.ksmstudio.engine.internal;

import org.ksmstudio.engine.scenario.CostModel;

/**
 * Simulated time as ksmd sees it: the clock, scheduler ticks (jiffies), ksmd's next wake-up after
 * schedule_timeout() with the scheduling delay that slips whole ticks, and ksmd's CPU time.
 */
final class KsmdClock {
    private final long tickNanos;
    private final int hz;
    private final long wakeupLatencyNanos;
    /** simulated time, ns */
    long now;
    /** ksmd's next wake-up, Long.MAX_VALUE while it waits for work */
    long nextWake = Long.MAX_VALUE;
    /** ksmd sleeps in schedule_timeout() (a sleep_millisecs change ends the sleep) */
    boolean timedSleep;
    /** ksmd's CPU time, ns */
    long busyNanos;
    /** ksmd's CPU time in the current batch, ns */
    private long batchNanos;
    long wakeups;
    /** expected extra ticks not yet slipped (fraction of a tick) */
    private double lateness;

    KsmdClock(CostModel cost) {
        this.tickNanos = cost.tickNanos();
        this.hz = cost.hz();
        this.wakeupLatencyNanos = cost.wakeupLatencyNanos();
    }

    /** A new batch of ksmd work starts (its CPU time so far: 0). */
    void startBatch() {
        batchNanos = 0;
    }

    /** ksmd spends {@code nanos} of CPU time in the current batch. */
    void charge(long nanos) {
        batchNanos += nanos;
    }

    /** ksmd's CPU time in the current batch so far. */
    long batchNanos() {
        return batchNanos;
    }

    long jiffies() {
        return Math.floorDiv(now, tickNanos);
    }

    long msecsToJiffies(long ms) {
        return Math.ceilDiv(ms * hz, 1000L);
    }

    /** Moves the clock forward to {@code t} (never backwards). */
    void advanceTo(long t) {
        if (t > now) {
            now = t;
        }
    }

    /** ksmd waits for work (no wake-up scheduled). */
    void waitForWork() {
        nextWake = Long.MAX_VALUE;
        timedSleep = false;
    }

    /** wake_up_interruptible(ksm_thread_wait): a waiting ksmd runs now. */
    void wakeIfWaiting() {
        if (nextWake == Long.MAX_VALUE) {
            nextWake = now;
            timedSleep = false;
        }
    }

    /** A new sleep_millisecs interrupts a timed sleep that has not ended yet. */
    void interruptSleep() {
        if (timedSleep && nextWake != Long.MAX_VALUE && nextWake > now) {
            nextWake = now;
        }
    }

    /**
     * Schedules the wake-up after a batch that ended at {@code end} and scanned pages or not ({@code scanned}):
     * at once with sleep_millisecs 0 (a batch without pages yields until the next tick), else
     * schedule_timeout(msecs_to_jiffies(ms)), the timer wheel firing one tick after the expiry
     * jiffy counted from the jiffy in which the batch ended, plus the ticks the scheduling delay
     * slipped (see {@link #schedulingSlips}), accumulated deterministically.
     */
    void sleepAfterBatch(long end, boolean scanned, long sleepMillisecs) {
        if (sleepMillisecs == 0) {
            nextWake = scanned ? end : (Math.floorDiv(end, tickNanos) + 1) * tickNanos;
        } else {
            long j = Math.floorDiv(end, tickNanos);
            lateness += schedulingSlips(end - j * tickNanos);
            long slip = (long) lateness;
            lateness -= slip;
            nextWake = (j + msecsToJiffies(sleepMillisecs) + 1 + slip) * tickNanos;
        }
        timedSleep = true;
    }

    /**
     * Expected number of ticks by which ksmd's scheduling delay pushes the end of a batch that ends
     * {@code residual} ns into its tick. The delay is exponential with a mean chosen so that a batch
     * of negligible length is late by {@code wakeupLatencyNanos} on average (p/(1-p) ticks, p the
     * chance to miss one tick); a batch ending late in its tick crosses the next one more often.
     */
    private double schedulingSlips(long residual) {
        double perTick = wakeupLatencyNanos / (double) tickNanos;
        if (perTick <= 0) {
            return 0;
        }
        double p = perTick / (1 + perTick);
        double mean = -tickNanos / Math.log(p);
        return Math.exp(-(tickNanos - residual) / mean) / (1 - p);
    }
}
