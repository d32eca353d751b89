package org.ksmstudio.engine.internal;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.ProcessRmapCount;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableTreeView;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Topology;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/**
 * ksmd and the KSM data structures of mm/ksm.c on simulated time. The state is in owned tables,
 * each the only writer of its columns and counters: {@link PageSlots} (PTEs, ksm_zero_pages),
 * {@link Frames} (pages), {@link PinsAndHugePages} (huge folios, pins, thp_split_page), {@link RmapItems} (struct ksm_rmap_item; rmap items, pages shared,
 * sharing, unshared, merging), {@link StableNodes} (struct ksm_stable_node; chains, dups),
 * {@link UnstableTree}, {@link MmSlots} (struct ksm_mm_slot, ksm_mm_head), {@link KsmScan}
 * (struct ksm_scan; full scans), {@link LruAddBatches} and {@link KsmdClock} (time, ksmd's CPU
 * time). {@link CmpAndMerge} and {@link StableTree} act on them; {@link ProcessEvents} is what
 * processes do, {@link KsmSysfs} the sysfs rules (tunables are fields here), {@link CounterReadout}
 * and {@link StableTreeReadout} observe, {@link InvariantCheck} recounts. Single-threaded:
 * callers serialise access.
 */
public final class KsmEngine {
    /** PAGEVEC_SIZE: folios of a per-CPU lru_add folio_batch, which is flushed when full */
    public static final int LRU_ADD_BATCH = LruAddBatches.LRU_ADD_BATCH;
    /** sizeof(struct ksm_rmap_item) on 64-bit */
    public static final int RMAP_ITEM_SIZE = 64;

    final CostModel cost;
    final int pageSize;
    final SharingPolicy policy;
    final KsmdClock clock;
    /**
     * ksmd's CPU time before the simulation starts, as task_sched_runtime() sees it
     * ({@link Topology#ksmdCpuNanos()}): selecting scan-time zeroes the advisor's context but not
     * ksmd's runtime since it started, so the first advice counts it all.
     */
    final long ksmdCpuBeforeStart;
    final Frames frames;
    final PinsAndHugePages pinsAndHuge;
    final PageSlots slots;
    final StableNodes sn;
    final RmapItems items;
    final MmSlots mms;
    final StableTree stable;
    final UnstableTree unstable;
    final LruAddBatches lru;
    final KsmScan scan;
    /** the run's patch at the places where ksmd decides */
    final Seams seams;
    private final CmpAndMerge merge;
    private final ScanLookahead lookahead;
    private final ProcessEvents processes;

    // ---- tunables (written through KsmSysfs with the kernel's rules) ----
    int run;
    long pagesToScan;
    long sleepMillisecs;
    int mergeAcrossNodes;
    int maxPageSharing;
    long pruneMillisecs;
    boolean useZeroPages;
    boolean smartScan;
    AdvisorMode advisor;
    long advisorMaxCpu;
    long advisorMinPages;
    long advisorMaxPages;
    long advisorTarget;

    /** ksm_pages_scanned */
    private long pagesScanned;
    /** the convergence signature as the current batch last saw it */
    private final long[] batchSignature = new long[CounterReadout.SIGNATURE_LENGTH];
    /** when the last batch last changed the convergence signature: time, full scans, pages scanned (time -1: never) */
    private long batchChangeNanos = -1;
    private long batchChangeFullScans;
    private long batchChangePagesScanned;

    // ---- advisor context ----
    long advStartScan;
    ScanTimeAdvisor.Context advContext = ScanTimeAdvisor.Context.ZERO;

    /** Creates an engine for a machine; processes are added with {@link ProcessEvents#addProcess}. */
    public KsmEngine(Topology topology, CostModel cost, KsmTunables tunables, SharingPolicy policy, int slotCapacity) {
        this.cost = cost;
        this.clock = new KsmdClock(cost);
        this.pageSize = topology.pageSize();
        this.ksmdCpuBeforeStart = topology.ksmdCpuNanos();
        this.policy = policy;
        this.seams = new Seams(this, policy);
        int cap = Math.max(16, slotCapacity);
        this.sn = new StableNodes(cap / 512, topology.nodes().size());
        this.frames = new Frames(cap, sn);
        this.pinsAndHuge = new PinsAndHugePages();
        this.slots = new PageSlots(frames, pinsAndHuge, cap);
        pinsAndHuge.fitSlots(slots.capacity());
        this.items = new RmapItems(slots, sn, slots.capacity(), seams.itemColumns());
        this.mms = new MmSlots(slots);
        this.stable = new StableTree(this, sn, frames, items);
        this.unstable = new UnstableTree(this, slots, frames, items, mms);
        this.lru = new LruAddBatches(items);
        this.scan = new KsmScan(this, mms, slots, items, stable, cost);
        this.merge = new CmpAndMerge(this, cost);
        this.lookahead = new ScanLookahead(this);
        this.processes = new ProcessEvents(this);
        run = 0;
        pagesToScan = tunables.pagesToScan();
        sleepMillisecs = tunables.sleepMillisecs();
        mergeAcrossNodes = tunables.mergeAcrossNodes();
        maxPageSharing = tunables.maxPageSharing();
        pruneMillisecs = tunables.stableNodeChainsPruneMillisecs();
        useZeroPages = tunables.useZeroPages();
        smartScan = tunables.smartScan();
        // the kernel boots with advisor_mode none; ScenarioLoader writes the scenario's mode through sysfs, so
        // selecting scan-time does what advisor_mode_store does (pages_to_scan = advisor_min_pages_to_scan)
        advisor = AdvisorMode.NONE;
        advisorMaxCpu = tunables.advisorMaxCpu();
        advisorMinPages = tunables.advisorMinPagesToScan();
        advisorMaxPages = tunables.advisorMaxPagesToScan();
        advisorTarget = tunables.advisorTargetScanTime();
    }

    /** The processes: creation, writes, fork, exit, madvise, prctl, memory failure. */
    public ProcessEvents processes() {
        return processes;
    }

    /** Allocates the page slots of a new mm (mapping no page); returns the first. */
    int allocSlots(int n) {
        int first = slots.allocRange(n);
        items.fitSlots();
        pinsAndHuge.fitSlots(slots.capacity());
        return first;
    }

    /** __ksm_enter: registers the mm with KSM, waking ksmd when it was the first. */
    void ksmEnter(Mm mm) {
        if (mms.enter(mm, (run & 2) != 0)) {
            wakeThreadWait();
        }
    }

    /** __ksm_exit */
    void ksmExit(Mm mm) {
        mms.exit(mm, items.rmapItems(mm.index) != 0);
    }

    // =====================================================================================
    // ksmd on simulated time
    // =====================================================================================

    /** Simulated time, ns. */
    public long now() {
        return clock.now;
    }

    /** Time of ksmd's next wake-up, or Long.MAX_VALUE when it waits for work. */
    public long nextWakeup() {
        return clock.nextWake;
    }

    /**
     * When the last {@link #runWakeup()} last changed a converging counter, inside its batch (the batch's
     * effects are stamped with its start, the kernel's counters change page by page), or -1 if it changed none.
     */
    public long batchChangeNanos() {
        return batchChangeNanos;
    }

    /** full_scans when the last batch last changed a converging counter. */
    public long batchChangeFullScans() {
        return batchChangeFullScans;
    }

    /** pages_scanned when the last batch last changed a converging counter. */
    public long batchChangePagesScanned() {
        return batchChangePagesScanned;
    }

    /** ksmd's next wake-up, if due before {@code t}, happens at {@code t} (the CPU is taken until then). */
    public void delayWakeupTo(long t) {
        if (clock.nextWake != Long.MAX_VALUE && clock.nextWake < t) {
            clock.nextWake = t;
        }
    }

    /** Moves simulated time forward to {@code t} without running ksmd (callers run wake-ups first). */
    public void advanceClockTo(long t) {
        clock.advanceTo(t);
    }

    /** ksmd_should_run */
    boolean shouldRun() {
        return (run & 1) != 0 && !mms.isEmpty();
    }

    /** Wakes ksmd when it waits for work and has some. */
    void wakeThreadWait() {
        if (shouldRun()) {
            clock.wakeIfWaiting();
        }
    }

    /**
     * Runs ksmd's wake-up due at {@link #nextWakeup()} (ksm_do_scan of up to pages_to_scan pages,
     * ending early at the end of a full scan), then its sleep.
     *
     * @return the number of full scans completed in the batch (0 or 1)
     */
    public int runWakeup() {
        if (clock.nextWake == Long.MAX_VALUE) {
            return 0;
        }
        long start = Math.max(clock.now, clock.nextWake);
        clock.now = start;
        clock.wakeups++;
        clock.startBatch();
        seams.batchStarts(start);
        long before = scan.seqnr();
        batchChangeNanos = -1;
        long scannedBefore = pagesScanned;
        if (shouldRun()) {
            // ksm_do_scan's own work per wake-up: the wake-up, locks, the walk to the next mm and VMA
            clock.charge(cost.wakeupCpuNanos());
            CounterReadout.updateSignature(this, batchSignature);
            long writes = CounterReadout.counterWrites(this);
            long n = pagesToScan;
            boolean lookAhead = lookahead.pays();
            while (n-- > 0) {
                int s = scan.next();
                if (s < 0) {
                    break;
                }
                if (lookAhead) {
                    lookahead.before(s);
                }
                merge.cmpAndMerge(s);
                pagesScanned++;
                clock.now = start + clock.batchNanos();
                long w = CounterReadout.counterWrites(this);
                if (w != writes) {
                    writes = w;
                    if (CounterReadout.updateSignature(this, batchSignature)) {
                        // the kernel's counters change page by page: date the change inside the batch
                        batchChangeNanos = clock.now;
                        batchChangeFullScans = scan.seqnr();
                        batchChangePagesScanned = pagesScanned;
                    }
                }
            }
        }
        long batchCost = clock.batchNanos();
        seams.batchEnds();
        long end = start + batchCost;
        // the batch's effects are stamped with its wake-up time; its duration delays the next wake-up
        // and is ksmd's CPU time, so a run to time t never ends inside a batch
        clock.now = start;
        clock.busyNanos += batchCost;
        if (shouldRun()) {
            clock.sleepAfterBatch(end, pagesScanned > scannedBefore, sleepMillisecs);
        } else {
            clock.waitForWork();
        }
        return (int) (scan.seqnr() - before);
    }

    /**
     * The start of a full scan (ksm_scan.mm_slot at ksm_mm_head): drain, the patch's seam (6.18: the
     * advisor notes the start), prune, reset the unstable tree.
     */
    void fullScanStarts() {
        lru.drainAll();
        seams.fullScanStarts();
        if (mergeAcrossNodes == 0) {
            stable.pruneMigrateNodes();
        }
        unstable.reset();
    }

    /** The end of a full scan: the patch's seam (6.18: scan_time_advisor). */
    void fullScanEnds() {
        seams.fullScanEnds();
    }

    /** Number of page slots whose page sits in a per-CPU LRU add batch (cannot be merged yet). */
    public int lruHeldPages() {
        return lru.held();
    }

    // =====================================================================================
    // sysfs (rules in KsmSysfs)
    // =====================================================================================

    /** Writes a /sys/kernel/mm/ksm file with the kernel's parsing and outcomes. */
    public SysfsResult writeSysfs(String file, String value) {
        return KsmSysfs.write(this, file, value);
    }

    /** Reads a /sys/kernel/mm/ksm file as the kernel prints it (without the newline). */
    public String readSysfs(String file) {
        return KsmSysfs.read(this, file);
    }

    /** run=2: unmerge_and_remove_all_rmap_items. */
    void unmergeAndRemoveAllRmapItems() {
        scan.unmergeAndRemoveAll(processes);
    }

    // =====================================================================================
    // observation
    // =====================================================================================

    /** Every sysfs value now. */
    public KsmCounters counters() {
        return CounterReadout.counters(this);
    }

    /** The counters a convergence check compares (pages_* except scanned/skipped, zero pages, chains, dups, profit). */
    public long[] convergenceSignature() {
        return CounterReadout.convergenceSignature(this);
    }

    public long fullScans() {
        return scan.seqnr();
    }

    public long pagesScanned() {
        return pagesScanned;
    }

    public long wakeups() {
        return clock.wakeups;
    }

    public long ksmdBusyNanos() {
        return clock.busyNanos;
    }

    /** ksmd's CPU time in the last batch (included in {@link #ksmdBusyNanos()}). */
    public long lastBatchNanos() {
        return clock.batchNanos();
    }

    public int run() {
        return run;
    }

    /** /proc/PID/ksm_stat of every process in creation order. */
    public List<ProcessKsmStat> processStats() {
        return CounterReadout.processStats(this);
    }

    /** The stable tree(s) in order, at most {@code max} entries. */
    public StableTreeView stableTree(int max) {
        return StableTreeReadout.stableTree(this, max);
    }

    /** The rmap items of a dup (stable node id), head first, at most {@code max}. */
    public List<RmapItemView> rmapItems(int dupId, int max) {
        return StableTreeReadout.rmapItems(this, dupId, max);
    }

    /** Whole rmap item counts per process of a dup, most first. */
    public List<ProcessRmapCount> rmapItemCounts(int dupId) {
        return StableTreeReadout.rmapItemCounts(this, dupId);
    }

    /** The rmap items of process {@code pid} in a dup, from its {@code from}-th, at most {@code max}. */
    public List<RmapItemView> rmapItems(int dupId, int pid, long from, int max) {
        return StableTreeReadout.rmapItems(this, dupId, pid, from, max);
    }

    /** Approximate heap held by the engine's per-page structures, bytes. */
    public long heapBytes() {
        return slots.heapBytes() + items.heapBytes() + frames.heapBytes() + sn.heapBytes() + unstable.heapBytes()
                + pinsAndHuge.heapBytes();
    }

    /** Mapped pages that are subpages of a transparent huge page not split (what KPF_THP marks). */
    public long hugeSubpages() {
        return pinsAndHuge.hugeSubpages();
    }

    /** Mapped pages pinned (FOLL_PIN), which ksmd cannot merge. */
    public long pinnedPages() {
        return pinsAndHuge.pinnedPages();
    }

    /** /proc/vmstat thp_split_page: huge pages split, by ksmd before merging a subpage. */
    public long thpSplitPage() {
        return pinsAndHuge.splits();
    }

    /** /proc/vmstat thp_split_page_failed: splits refused (a pinned subpage, or the other page's reference). */
    public long thpSplitPageFailed() {
        return pinsAndHuge.splitsFailed();
    }

    /** Number of simulated page slots. */
    public int pageCount() {
        return slots.count();
    }

    /**
     * At the end of a run: a patch from outside the engine is held to the engine's invariants.
     *
     * @throws org.ksmstudio.engine.patch.PatchException naming the patch and the first violation
     */
    public void checkPatchAfterRun() {
        seams.checkAfterRun();
    }

    /** Checks internal invariants; returns a description of the first violation or null. */
    public @Nullable String checkInvariants() {
        return InvariantCheck.firstViolation(this);
    }

    // =====================================================================================
    // package access for reverse-map walks and refile (RmapOperations, RefilePass)
    // =====================================================================================

    /** The running process {@code pid}; IllegalArgumentException when there is none. */
    Mm runningMm(int pid) {
        return processes.running(pid);
    }

    SharingPolicy policy() {
        return policy;
    }

    /** The run's patch's own sysfs files (counters and tunables), after the kernel's in every view. */
    public List<PatchSysfsFile> patchFiles() {
        return seams.files();
    }

    /** Adds work done by ksmd outside its scan (a refile pass) to its CPU time. */
    void chargeKsmd(long nanos) {
        clock.busyNanos += nanos;
    }
}
