package org.ksmstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.Optional;
import java.util.function.ToLongFunction;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * The counter time series of a run in bounded memory: one {@code long[]} column per
 * /sys/kernel/mm/ksm value plus the simulated time and ksmd's CPU time, at most {@code capacity}
 * rows. ksmd's CPU time is counted as it is spent: the engine charges a batch at its wake-up, and
 * the series spreads it over the time the batch runs (at most one CPU), so the share between two
 * rows is never above 100 % and its sum over the run is ksmd's CPU time. When full, every other row is dropped and from then on only every other sample is kept
 * (the stride doubles), so any run length fits and the rows stay evenly spaced. A {@link View} is
 * taken in constant time and never changes: rows are only appended past a view's end, and
 * decimation writes into new columns.
 */
public final class CounterSeries {

    /** Rows a simulation's series holds at most. */
    public static final int DEFAULT_CAPACITY = 2048;

    /** The kernel's columns: every file of the sysfs table ({@link KsmSysfsFile}), in its order. */
    private static final KsmSysfsFile[] FILES = KsmSysfsFile.values();

    /** The kernel's columns by sysfs name, in the order of {@link KsmSysfsFile}; a patch's files follow them. */
    public static final List<String> COLUMNS = Arrays.stream(FILES).map(KsmSysfsFile::fileName).toList();

    private final int capacity;
    /** the run's patch's files, columns after the kernel's */
    private final List<PatchSysfsFile> patchFiles;
    private long[] time;
    private long[] busy;
    private long[][] columns;
    private int size;
    private long stride = 1;
    private long offered;
    /** Time and ksmd CPU time spent at the last sample offered (kept or not). */
    private long lastTime;
    private long spent;

    /** An empty series of at most {@code capacity} rows (at least 2) of the kernel's files. */
    public CounterSeries(int capacity) {
        this(capacity, List.of());
    }

    /** An empty series of at most {@code capacity} rows (at least 2) of the kernel's files and a patch's. */
    public CounterSeries(int capacity, List<PatchSysfsFile> patchFiles) {
        this.capacity = Math.max(2, capacity);
        this.patchFiles = List.copyOf(patchFiles);
        this.time = new long[this.capacity];
        this.busy = new long[this.capacity];
        this.columns = new long[COLUMNS.size() + this.patchFiles.size()][this.capacity];
    }

    /**
     * Offers a sample: kept when it falls on the current stride.
     *
     * @param ksmdBusyNanos ksmd's CPU time charged so far, batches counted whole from their wake-up
     */
    public synchronized void add(long timeNanos, KsmCounters counters, long ksmdBusyNanos) {
        spent = Math.min(ksmdBusyNanos, spent + Math.max(0, timeNanos - lastTime));
        lastTime = Math.max(lastTime, timeNanos);
        if (offered++ % stride != 0) {
            return;
        }
        if (size == capacity) {
            decimate();
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        time[size] = timeNanos;
        busy[size] = spent;
        for (int c = 0; c < FILES.length; c++) {
            columns[c][size] = counters.value(FILES[c]);
        }
        List<PatchValue> patch = counters.patchValues();
        for (int c = 0; c < patch.size() && c < patchFiles.size(); c++) {
            columns[FILES.length + c][size] = patch.get(c).value();
        }
        size++;
    }

    /** Keeps every other row, in new columns (views taken before keep theirs). */
    private void decimate() {
        int kept = (size + 1) / 2;
        time = everyOther(time, kept);
        busy = everyOther(busy, kept);
        long[][] next = new long[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            next[c] = everyOther(columns[c], kept);
        }
        columns = next;
        size = kept;
        stride *= 2;
    }

    private long[] everyOther(long[] column, int kept) {
        long[] out = new long[capacity];
        for (int i = 0; i < kept; i++) {
            out[i] = column[2 * i];
        }
        return out;
    }

    /** The rows so far, in constant time. */
    public synchronized View view() {
        return new View(time, busy, columns, size, stride, patchFiles);
    }

    /**
     * The series at one moment: immutable.
     *
     * @param stride     how many sample intervals apart the rows are
     * @param patchFiles the patch's files, whose columns follow the kernel's
     */
    public record View(long[] time, long[] busy, long[][] columns, int size, long stride,
            List<PatchSysfsFile> patchFiles) {

        /** Rows. */
        public int size() {
            return size;
        }

        /** Simulated time of row {@code i}, ns. */
        public long timeNanos(int i) {
            return time[check(i)];
        }

        /** ksmd's CPU time spent up to row {@code i}, ns (a batch counted as it runs). */
        public long ksmdBusyNanos(int i) {
            return busy[check(i)];
        }

        /** ksmd's CPU share between row {@code i - 1} (the start for row 0) and row {@code i}, 0..1. */
        public double ksmdCpuShare(int i) {
            long t0 = i == 0 ? 0 : time[i - 1];
            long b0 = i == 0 ? 0 : busy[i - 1];
            long dt = time[check(i)] - t0;
            return dt <= 0 ? 0 : (busy[i] - b0) / (double) dt;
        }

        /** The value of {@code counter} (a {@link #COLUMNS} name or a patch's file) at row {@code i}. */
        public long value(String counter, int i) {
            Optional<KsmSysfsFile> file = KsmSysfsFile.byName(counter);
            if (file.isPresent()) {
                return columns[file.get().ordinal()][check(i)];
            }
            for (int p = 0; p < patchFiles.size(); p++) {
                if (patchFiles.get(p).fileName().equals(counter)) {
                    return columns[FILES.length + p][check(i)];
                }
            }
            throw new IllegalArgumentException("no such ksm sysfs file: " + counter);
        }

        /** Row {@code i} as counters. */
        public CounterSample sample(int i) {
            check(i);
            long[] v = new long[columns.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = columns[c][i];
            }
            return new CounterSample(time[i], counters(v, patchFiles), busy[i]);
        }

        /** Every row as counters (a copy: for exports and tests). */
        public List<CounterSample> samples() {
            List<CounterSample> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(sample(i));
            }
            return out;
        }

        /** The counters of one row's values, in {@link KsmSysfsFile} order, then the patch's files. */
        private static KsmCounters counters(long[] v, List<PatchSysfsFile> patchFiles) {
            ToLongFunction<KsmSysfsFile> at = file -> v[file.ordinal()];
            List<PatchValue> patch = new ArrayList<>(patchFiles.size());
            for (int p = 0; p < patchFiles.size(); p++) {
                patch.add(new PatchValue(patchFiles.get(p), v[FILES.length + p]));
            }
            return new KsmCounters(at.applyAsLong(KsmSysfsFile.PAGES_SCANNED), at.applyAsLong(KsmSysfsFile.PAGES_SHARED),
                    at.applyAsLong(KsmSysfsFile.PAGES_SHARING), at.applyAsLong(KsmSysfsFile.PAGES_UNSHARED),
                    at.applyAsLong(KsmSysfsFile.PAGES_VOLATILE), at.applyAsLong(KsmSysfsFile.PAGES_SKIPPED),
                    at.applyAsLong(KsmSysfsFile.KSM_ZERO_PAGES), at.applyAsLong(KsmSysfsFile.FULL_SCANS),
                    at.applyAsLong(KsmSysfsFile.STABLE_NODE_CHAINS), at.applyAsLong(KsmSysfsFile.STABLE_NODE_DUPS),
                    at.applyAsLong(KsmSysfsFile.GENERAL_PROFIT), at.applyAsLong(KsmSysfsFile.RUN),
                    at.applyAsLong(KsmSysfsFile.PAGES_TO_SCAN), at.applyAsLong(KsmSysfsFile.SLEEP_MILLISECS),
                    at.applyAsLong(KsmSysfsFile.MERGE_ACROSS_NODES), at.applyAsLong(KsmSysfsFile.MAX_PAGE_SHARING),
                    at.applyAsLong(KsmSysfsFile.STABLE_NODE_CHAINS_PRUNE_MILLISECS),
                    at.applyAsLong(KsmSysfsFile.USE_ZERO_PAGES), at.applyAsLong(KsmSysfsFile.SMART_SCAN),
                    KsmSysfsFile.modeName(at.applyAsLong(KsmSysfsFile.ADVISOR_MODE)),
                    at.applyAsLong(KsmSysfsFile.ADVISOR_MAX_CPU), at.applyAsLong(KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN),
                    at.applyAsLong(KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN),
                    at.applyAsLong(KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME), patch);
        }

        private int check(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i + " of " + size);
            }
            return i;
        }
    }
}
