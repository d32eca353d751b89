package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.PatchValue;
import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.patch.MergeTarget;
import org.ksmstudio.engine.patch.PatchException;
import org.ksmstudio.engine.patch.ProcessEvent;
import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * The run's patch at the places where ksmd decides, and everything the patch keeps: the values of
 * its sysfs files and its per-mm columns (its per-rmap-item columns are {@link RmapItems}'). The
 * engine calls the seams only through the methods here, which hold the patch to the API: a hook
 * that throws or a value out of range becomes a {@link PatchException} naming the patch, and the
 * {@link Ksmd} view answers only while one of the patch's hooks runs. A policy that is no
 * {@link KsmPatch} gets 6.18's behaviour at every seam.
 */
final class Seams implements Ksmd {
    private static final int ZERO_CHECKSUM = Mix.checksum(0L);
    private static final long UINT_MAX = KsmSysfsFile.UINT_MAX;

    private final KsmEngine e;
    private final KsmPatch patch;
    private final String name;
    private final List<PatchSysfsFile> files;
    private final long[] values;
    private final int itemColumns;
    private long[][] mmState;
    /** nesting depth of hook calls: the Ksmd view answers only inside one */
    private int inHook;
    /** when the current full scan started (every run, not only under the advisor) */
    private long scanStart;
    /** when ksmd's current batch started, -1 between batches */
    private long batchStart = -1;

    Seams(KsmEngine engine, SharingPolicy policy) {
        this.e = engine;
        this.patch = policy instanceof KsmPatch p ? p : new StockSeams(policy);
        this.name = policy.name();
        this.files = List.copyOf(returned(call("sysfsFiles", patch::sysfsFiles), "sysfsFiles()"));
        Set<String> names = new HashSet<>();
        for (PatchSysfsFile f : files) {
            if (!names.add(f.fileName())) {
                throw new PatchException(name, "sysfsFiles() names " + f.fileName() + " twice");
            }
        }
        this.values = files.stream().mapToLong(PatchSysfsFile::initialValue).toArray();
        this.itemColumns = columns("itemColumns", patch.itemColumns());
        this.mmState = new long[columns("mmColumns", patch.mmColumns())][16];
    }

    private int columns(String what, int n) {
        if (n < 0 || n > 16) {
            throw new PatchException(name, what + "() = " + n + ": must be 0..16");
        }
        return n;
    }

    /**
     * After a run of a patch from outside the engine (another class loader: a jar, a plug-in): the
     * tables recounted ({@link InvariantCheck}); a difference is the patch's.
     */
    void checkAfterRun() {
        if (patch.getClass().getClassLoader() == Seams.class.getClassLoader()) {
            return;
        }
        String violation = InvariantCheck.firstViolation(e);
        if (violation != null) {
            throw new PatchException(name, "broke an invariant of the engine's tables: " + violation);
        }
    }

    /** Int columns per rmap item the patch asked for. */
    int itemColumns() {
        return itemColumns;
    }

    /** The patch's files. */
    List<PatchSysfsFile> files() {
        return files;
    }

    /** The patch's file {@code fileName}, or null. */
    @Nullable
    PatchSysfsFile file(String fileName) {
        for (PatchSysfsFile f : files) {
            if (f.fileName().equals(fileName)) {
                return f;
            }
        }
        return null;
    }

    /** The values of the patch's files now. */
    List<PatchValue> values() {
        if (files.isEmpty()) {
            return List.of();
        }
        List<PatchValue> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            out.add(new PatchValue(files.get(i), values[i]));
        }
        return out;
    }

    /** A sysfs write of a patch tunable (already parsed). */
    void store(PatchSysfsFile file, long value) {
        values[index(file)] = value;
    }

    // =====================================================================================
    // the seams, as the engine calls them
    // =====================================================================================

    /** ksmd wakes up at {@code start}: its batch's work is charged from there. */
    void batchStarts(long start) {
        batchStart = start;
    }

    /** ksmd's batch ended (its CPU time is in busyNanos). */
    void batchEnds() {
        batchStart = -1;
    }

    /** Simulated time now: within a batch, its start plus the work charged so far. */
    private long time() {
        return batchStart >= 0 ? batchStart + e.clock.batchNanos() : e.clock.now;
    }

    /** scan_get_next_rmap_item at ksm_mm_head. */
    void fullScanStarts() {
        scanStart = time();
        enter();
        try {
            patch.fullScanStarts(this);
        } catch (RuntimeException ex) {
            throw failed("fullScanStarts", ex);
        } finally {
            inHook--;
        }
    }

    /** ksm_do_scan after the last mm slot. */
    void fullScanEnds() {
        enter();
        try {
            patch.fullScanEnds(this);
        } catch (RuntimeException ex) {
            throw failed("fullScanEnds", ex);
        } finally {
            inHook--;
        }
    }

    /** should_skip_rmap_item for an unmerged page. */
    boolean skip(int s) {
        enter();
        try {
            return patch.skipRmapItem(this, s);
        } catch (RuntimeException ex) {
            throw failed("skipRmapItem", ex);
        } finally {
            inHook--;
        }
    }

    /** The volatility rule. */
    boolean allowsMerge(int s, boolean changed) {
        enter();
        try {
            return patch.checksumAllowsMerge(this, s, changed);
        } catch (RuntimeException ex) {
            throw failed("checksumAllowsMerge", ex);
        } finally {
            inHook--;
        }
    }

    /** The merge target of an unmerged page. */
    MergeTarget mergeTarget(int s) {
        @Nullable MergeTarget t;
        enter();
        try {
            t = patch.mergeTarget(this, s);
        } catch (RuntimeException ex) {
            throw failed("mergeTarget", ex);
        } finally {
            inHook--;
        }
        return returned(t, "mergeTarget");
    }

    /** A process event the engine applied. */
    void processEvent(ProcessEvent event, Mm mm) {
        enter();
        try {
            patch.processEvent(this, event, mm.index);
        } catch (RuntimeException ex) {
            throw failed("processEvent(" + event + ")", ex);
        } finally {
            inHook--;
        }
    }

    private void enter() {
        inHook++;
    }

    /** {@code value}, which the patch's {@code hook} returned: a patch is code outside null analysis. */
    private <T> @NonNull T returned(@Nullable T value, String hook) {
        if (value == null) {
            throw new PatchException(name, hook + " returned null");
        }
        return value;
    }

    private <T> T call(String hook, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException ex) {
            throw failed(hook, ex);
        }
    }

    private PatchException failed(String hook, RuntimeException ex) {
        if (ex instanceof PatchException p) {
            return p;
        }
        return new PatchException(name, hook + " threw " + ex, ex);
    }

    private void inside(String what) {
        if (inHook == 0) {
            throw new PatchException(name, "Ksmd." + what + " called outside a hook (the view is valid only during the call)");
        }
    }

    // =====================================================================================
    // Ksmd: what the hooks see
    // =====================================================================================

    @Override
    public long now() {
        inside("now");
        return time();
    }

    @Override
    public long cpuNanos() {
        inside("cpuNanos");
        return e.clock.busyNanos + (batchStart >= 0 ? e.clock.batchNanos() : 0);
    }

    @Override
    public long fullScans() {
        inside("fullScans");
        return e.scan.seqnr();
    }

    @Override
    public long fullScanStartNanos() {
        inside("fullScanStartNanos");
        return scanStart;
    }

    @Override
    public long value(KsmSysfsFile file) {
        inside("value");
        return switch (file) {
            case RUN -> e.run;
            case PAGES_TO_SCAN -> e.pagesToScan;
            case SLEEP_MILLISECS -> e.sleepMillisecs;
            case MERGE_ACROSS_NODES -> e.mergeAcrossNodes;
            case MAX_PAGE_SHARING -> e.maxPageSharing;
            case STABLE_NODE_CHAINS_PRUNE_MILLISECS -> e.pruneMillisecs;
            case USE_ZERO_PAGES -> e.useZeroPages ? 1 : 0;
            case SMART_SCAN -> e.smartScan ? 1 : 0;
            case ADVISOR_MODE -> e.advisor.ordinal();
            case ADVISOR_MAX_CPU -> e.advisorMaxCpu;
            case ADVISOR_MIN_PAGES_TO_SCAN -> e.advisorMinPages;
            case ADVISOR_MAX_PAGES_TO_SCAN -> e.advisorMaxPages;
            case ADVISOR_TARGET_SCAN_TIME -> e.advisorTarget;
            default -> e.counters().value(file);
        };
    }

    @Override
    public long value(PatchSysfsFile file) {
        inside("value");
        return values[index(file)];
    }

    @Override
    public void add(PatchSysfsFile counter, long delta) {
        inside("add");
        int i = counterIndex(counter);
        long v = values[i] + delta;
        if (v < 0 || (delta > 0 && v < values[i])) {
            throw new PatchException(name, "counter " + counter.fileName() + " = " + values[i] + " + " + delta
                    + ": outside 0.." + Long.MAX_VALUE);
        }
        values[i] = v;
    }

    @Override
    public void set(PatchSysfsFile counter, long value) {
        inside("set");
        int i = counterIndex(counter);
        if (value < 0) {
            throw new PatchException(name, "counter " + counter.fileName() + " = " + value + ": must be >= 0");
        }
        values[i] = value;
    }

    private int counterIndex(PatchSysfsFile counter) {
        int i = index(counter);
        if (counter.writable()) {
            throw new PatchException(name, counter.fileName() + " is a tunable: only sysfs writes change it");
        }
        return i;
    }

    private int index(PatchSysfsFile file) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == file) {
                return i;
            }
        }
        int i = files.indexOf(file);
        if (i < 0) {
            throw new PatchException(name, "file " + file.fileName() + " is not one of sysfsFiles()");
        }
        return i;
    }

    @Override
    public void setPagesToScan(long pages) {
        inside("setPagesToScan");
        if (pages < 0 || pages > UINT_MAX) {
            throw new PatchException(name, "setPagesToScan(" + pages + "): must be 0.." + UINT_MAX);
        }
        e.pagesToScan = pages;
    }

    @Override
    public int mmOf(int item) {
        inside("mmOf");
        return e.slots.owner(checkItem(item));
    }

    @Override
    public int pid(int mm) {
        inside("pid");
        return e.mms.get(checkMm(mm)).pid;
    }

    @Override
    public int parentPid(int mm) {
        inside("parentPid");
        return e.mms.get(checkMm(mm)).parentPid;
    }

    @Override
    public int parentMm(int mm) {
        inside("parentMm");
        int ppid = e.mms.get(checkMm(mm)).parentPid;
        if (ppid == 0) {
            return -1;
        }
        for (int i = mm - 1; i >= 0; i--) {
            if (e.mms.get(i).pid == ppid) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean zeroChecksum(int item) {
        inside("zeroChecksum");
        return e.items.oldChecksum(checkItem(item)) == ZERO_CHECKSUM;
    }

    @Override
    public int itemState(int column, int item) {
        inside("itemState");
        return e.items.patchState(checkItemColumn(column), checkItem(item));
    }

    @Override
    public void setItemState(int column, int item, int value) {
        inside("setItemState");
        e.items.setPatchState(checkItemColumn(column), checkItem(item), value);
    }

    @Override
    public long mmState(int column, int mm) {
        inside("mmState");
        long[] c = mmColumn(column, checkMm(mm));
        return c[mm];
    }

    @Override
    public void setMmState(int column, int mm, long value) {
        inside("setMmState");
        mmColumn(column, checkMm(mm))[mm] = value;
    }

    private long[] mmColumn(int column, int mm) {
        if (column < 0 || column >= mmState.length) {
            throw new PatchException(name, "mm column " + column + ": the patch has " + mmState.length);
        }
        if (mm >= mmState[column].length) {
            for (int c = 0; c < mmState.length; c++) {
                mmState[c] = Arrays.copyOf(mmState[c], Math.max(mm + 1, mmState[c].length * 2));
            }
        }
        return mmState[column];
    }

    private int checkItemColumn(int column) {
        if (column < 0 || column >= itemColumns) {
            throw new PatchException(name, "rmap item column " + column + ": the patch has " + itemColumns);
        }
        return column;
    }

    private int checkItem(int item) {
        if (item < 0 || item >= e.slots.count() || !e.items.hasItem(item)) {
            throw new PatchException(name, "rmap item " + item + ": no such rmap item");
        }
        return item;
    }

    private int checkMm(int mm) {
        if (mm < 0 || mm >= e.mms.all().size()) {
            throw new PatchException(name, "mm " + mm + ": no such mm");
        }
        return mm;
    }

    // ---- 6.18 ----

    @Override
    public boolean stockSkip(int item) {
        inside("stockSkip");
        return e.smartScan && e.items.smartScanSkips(item);
    }

    @Override
    public void stockFullScanStarts() {
        inside("stockFullScanStarts");
        if (e.advisor == AdvisorMode.SCAN_TIME) {
            e.advStartScan = e.clock.now + e.clock.batchNanos(); // as the reference kernel data were matched
        }
    }

    @Override
    public void stockFullScanEnds() {
        inside("stockFullScanEnds");
        if (e.advisor != AdvisorMode.SCAN_TIME) {
            return;
        }
        long t = e.clock.now + e.clock.batchNanos();
        ScanTimeAdvisor.Result r = ScanTimeAdvisor.advise(e.advContext, t - e.advStartScan,
                e.ksmdCpuBeforeStart + e.clock.busyNanos + e.clock.batchNanos(),
                e.pagesToScan, e.advisorTarget, e.advisorMaxCpu, e.advisorMaxPages);
        e.advContext = r.context();
        e.pagesToScan = r.pagesToScan();
    }

    @Override
    public MergeTarget stockMergeTarget(int item) {
        inside("stockMergeTarget");
        return e.useZeroPages && e.items.oldChecksum(item) == ZERO_CHECKSUM ? MergeTarget.ZERO_PAGE : MergeTarget.TREES;
    }

    /** 6.18 at every seam, for a policy that changes only the sharing rules or the walks. */
    private record StockSeams(SharingPolicy policy) implements KsmPatch {
        @Override
        public String name() {
            return policy.name();
        }

        @Override
        public String description() {
            return policy instanceof RmapPolicy r ? r.description() : policy.name();
        }

        @Override
        public boolean isSharingCandidate(int rmapItems, int offset, int maxPageSharing) {
            return policy.isSharingCandidate(rmapItems, offset, maxPageSharing);
        }
    }
}
