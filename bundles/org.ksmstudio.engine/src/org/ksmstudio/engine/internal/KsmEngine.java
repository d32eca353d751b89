package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.StableTreeView;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.SysfsResult.Outcome;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.ScenarioException;
import org.ksmstudio.engine.scenario.Topology;

/**
 * ksmd and the KSM data structures of mm/ksm.c on simulated time: mm slots in registration order,
 * rmap items per page slot in address order, the scan cursor, checksums, the unstable tree, the
 * stable tree with chains and dups, smart scan, the scan-time advisor, zero pages, sysfs and
 * /proc/PID/ksm_stat. Single-threaded: callers serialise access.
 */
public final class KsmEngine {
    /** slot maps no page */
    static final int NO_PAGE = -1;
    /** slot maps the zero page placed by KSM (counted in ksm_zero_pages) */
    static final int KSM_ZERO = -2;
    /** slot maps the zero page through fork of a KSM zero pte (not counted) */
    static final int PLAIN_ZERO = -3;

    private static final byte HAS_ITEM = 1;
    private static final byte STABLE = 2;
    private static final byte UNSTABLE = 4;
    private static final int NIL = StableNodes.NIL;
    /** sizeof(struct ksm_rmap_item) on 64-bit */
    public static final int RMAP_ITEM_SIZE = 64;
    private static final int ZERO_CHECKSUM = Mix.checksum(0L);
    private static final long UINT_MAX = 0xffff_ffffL;
    /**
     * ksmd's CPU time before the simulation starts, as task_sched_runtime() sees it: selecting
     * scan-time zeroes the advisor's context but not ksmd's runtime since boot, so the first advice
     * sees a huge cpu% (per-page cost 1). Measured on the reference kernel: 200 pages_to_scan, target
     * 2 s, first scan 1 s gave 30, as with ten minutes of prior ksmd CPU time.
     */
    static final long KSMD_RUNTIME_BEFORE_RUN = 600_000_000_000L;

    private final Topology topology;
    private final CostModel cost;
    private final long tickNanos;
    private final int pageSize;
    private final SharingPolicy policy;
    final Frames frames;
    final StableNodes sn;
    private final UnstableTree unstable = new UnstableTree();

    // ---- page slots: one per virtual page, with the state of its rmap item ----
    private int[] slotFrame;
    private byte[] flags;
    private int[] oldChecksum;
    private byte[] age;
    private byte[] skips;
    private byte[] seq;
    private byte[] itemNid;
    private int[] head;
    private int[] hnext;
    private int[] hprev;
    private int[] slotMm;
    private int slotCount;

    private final List<Mm> mms = new ArrayList<>();
    private final Map<Integer, Mm> byPid = new HashMap<>();
    /** ksm_mm_head list, in order */
    private final List<Mm> ksmList = new ArrayList<>();
    /** index in ksmList of ksm_scan.mm_slot, -1 for ksm_mm_head */
    private int cursor = -1;
    private int cursorSlot;
    private boolean cursorAddressSet;

    // ---- tunables ----
    private int run;
    private long pagesToScan;
    private long sleepMillisecs;
    private int mergeAcrossNodes;
    private int maxPageSharing;
    private long pruneMillisecs;
    private boolean useZeroPages;
    private boolean smartScan;
    private AdvisorMode advisor;
    private long advisorMaxCpu;
    private long advisorMinPages;
    private long advisorMaxPages;
    private long advisorTarget;

    // ---- counters ----
    private long pagesScanned;
    private long pagesShared;
    private long pagesSharing;
    private long pagesUnshared;
    private long rmapItems;
    private long chains;
    private long dups;
    private long zeroPages;
    private long pagesSkipped;
    private long seqnr;

    // ---- advisor context ----
    private long advStartScan;
    private ScanTimeAdvisor.Context advContext = ScanTimeAdvisor.Context.ZERO;

    // ---- time ----
    private long now;
    private long nextWake = Long.MAX_VALUE;
    private boolean timedSleep;
    private long ksmdBusy;
    private long wakeups;
    private long batchCost;
    /** expected extra ticks not yet slipped (fraction of a tick) */
    private double lateness;
    /** nodes inserted into the unstable tree(s) since the start of the full scan (their size) */
    private long unstableInserts;

    private long uniqueCounter;
    private int outNode;
    private int outDup;

    /** Creates an engine for a machine; processes are added with {@link #addProcess}. */
    public KsmEngine(Topology topology, CostModel cost, KsmTunables tunables, SharingPolicy policy, int slotCapacity) {
        this.topology = topology;
        this.cost = cost;
        this.tickNanos = cost.tickNanos();
        this.pageSize = topology.pageSize();
        this.policy = policy;
        int cap = Math.max(16, slotCapacity);
        this.frames = new Frames(cap);
        this.sn = new StableNodes(Math.max(16, cap / 64), topology.nodes().size());
        slotFrame = new int[cap];
        flags = new byte[cap];
        oldChecksum = new int[cap];
        age = new byte[cap];
        skips = new byte[cap];
        seq = new byte[cap];
        itemNid = new byte[cap];
        head = new int[cap];
        hnext = new int[cap];
        hprev = new int[cap];
        slotMm = new int[cap];
        run = 0;
        pagesToScan = tunables.pagesToScan();
        sleepMillisecs = tunables.sleepMillisecs();
        mergeAcrossNodes = tunables.mergeAcrossNodes();
        maxPageSharing = tunables.maxPageSharing();
        pruneMillisecs = tunables.stableNodeChainsPruneMillisecs();
        useZeroPages = tunables.useZeroPages();
        smartScan = tunables.smartScan();
        advisor = tunables.advisorMode();
        advisorMaxCpu = tunables.advisorMaxCpu();
        advisorMinPages = tunables.advisorMinPagesToScan();
        advisorMaxPages = tunables.advisorMaxPagesToScan();
        advisorTarget = tunables.advisorTargetScanTime();
    }

    // =====================================================================================
    // Workload
    // =====================================================================================

    /** A region of a new process: its name, mergeable flag and the content of each page. */
    public record RegionInit(String name, boolean mergeable, long[] contents) {
    }

    /**
     * Creates a process whose regions are faulted in with the given contents on its home node,
     * and registers it with KSM (behind the cursor) when a region is mergeable.
     */
    public void addProcess(int pid, String name, int homeNode, List<Integer> cpus, boolean active, boolean kvm,
            boolean mergeAny, List<RegionInit> regions) {
        if (byPid.containsKey(pid)) {
            throw new ScenarioException("pid", pid, "a process with this pid exists");
        }
        int total = 0;
        for (RegionInit r : regions) {
            total = Math.addExact(total, r.contents().length);
        }
        int first = allocSlots(total);
        Vma[] vmas = new Vma[regions.size()];
        long addr = 0x7f00_0000_0000L;
        int s = first;
        for (int i = 0; i < regions.size(); i++) {
            RegionInit r = regions.get(i);
            vmas[i] = new Vma(r.name(), addr, s, r.contents().length, r.mergeable());
            addr += ((long) r.contents().length + 512) * pageSize;
            s += r.contents().length;
        }
        Mm mm = new Mm(mms.size(), pid, name, homeNode, cpus, active, kvm, 0, vmas, first, total);
        mm.mergeAny = mergeAny;
        mms.add(mm);
        byPid.put(pid, mm);
        s = first;
        for (RegionInit r : regions) {
            for (long c : r.contents()) {
                slotFrame[s] = frames.alloc(c, homeNode);
                slotMm[s] = mm.index;
                s++;
            }
        }
        if (mm.anyMergeable()) {
            ksmEnter(mm);
        }
    }

    private int allocSlots(int n) {
        int need = slotCount + n;
        if (need > slotFrame.length) {
            int cap = Math.max(need, slotFrame.length + (slotFrame.length >> 1));
            slotFrame = Arrays.copyOf(slotFrame, cap);
            flags = Arrays.copyOf(flags, cap);
            oldChecksum = Arrays.copyOf(oldChecksum, cap);
            age = Arrays.copyOf(age, cap);
            skips = Arrays.copyOf(skips, cap);
            seq = Arrays.copyOf(seq, cap);
            itemNid = Arrays.copyOf(itemNid, cap);
            head = Arrays.copyOf(head, cap);
            hnext = Arrays.copyOf(hnext, cap);
            hprev = Arrays.copyOf(hprev, cap);
            slotMm = Arrays.copyOf(slotMm, cap);
        }
        int first = slotCount;
        for (int i = first; i < need; i++) {
            slotFrame[i] = NO_PAGE;
            head[i] = NIL;
            hnext[i] = NIL;
            hprev[i] = NIL;
        }
        slotCount = need;
        return first;
    }

    /** __ksm_enter: add the mm slot just behind the cursor (at the tail while unmerging). */
    private void ksmEnter(Mm mm) {
        if (mm.registered) {
            return;
        }
        boolean needsWakeup = ksmList.isEmpty();
        if ((run & 2) != 0 || cursor < 0) {
            ksmList.add(mm);
        } else {
            ksmList.add(cursor, mm);
            cursor++;
        }
        mm.registered = true;
        if (needsWakeup) {
            wakeThreadWait();
        }
    }

    private Mm mm(int pid) {
        Mm mm = byPid.get(pid);
        if (mm == null || mm.exiting) {
            throw new IllegalArgumentException("pid = " + pid + ": no such running process");
        }
        return mm;
    }

    private Vma region(Mm mm, String name) {
        Vma v = mm.vma(name);
        if (v == null) {
            throw new IllegalArgumentException("region = " + name + ": process " + mm.pid + " has no such region");
        }
        return v;
    }

    /** Pids of the running processes that have a region of that name, in creation order. */
    public List<Integer> pidsWithRegion(String regionName) {
        List<Integer> pids = new ArrayList<>();
        for (Mm mm : mms) {
            if (!mm.exiting && mm.vma(regionName) != null) {
                pids.add(mm.pid);
            }
        }
        return pids;
    }

    /** Number of pages of a region. */
    public int regionPages(int pid, String regionName) {
        return region(mm(pid), regionName).pages;
    }

    /** A content no page has had before. */
    public long nextUniqueContent() {
        long c;
        do {
            c = Mix.mix64(0x3C6EF372FE94F82BL + (++uniqueCounter) * 0x9E3779B97F4A7C15L);
        } while (c == 0);
        return c;
    }

    /** The application writes pages [from, to) every step of a region (COW breaks KSM pages). */
    public void writePages(int pid, String regionName, long from, long to, long step, NewContent content) {
        Mm mm = mm(pid);
        Vma v = region(mm, regionName);
        if (from < 0 || to > v.pages || from > to || step < 1) {
            throw new IllegalArgumentException("pages " + from + ".." + to + " step " + step + ": outside region "
                    + regionName + " of " + v.pages + " pages");
        }
        for (long p = from; p < to; p += step) {
            writePage(mm, v.firstSlot + (int) p, content);
        }
    }

    private void writePage(Mm mm, int s, NewContent content) {
        int f = slotFrame[s];
        if (f == NO_PAGE) {
            slotFrame[s] = frames.alloc(content == NewContent.UNIQUE ? nextUniqueContent() : 0L, mm.homeNode);
        } else if (f == KSM_ZERO || f == PLAIN_ZERO) {
            if (f == KSM_ZERO) {
                zeroPages--;
                mm.zeroPages--;
            }
            slotFrame[s] = frames.alloc(content == NewContent.UNIQUE ? nextUniqueContent() : 0L, mm.homeNode);
        } else if (frames.isKsm(f) || frames.mapcount[f] > 1) {
            long c = content == NewContent.UNIQUE ? nextUniqueContent() : frames.content[f];
            slotFrame[s] = frames.alloc(c, mm.homeNode);
            frames.put(f);
        } else if (content == NewContent.UNIQUE) {
            frames.content[f] = nextUniqueContent();
        }
    }

    /** fork(): a child mm sharing every page of the parent copy-on-write, registered with KSM like the parent. */
    public void fork(int parentPid, int childPid, String childName) {
        Mm parent = mm(parentPid);
        if (byPid.containsKey(childPid)) {
            throw new IllegalArgumentException("pid = " + childPid + ": a process with this pid exists");
        }
        int first = allocSlots(parent.slotCount);
        Vma[] vmas = new Vma[parent.vmas.length];
        for (int i = 0; i < vmas.length; i++) {
            Vma pv = parent.vmas[i];
            vmas[i] = new Vma(pv.name, pv.start, first + (pv.firstSlot - parent.firstSlot), pv.pages, pv.mergeable);
        }
        Mm child = new Mm(mms.size(), childPid, childName == null ? parent.name : childName, parent.homeNode,
                parent.cpus, parent.active, parent.kvm, parentPid, vmas, first, parent.slotCount);
        child.mergeAny = parent.mergeAny;
        mms.add(child);
        byPid.put(childPid, child);
        for (int i = 0; i < parent.slotCount; i++) {
            int f = slotFrame[parent.firstSlot + i];
            int s = first + i;
            slotMm[s] = child.index;
            if (f >= 0) {
                frames.mapcount[f]++;
                slotFrame[s] = f;
            } else if (f == KSM_ZERO || f == PLAIN_ZERO) {
                slotFrame[s] = PLAIN_ZERO;
            }
        }
        if (parent.registered) {
            ksmEnter(child);
        }
    }

    /** Process exit: __ksm_exit, then its pages are unmapped; ksmd frees its rmap items when it gets there. */
    public void exit(int pid) {
        Mm mm = mm(pid);
        mm.exiting = true;
        if (mm.registered) {
            int idx = ksmList.indexOf(mm);
            if (idx != cursor) {
                if (mm.rmapItems == 0) {
                    removeFromKsmList(idx);
                } else {
                    ksmList.remove(idx);
                    if (cursor > idx) {
                        cursor--;
                    }
                    int at = cursor < 0 ? 0 : cursor + 1;
                    ksmList.add(at, mm);
                }
            }
        }
        for (int s = mm.firstSlot; s < mm.firstSlot + mm.slotCount; s++) {
            unmapSlot(mm, s);
        }
    }

    private void unmapSlot(Mm mm, int s) {
        int f = slotFrame[s];
        if (f >= 0) {
            frames.put(f);
        } else if (f == KSM_ZERO) {
            zeroPages--;
            mm.zeroPages--;
        }
        slotFrame[s] = NO_PAGE;
    }

    private void removeFromKsmList(int idx) {
        Mm mm = ksmList.remove(idx);
        if (cursor > idx) {
            cursor--;
        } else if (cursor == idx) {
            cursor = -1;
        }
        mm.registered = false;
        mm.mergeAny = false;
    }

    /** madvise(MADV_MERGEABLE / MADV_UNMERGEABLE) on a whole region. */
    public void madvise(int pid, String regionName, boolean mergeable) {
        Mm mm = mm(pid);
        Vma v = region(mm, regionName);
        if (mergeable) {
            if (v.mergeable) {
                return;
            }
            v.mergeable = true;
            if (!mm.registered) {
                ksmEnter(mm);
            }
        } else {
            if (!v.mergeable) {
                return;
            }
            unmergeRange(mm, v);
            v.mergeable = false;
            v.staleItems = true;
        }
    }

    /** prctl(PR_SET_MEMORY_MERGE, 0/1): every region of the process. */
    public void setMergeAny(int pid, boolean enable) {
        Mm mm = mm(pid);
        if (enable) {
            if (mm.mergeAny) {
                return;
            }
            if (!mm.registered) {
                ksmEnter(mm);
            }
            mm.mergeAny = true;
            for (Vma v : mm.vmas) {
                v.mergeable = true;
            }
        } else {
            if (!mm.mergeAny) {
                return;
            }
            for (Vma v : mm.vmas) {
                if (v.mergeable) {
                    unmergeRange(mm, v);
                    v.mergeable = false;
                    v.staleItems = true;
                }
            }
            mm.mergeAny = false;
        }
    }

    /** unmerge_ksm_pages: break COW of every KSM page (and KSM zero page) mapped in the VMA. */
    private void unmergeRange(Mm mm, Vma v) {
        for (int s = v.firstSlot; s < v.endSlot(); s++) {
            int f = slotFrame[s];
            if (f == KSM_ZERO) {
                zeroPages--;
                mm.zeroPages--;
                slotFrame[s] = frames.alloc(0L, mm.homeNode);
            } else if (f >= 0 && frames.isKsm(f)) {
                slotFrame[s] = frames.alloc(frames.content[f], mm.homeNode);
                frames.put(f);
            }
        }
    }

    /**
     * Migrates pages of a process from one node to another (migrate_pages / move_pages): a KSM
     * page moves with all its mappings; its stable node is re-filed by ksmd when merge_across_nodes=0.
     *
     * @return number of pages migrated
     */
    public long migrate(int pid, String regionName, long from, long to, int fromNode, int toNode) {
        Mm mm = mm(pid);
        checkNode(toNode);
        long moved = 0;
        for (Vma v : mm.vmas) {
            if (regionName != null && !v.name.equals(regionName)) {
                continue;
            }
            long a = regionName == null ? 0 : Math.max(0, from);
            long b = regionName == null ? v.pages : Math.min(v.pages, to);
            for (long p = a; p < b; p++) {
                int f = slotFrame[v.firstSlot + (int) p];
                if (f >= 0 && (fromNode < 0 || frames.node[f] == fromNode) && frames.node[f] != toNode) {
                    frames.node[f] = (byte) toNode;
                    moved++;
                }
            }
        }
        return moved;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= topology.nodes().size()) {
            throw new IllegalArgumentException("node = " + node + ": no such NUMA node");
        }
    }

    /** Memory failure of the page mapped at a region page: every mapping of that frame is unmapped. */
    public void memoryFailure(int pid, String regionName, long page) {
        Mm mm = mm(pid);
        Vma v = region(mm, regionName);
        if (page < 0 || page >= v.pages) {
            throw new IllegalArgumentException("page = " + page + ": outside region " + regionName);
        }
        int f = slotFrame[v.firstSlot + (int) page];
        if (f < 0) {
            return;
        }
        for (int s = 0; s < slotCount; s++) {
            if (slotFrame[s] == f) {
                unmapSlot(mms.get(slotMm[s]), s);
            }
        }
    }

    // =====================================================================================
    // ksmd on simulated time
    // =====================================================================================

    /** Simulated time, ns. */
    public long now() {
        return now;
    }

    /** Time of ksmd's next wake-up, or Long.MAX_VALUE when it waits for work. */
    public long nextWakeup() {
        return nextWake;
    }

    /** Moves simulated time forward to {@code t} without running ksmd (callers run wake-ups first). */
    public void advanceClockTo(long t) {
        if (t > now) {
            now = t;
        }
    }

    private boolean shouldRun() {
        return (run & 1) != 0 && !ksmList.isEmpty();
    }

    private void wakeThreadWait() {
        if (nextWake == Long.MAX_VALUE && shouldRun()) {
            nextWake = now;
            timedSleep = false;
        }
    }

    /**
     * Expected number of ticks by which ksmd's scheduling delay pushes the end of a batch that ends
     * {@code residual} ns into its tick. The delay is exponential with a mean chosen so that a batch
     * of negligible length is late by {@code wakeupLatencyNanos} on average (p/(1-p) ticks, p the
     * chance to miss one tick); a batch ending late in its tick crosses the next one more often.
     */
    private double schedulingSlips(long residual) {
        double perTick = cost.wakeupLatencyNanos() / (double) tickNanos;
        if (perTick <= 0) {
            return 0;
        }
        double p = perTick / (1 + perTick);
        double mean = -tickNanos / Math.log(p);
        return Math.exp(-(tickNanos - residual) / mean) / (1 - p);
    }

    private long jiffies() {
        return Math.floorDiv(now, tickNanos);
    }

    private long msecsToJiffies(long ms) {
        return Math.ceilDiv(ms * cost.hz(), 1000L);
    }

    /**
     * Runs ksmd's wake-up due at {@link #nextWakeup()}: one batch of up to pages_to_scan pages
     * (ending early at the end of a full scan), then its sleep.
     *
     * @return the number of full scans completed in the batch (0 or 1)
     */
    public int runWakeup() {
        if (nextWake == Long.MAX_VALUE) {
            return 0;
        }
        now = Math.max(now, nextWake);
        long start = now;
        wakeups++;
        batchCost = 0;
        long before = seqnr;
        if (shouldRun()) {
            long n = pagesToScan;
            while (n-- > 0) {
                int s = scanNext();
                if (s < 0) {
                    break;
                }
                cmpAndMerge(s);
                pagesScanned++;
                now = start + batchCost;
            }
        }
        long end = start + batchCost;
        // the batch's effects are stamped with its wake-up time; its duration delays the next wake-up
        // and is ksmd's CPU time, so a run to time t never ends inside a batch
        now = start;
        ksmdBusy += batchCost;
        if (shouldRun()) {
            if (sleepMillisecs == 0) {
                // no sleep: the next batch follows at once; an empty batch (pages_to_scan 0) spins
                // through cond_resched(), modelled as yielding until the next tick
                nextWake = batchCost > 0 ? end : (Math.floorDiv(end, tickNanos) + 1) * tickNanos;
            } else {
                // schedule_timeout(msecs_to_jiffies(ms)): the timer wheel fires one tick after the
                // expiry jiffy, counted from the jiffy in which the batch ended. ksmd also starts its
                // batch a random scheduling delay after its tick (exponential, see schedulingSlips):
                // the expected extra ticks accumulate and slip whole ticks, deterministically.
                long j = Math.floorDiv(end, tickNanos);
                lateness += schedulingSlips(end - j * tickNanos);
                long slip = (long) lateness;
                lateness -= slip;
                nextWake = (j + msecsToJiffies(sleepMillisecs) + 1 + slip) * tickNanos;
            }
            timedSleep = true;
        } else {
            nextWake = Long.MAX_VALUE;
            timedSleep = false;
        }
        return (int) (seqnr - before);
    }

    /** scan_get_next_rmap_item: the next page slot to merge, or -1 at the end of a full scan. */
    private int scanNext() {
        if (ksmList.isEmpty()) {
            return -1;
        }
        if (cursor < 0) {
            advisorStartScan();
            if (mergeAcrossNodes == 0) {
                pruneMigrateNodes();
            }
            unstable.reset();
            unstableInserts = 0;
            cursor = 0;
            cursorSlot = ksmList.get(0).firstSlot;
            cursorAddressSet = false;
        }
        while (true) {
            Mm mm = ksmList.get(cursor);
            if (!mm.exiting) {
                for (Vma v : mm.vmas) {
                    int end = v.endSlot();
                    if (cursorSlot >= end) {
                        continue;
                    }
                    if (!v.mergeable) {
                        if (v.staleItems) {
                            for (int s = Math.max(cursorSlot, v.firstSlot); s < end; s++) {
                                if ((flags[s] & HAS_ITEM) != 0) {
                                    freeItem(s);
                                }
                            }
                            v.staleItems = false;
                        }
                        continue;
                    }
                    cursorAddressSet = true;
                    int s = Math.max(cursorSlot, v.firstSlot);
                    for (; s < end; s++) {
                        int f = slotFrame[s];
                        if (f < 0) {
                            if ((flags[s] & HAS_ITEM) != 0) {
                                freeItem(s);
                            }
                            batchCost += cost.skipPageNanos() >> 2;
                            continue;
                        }
                        if ((flags[s] & HAS_ITEM) == 0) {
                            allocItem(s, mm);
                        }
                        if (shouldSkip(s, f)) {
                            batchCost += cost.skipPageNanos();
                            continue;
                        }
                        cursorSlot = s + 1;
                        return s;
                    }
                    cursorSlot = end;
                }
            } else {
                for (int s = mm.firstSlot; s < mm.firstSlot + mm.slotCount; s++) {
                    if ((flags[s] & HAS_ITEM) != 0) {
                        freeItem(s);
                    }
                }
                cursorAddressSet = false;
            }
            // end of this mm
            if (!cursorAddressSet) {
                int idx = cursor;
                Mm gone = ksmList.remove(idx);
                gone.registered = false;
                gone.mergeAny = false;
                cursor = idx < ksmList.size() ? idx : -1;
            } else {
                cursor++;
                if (cursor >= ksmList.size()) {
                    cursor = -1;
                }
            }
            if (cursor < 0) {
                advisorStopScan();
                seqnr++;
                return -1;
            }
            cursorSlot = ksmList.get(cursor).firstSlot;
            cursorAddressSet = false;
        }
    }

    private void allocItem(int s, Mm mm) {
        flags[s] = HAS_ITEM;
        oldChecksum[s] = 0;
        age[s] = 0;
        skips[s] = 0;
        head[s] = NIL;
        rmapItems++;
        mm.rmapItems++;
    }

    private void freeItem(int s) {
        removeRmapItemFromTree(s);
        flags[s] = 0;
        rmapItems--;
        mms.get(slotMm[s]).rmapItems--;
    }

    private static int skipAge(int a) {
        if (a <= 3) {
            return 1;
        }
        if (a <= 5) {
            return 2;
        }
        if (a <= 8) {
            return 4;
        }
        return 8;
    }

    private boolean shouldSkip(int s, int f) {
        if (!smartScan || frames.stable[f] != Frames.NOT_KSM) {
            return false;
        }
        int a = age[s] & 0xff;
        if (a != 255) {
            age[s] = (byte) (a + 1);
        }
        if (a < 3) {
            return false;
        }
        if (skips[s] == 0) {
            skips[s] = (byte) skipAge(a);
            return false;
        }
        pagesSkipped++;
        skips[s]--;
        removeRmapItemFromTree(s);
        return true;
    }

    private boolean isCandidate(int node, int offset) {
        return policy.isSharingCandidate(sn.len[node], offset, maxPageSharing);
    }

    private int kpfnNid(int frame) {
        return mergeAcrossNodes != 0 ? 0 : frames.node[frame];
    }

    private boolean stale(int node) {
        if (frames.staleNodes == 0) {
            return false;
        }
        int k = sn.kpfn[node];
        return k < 0 || frames.stable[k] != node;
    }

    private boolean vmaMergeableAt(int s) {
        Mm mm = mms.get(slotMm[s]);
        if (mm.exiting) {
            return false;
        }
        Vma v = mm.vmaOfSlot(s);
        return v != null && v.mergeable && v.anonVma;
    }

    /** cmp_and_merge_page for the page mapped at slot s. */
    private void cmpAndMerge(int s) {
        int f = slotFrame[s];
        int pageNode = frames.stable[f];
        if (pageNode >= 0) {
            batchCost += cost.ksmPageVisitNanos();
            if (sn.kind[pageNode] != StableNodes.MIGRATING && kpfnNid(sn.kpfn[pageNode]) != sn.nid[pageNode]) {
                stableNodeDupDel(pageNode);
                sn.migrateAdd(pageNode);
            }
            if (sn.kind[pageNode] != StableNodes.MIGRATING && (flags[s] & STABLE) != 0 && head[s] == pageNode) {
                return;
            }
        } else {
            removeRmapItemFromTree(s);
            batchCost += cost.checksumNanos();
            int cs = Mix.checksum(frames.content[f]);
            if (oldChecksum[s] != cs) {
                oldChecksum[s] = cs;
                return;
            }
            if (tryToMergeWithZeroPage(s, f)) {
                return;
            }
        }
        int kf = stableTreeSearch(f);
        if (kf == f && (flags[s] & STABLE) != 0 && head[s] == pageNode) {
            return;
        }
        removeRmapItemFromTree(s);
        if (kf >= 0) {
            if (tryToMergeWithKsmPage(s, f, kf)) {
                batchCost += cost.mergeNanos();
                stableTreeAppend(s, frames.stable[kf]);
            }
            return;
        }
        int t = unstableTreeSearchInsert(s, f);
        if (t >= 0) {
            int tf = slotFrame[t];
            if (tryToMergeWithKsmPage(s, f, -1)) {
                if (tryToMergeWithKsmPage(t, tf, f)) {
                    batchCost += 2 * cost.mergeNanos();
                    int dup = stableTreeInsert(f);
                    stableTreeAppend(t, dup);
                    stableTreeAppend(s, dup);
                } else {
                    frames.stable[f] = Frames.NOT_KSM;
                }
            }
        }
    }

    private boolean tryToMergeWithZeroPage(int s, int f) {
        if (!useZeroPages || oldChecksum[s] != ZERO_CHECKSUM) {
            return false;
        }
        if (!vmaMergeableAt(s)) {
            return true;
        }
        if (frames.content[f] != 0L) {
            return false;
        }
        batchCost += cost.mergeNanos();
        Mm mm = mms.get(slotMm[s]);
        slotFrame[s] = KSM_ZERO;
        frames.put(f);
        zeroPages++;
        mm.zeroPages++;
        return true;
    }

    /** try_to_merge_with_ksm_page; kf = -1 turns page f itself into a KSM page. */
    private boolean tryToMergeWithKsmPage(int s, int f, int kf) {
        if (!vmaMergeableAt(s)) {
            return false;
        }
        if (kf == f) {
            removeRmapItemFromTree(s);
            return true;
        }
        if (kf < 0) {
            frames.stable[f] = Frames.KSM_NO_NODE;
        } else {
            if (frames.content[kf] != frames.content[f]) {
                return false;
            }
            slotFrame[s] = kf;
            frames.mapcount[kf]++;
            frames.put(f);
        }
        removeRmapItemFromTree(s);
        return true;
    }

    private void stableTreeAppend(int s, int node) {
        sn.len[node]++;
        head[s] = node;
        flags[s] |= STABLE;
        int first = sn.first[node];
        hprev[s] = NIL;
        hnext[s] = first;
        if (first != NIL) {
            hprev[first] = s;
        }
        sn.first[node] = s;
        if (first != NIL) {
            pagesSharing++;
        } else {
            pagesShared++;
        }
        mms.get(slotMm[s]).mergingPages++;
    }

    private void removeRmapItemFromTree(int s) {
        byte fl = flags[s];
        if ((fl & STABLE) != 0) {
            int node = head[s];
            if (stale(node)) {
                removeNodeFromStableTree(node);
                return;
            }
            int p = hprev[s];
            int n = hnext[s];
            if (p != NIL) {
                hnext[p] = n;
            } else {
                sn.first[node] = n;
            }
            if (n != NIL) {
                hprev[n] = p;
            }
            hnext[s] = NIL;
            hprev[s] = NIL;
            if (sn.first[node] != NIL) {
                pagesSharing--;
            } else {
                pagesShared--;
            }
            mms.get(slotMm[s]).mergingPages--;
            sn.len[node]--;
            flags[s] = (byte) (fl & ~STABLE);
            head[s] = NIL;
        } else if ((fl & UNSTABLE) != 0) {
            pagesUnshared--;
            flags[s] = (byte) (fl & ~UNSTABLE);
        }
    }

    private void removeNodeFromStableTree(int node) {
        frames.staleNodes--;
        int item = sn.first[node];
        while (item != NIL) {
            int nx = hnext[item];
            if (nx != NIL) {
                pagesSharing--;
            } else {
                pagesShared--;
            }
            mms.get(slotMm[item]).mergingPages--;
            sn.len[node]--;
            flags[item] = (byte) (flags[item] & ~STABLE);
            head[item] = NIL;
            hnext[item] = NIL;
            hprev[item] = NIL;
            item = nx;
        }
        sn.first[node] = NIL;
        if (sn.kind[node] == StableNodes.MIGRATING) {
            sn.migrateUnlink(node);
        } else {
            stableNodeDupDel(node);
        }
        sn.free(node);
    }

    private void stableNodeDupDel(int node) {
        if (sn.kind[node] == StableNodes.DUP) {
            sn.chainUnlinkDup(node);
            dups--;
        } else {
            sn.erase(sn.nid[node], node);
        }
    }

    /** chain()/chain_prune(): the usable dup of a tree node; sets outNode/outDup; -1 when the node went away. */
    private int stableNodeChain(int node, boolean prune) {
        if (sn.kind[node] != StableNodes.CHAIN) {
            outNode = node;
            outDup = node;
            if (stale(node)) {
                removeNodeFromStableTree(node);
                return -1;
            }
            return sn.kpfn[node];
        }
        return stableNodeDup(node, prune);
    }

    private int stableNodeDup(int chain, boolean prune) {
        long j = jiffies();
        if (!prune || j < sn.pruneJiffies[chain] + msecsToJiffies(pruneMillisecs)) {
            prune = false;
        } else {
            sn.pruneJiffies[chain] = j;
        }
        int found = NIL;
        int foundLen = 0;
        int dup = sn.first[chain];
        while (dup != NIL) {
            int nx = sn.next[dup];
            batchCost += cost.treeSearchNanos() >> 1;
            if (stale(dup)) {
                removeNodeFromStableTree(dup);
                dup = nx;
                continue;
            }
            if (found == NIL || (isCandidate(dup, 0)
                    && (!isCandidate(found, 0) || policy.prefer(sn.len[dup], foundLen)))) {
                found = dup;
                foundLen = sn.len[dup];
                if (!prune && isCandidate(found, 0)) {
                    break;
                }
            }
            dup = nx;
        }
        if (found != NIL) {
            if (sn.first[chain] == found && sn.next[found] == NIL) {
                sn.chainUnlinkDup(found);
                sn.kind[found] = StableNodes.REGULAR;
                sn.replace(sn.nid[chain], chain, found);
                sn.free(chain);
                chains--;
                dups--;
                outNode = found;
            } else {
                if (sn.first[chain] != found && isCandidate(found, 1)) {
                    sn.chainUnlinkDup(found);
                    sn.chainAddDupHead(chain, found);
                }
                outNode = chain;
            }
            outDup = found;
            return sn.kpfn[found];
        }
        sn.erase(sn.nid[chain], chain);
        sn.free(chain);
        chains--;
        outNode = NIL;
        outDup = NIL;
        return -1;
    }

    private int allocChain(int dup, int t) {
        int chain = sn.alloc(StableNodes.CHAIN);
        sn.len[chain] = StableNodes.CHAIN_LEN;
        sn.pruneJiffies[chain] = jiffies();
        sn.nid[chain] = (byte) t;
        sn.content[chain] = sn.content[dup];
        chains++;
        sn.replace(t, dup, chain);
        sn.chainAddDupHead(chain, dup);
        dups++;
        return chain;
    }

    /** stable_tree_search: the KSM page frame to merge page f with, or -1. */
    private int stableTreeSearch(int f) {
        int pageNode = frames.stable[f] >= 0 ? frames.stable[f] : NIL;
        if (pageNode != NIL && sn.kind[pageNode] != StableNodes.MIGRATING) {
            return f;
        }
        long c = frames.content[f];
        int t = kpfnNid(f);
        again:
        while (true) {
            int node = sn.roots[t];
            int parent = NIL;
            boolean asLeft = false;
            while (node != NIL) {
                batchCost += cost.treeSearchNanos();
                int dup;
                if (sn.kind[node] != StableNodes.CHAIN && frames.staleNodes == 0) {
                    dup = node; // what chain_prune() returns for a live regular node
                } else {
                    int tf = stableNodeChain(node, true);
                    if (tf < 0) {
                        continue again;
                    }
                    node = outNode;
                    dup = outDup;
                }
                int cmp = Long.compareUnsigned(c, sn.content[node]);
                parent = node;
                if (cmp < 0) {
                    asLeft = true;
                    node = sn.left[node];
                } else if (cmp > 0) {
                    asLeft = false;
                    node = sn.right[node];
                } else {
                    if (pageNode != NIL && frames.mapcount[f] > 1) {
                        return chainAppend(t, node, dup, pageNode, f);
                    }
                    if (!isCandidate(dup, 0)) {
                        return -1;
                    }
                    if (kpfnNid(sn.kpfn[dup]) != sn.nid[dup]) {
                        return replaceMigrated(t, node, dup, pageNode, f);
                    }
                    return sn.kpfn[dup];
                }
            }
            if (pageNode == NIL) {
                return -1;
            }
            sn.migrateUnlink(pageNode);
            sn.kind[pageNode] = StableNodes.REGULAR;
            sn.nid[pageNode] = (byte) t;
            sn.link(t, pageNode, parent, asLeft);
            return isCandidate(pageNode, 0) ? f : -1;
        }
    }

    private int chainAppend(int t, int node, int dup, int pageNode, int f) {
        if (dup == node) {
            node = allocChain(dup, t);
        }
        sn.migrateUnlink(pageNode);
        sn.nid[pageNode] = (byte) t;
        sn.chainAddDupHead(node, pageNode);
        dups++;
        return isCandidate(pageNode, 0) ? f : -1;
    }

    private int replaceMigrated(int t, int node, int dup, int pageNode, int f) {
        int result;
        if (dup == node) {
            if (pageNode != NIL) {
                sn.migrateUnlink(pageNode);
                sn.kind[pageNode] = StableNodes.REGULAR;
                sn.nid[pageNode] = (byte) t;
                sn.replace(t, dup, pageNode);
                result = isCandidate(pageNode, 0) ? f : -1;
            } else {
                sn.erase(t, dup);
                result = -1;
            }
        } else {
            sn.chainUnlinkDup(dup);
            dups--;
            if (pageNode != NIL) {
                sn.migrateUnlink(pageNode);
                sn.nid[pageNode] = (byte) t;
                sn.chainAddDupHead(node, pageNode);
                dups++;
                result = isCandidate(pageNode, 0) ? f : -1;
            } else {
                result = -1;
            }
        }
        sn.migrateAdd(dup);
        return result;
    }

    /** stable_tree_insert: a new stable node for KSM page kf (a new dup when its content is there already). */
    private int stableTreeInsert(int kf) {
        long c = frames.content[kf];
        int t = kpfnNid(kf);
        int node;
        int parent;
        boolean asLeft;
        boolean needChain;
        again:
        while (true) {
            node = sn.roots[t];
            parent = NIL;
            asLeft = false;
            needChain = false;
            while (node != NIL) {
                batchCost += cost.treeSearchNanos();
                int tf = stableNodeChain(node, false);
                if (tf < 0) {
                    continue again;
                }
                node = outNode;
                int cmp = Long.compareUnsigned(c, sn.content[node]);
                parent = node;
                if (cmp < 0) {
                    asLeft = true;
                    node = sn.left[node];
                } else if (cmp > 0) {
                    asLeft = false;
                    node = sn.right[node];
                } else {
                    needChain = true;
                    break;
                }
            }
            break;
        }
        int dup = sn.alloc(StableNodes.REGULAR);
        sn.kpfn[dup] = kf;
        sn.content[dup] = c;
        sn.nid[dup] = (byte) t;
        if (!needChain) {
            sn.link(t, dup, parent, asLeft);
        } else {
            if (sn.kind[node] != StableNodes.CHAIN) {
                node = allocChain(node, t);
            }
            sn.chainAddDupHead(node, dup);
            dups++;
        }
        frames.stable[kf] = dup;
        return dup;
    }

    private boolean unstableLive(int e) {
        return (flags[e] & UNSTABLE) != 0 && seq[e] == (byte) seqnr && slotFrame[e] >= 0;
    }

    /** unstable_tree_search_insert: the twin's slot, or -1 (the page was inserted, or the search gave up). */
    private int unstableTreeSearchInsert(int s, int f) {
        long c = frames.content[f];
        int nid = mergeAcrossNodes != 0 ? 0 : frames.node[f];
        if (unstable.needsGrow()) {
            unstable.grow(this::unstableLive, e -> frames.content[slotFrame[e]], e -> itemNid[e]);
        }
        batchCost += cost.treeSearchNanos() * (64 - Long.numberOfLeadingZeros(unstableInserts));
        int mask = unstable.mask();
        int i = unstable.home(c, nid);
        while (true) {
            int e = unstable.entry(i);
            if (UnstableTree.isEmpty(e)) {
                break;
            }
            if (unstableLive(e) && itemNid[e] == nid) {
                int tf = slotFrame[e];
                if (frames.content[tf] == c) {
                    if (!vmaMergeableAt(e) || tf == f) {
                        return -1;
                    }
                    if (mergeAcrossNodes == 0 && frames.node[tf] != nid) {
                        return -1;
                    }
                    return e;
                }
            }
            i = (i + 1) & mask;
        }
        flags[s] |= UNSTABLE;
        seq[s] = (byte) seqnr;
        itemNid[s] = (byte) nid;
        unstable.insertAt(i, s);
        unstableInserts++;
        pagesUnshared++;
        return -1;
    }

    private void pruneMigrateNodes() {
        int node = sn.migrateHead;
        while (node != NIL) {
            int nx = sn.next[node];
            if (stale(node)) {
                removeNodeFromStableTree(node);
            }
            node = nx;
        }
    }

    // ---- scan-time advisor ----

    private void advisorStartScan() {
        if (advisor == AdvisorMode.SCAN_TIME) {
            advStartScan = now + batchCost;
        }
    }

    private void advisorStopScan() {
        if (advisor != AdvisorMode.SCAN_TIME) {
            return;
        }
        long t = now + batchCost;
        ScanTimeAdvisor.Result r = ScanTimeAdvisor.advise(advContext, t - advStartScan,
                KSMD_RUNTIME_BEFORE_RUN + ksmdBusy + batchCost,
                pagesToScan, advisorTarget, advisorMaxCpu, advisorMaxPages);
        advContext = r.context();
        pagesToScan = r.pagesToScan();
    }

    // =====================================================================================
    // sysfs
    // =====================================================================================

    /** Writes a /sys/kernel/mm/ksm file with the kernel's parsing and outcomes. */
    public SysfsResult writeSysfs(String file, String value) {
        String v = value == null ? "" : value;
        return switch (file) {
            case "run" -> writeRun(file, v);
            case "pages_to_scan" -> {
                if (advisor != AdvisorMode.NONE) {
                    yield fail(Outcome.EINVAL, file, v, "advisor_mode is not none");
                }
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                pagesToScan = n;
                yield ok(file, v);
            }
            case "sleep_millisecs" -> {
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                boolean changed = n != sleepMillisecs;
                sleepMillisecs = n;
                if (changed && timedSleep && nextWake != Long.MAX_VALUE && nextWake > now) {
                    nextWake = now;
                }
                yield ok(file, v);
            }
            case "merge_across_nodes" -> writeMergeAcrossNodes(file, v);
            case "max_page_sharing" -> writeMaxPageSharing(file, v);
            case "stable_node_chains_prune_millisecs" -> {
                long n = SysfsParse.parseUnsigned(v, UINT_MAX);
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned int");
                }
                pruneMillisecs = n;
                yield ok(file, v);
            }
            case "use_zero_pages", "smart_scan" -> {
                int b = SysfsParse.parseBool(v);
                if (b < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not a boolean");
                }
                if (file.equals("use_zero_pages")) {
                    useZeroPages = b == 1;
                } else {
                    smartScan = b == 1;
                }
                yield ok(file, v);
            }
            case "advisor_mode" -> {
                String t = SysfsParse.stripNewline(v);
                AdvisorMode m = t.equals("scan-time") ? AdvisorMode.SCAN_TIME
                        : t.equals("none") ? AdvisorMode.NONE : null;
                if (m == null) {
                    yield fail(Outcome.EINVAL, file, v, "must be none or scan-time");
                }
                if (m != advisor) {
                    advisor = m;
                    if (m == AdvisorMode.NONE) {
                        pagesToScan = 100;
                    } else {
                        advStartScan = 0;
                        advContext = ScanTimeAdvisor.Context.ZERO;
                        pagesToScan = advisorMinPages & UINT_MAX;
                    }
                }
                yield ok(file, v);
            }
            case "advisor_max_cpu", "advisor_min_pages_to_scan", "advisor_max_pages_to_scan" -> {
                long n = SysfsParse.parseUnsigned(v, -1L);
                if (n == -2) {
                    yield fail(Outcome.ERANGE, file, v, "out of range");
                }
                if (n < 0) {
                    yield fail(Outcome.EINVAL, file, v, "not an unsigned long");
                }
                switch (file) {
                    case "advisor_max_cpu" -> advisorMaxCpu = n & UINT_MAX;
                    case "advisor_min_pages_to_scan" -> advisorMinPages = n;
                    default -> advisorMaxPages = n;
                }
                yield ok(file, v);
            }
            case "advisor_target_scan_time" -> {
                long n = SysfsParse.parseUnsigned(v, -1L);
                if (n < 1) {
                    yield fail(Outcome.EINVAL, file, v, "must be >= 1");
                }
                advisorTarget = n;
                yield ok(file, v);
            }
            case "pages_scanned", "pages_shared", "pages_sharing", "pages_unshared", "pages_volatile",
                    "pages_skipped", "ksm_zero_pages", "full_scans", "stable_node_chains", "stable_node_dups",
                    "general_profit" -> fail(Outcome.EACCES, file, v, "read-only");
            default -> fail(Outcome.ENOENT, file, v, "no such file in /sys/kernel/mm/ksm");
        };
    }

    private static SysfsResult ok(String file, String value) {
        return new SysfsResult(Outcome.OK, file, value, "");
    }

    private static SysfsResult fail(Outcome o, String file, String value, String why) {
        return new SysfsResult(o, file, value, file + " = " + value + ": " + o + " (" + why + ")");
    }

    private SysfsResult writeRun(String file, String v) {
        long flagsValue = SysfsParse.parseUnsigned(v, UINT_MAX);
        if (flagsValue < 0 || flagsValue > 2) {
            return fail(Outcome.EINVAL, file, v, "must be 0, 1 or 2");
        }
        int nv = (int) flagsValue;
        if (run != nv) {
            run = nv;
            if ((nv & 2) != 0) {
                unmergeAndRemoveAllRmapItems();
            }
        }
        if ((nv & 1) != 0) {
            wakeThreadWait();
        } else if (nextWake != Long.MAX_VALUE && !shouldRun()) {
            // ksmd finishes its sleep, finds nothing to do and waits
            nextWake = Long.MAX_VALUE;
            timedSleep = false;
        }
        return ok(file, v);
    }

    private SysfsResult writeMergeAcrossNodes(String file, String v) {
        long knob = SysfsParse.parseUnsigned(v, -1L);
        if (knob == -2) {
            return fail(Outcome.ERANGE, file, v, "out of range");
        }
        if (knob < 0 || knob > 1) {
            return fail(Outcome.EINVAL, file, v, "must be 0 or 1");
        }
        if (mergeAcrossNodes != knob) {
            if (pagesShared != 0 || removeAllStableNodes()) {
                return fail(Outcome.EBUSY, file, v, "pages are shared");
            }
            mergeAcrossNodes = (int) knob;
        }
        return ok(file, v);
    }

    private SysfsResult writeMaxPageSharing(String file, String v) {
        long knob = SysfsParse.parseSigned(v);
        if (knob == Long.MIN_VALUE) {
            return fail(Outcome.EINVAL, file, v, "not an int");
        }
        if (knob > Integer.MAX_VALUE || knob < Integer.MIN_VALUE) {
            return fail(Outcome.ERANGE, file, v, "out of range");
        }
        if (knob < 2) {
            return fail(Outcome.EINVAL, file, v, "must be >= 2");
        }
        if (maxPageSharing == knob) {
            return ok(file, v);
        }
        if (pagesShared != 0 || removeAllStableNodes()) {
            return fail(Outcome.EBUSY, file, v, "pages are shared");
        }
        maxPageSharing = (int) knob;
        return ok(file, v);
    }

    /** remove_all_stable_nodes: true (EBUSY) when a KSM page is still mapped. */
    private boolean removeAllStableNodes() {
        boolean busy = false;
        for (int t = 0; t < sn.roots.length; t++) {
            while (sn.roots[t] != NIL) {
                int node = sn.roots[t];
                if (removeStableNodeChain(node)) {
                    busy = true;
                    break;
                }
            }
        }
        int node = sn.migrateHead;
        while (node != NIL) {
            int nx = sn.next[node];
            if (removeStableNode(node)) {
                busy = true;
            }
            node = nx;
        }
        return busy;
    }

    private boolean removeStableNodeChain(int node) {
        if (sn.kind[node] != StableNodes.CHAIN) {
            return removeStableNode(node);
        }
        int dup = sn.first[node];
        while (dup != NIL) {
            int nx = sn.next[dup];
            if (removeStableNode(dup)) {
                return true;
            }
            dup = nx;
        }
        sn.erase(sn.nid[node], node);
        sn.free(node);
        chains--;
        return false;
    }

    private boolean removeStableNode(int node) {
        if (stale(node)) {
            removeNodeFromStableTree(node);
            return false;
        }
        return true;
    }

    /** run=2: break COW of every KSM page, free every rmap item, then every stable node; full_scans = 0. */
    private void unmergeAndRemoveAllRmapItems() {
        List<Mm> list = new ArrayList<>(ksmList);
        for (Mm mm : list) {
            if (!mm.exiting) {
                for (Vma v : mm.vmas) {
                    if (v.mergeable && v.anonVma) {
                        unmergeRange(mm, v);
                    }
                }
            }
            for (int s = mm.firstSlot; s < mm.firstSlot + mm.slotCount; s++) {
                if ((flags[s] & HAS_ITEM) != 0) {
                    freeItem(s);
                }
            }
            if (mm.exiting) {
                removeFromKsmList(ksmList.indexOf(mm));
            }
        }
        removeAllStableNodes();
        seqnr = 0;
        cursor = -1;
    }

    /** Reads a /sys/kernel/mm/ksm file as the kernel prints it (without the newline). */
    public String readSysfs(String file) {
        String v = counters().asSysfsMap().get(file);
        if (v == null) {
            throw new IllegalArgumentException("file = " + file + ": no such file in /sys/kernel/mm/ksm");
        }
        return v;
    }

    // =====================================================================================
    // observation
    // =====================================================================================

    /** Every sysfs value now. */
    public KsmCounters counters() {
        long vol = rmapItems - pagesShared - pagesSharing - pagesUnshared;
        long profit = (pagesSharing + zeroPages) * pageSize - rmapItems * RMAP_ITEM_SIZE;
        return new KsmCounters(pagesScanned, pagesShared, pagesSharing, pagesUnshared, Math.max(0, vol),
                pagesSkipped, zeroPages, seqnr, chains, dups, profit, run, pagesToScan, sleepMillisecs,
                mergeAcrossNodes, maxPageSharing, pruneMillisecs, useZeroPages ? 1 : 0, smartScan ? 1 : 0,
                advisor.sysfsName(), advisorMaxCpu, advisorMinPages, advisorMaxPages, advisorTarget);
    }

    /** The counters a convergence check compares (pages_* except scanned/skipped, zero pages, chains, dups, profit). */
    public long[] convergenceSignature() {
        long vol = Math.max(0, rmapItems - pagesShared - pagesSharing - pagesUnshared);
        return new long[] { pagesShared, pagesSharing, pagesUnshared, vol, chains, dups, zeroPages, rmapItems };
    }

    public long fullScans() {
        return seqnr;
    }

    public long pagesScanned() {
        return pagesScanned;
    }

    public long wakeups() {
        return wakeups;
    }

    public long ksmdBusyNanos() {
        return ksmdBusy;
    }

    public int run() {
        return run;
    }

    /** /proc/PID/ksm_stat of every process in creation order. */
    public List<ProcessKsmStat> processStats() {
        List<ProcessKsmStat> list = new ArrayList<>();
        for (Mm mm : mms) {
            long profit = (mm.mergingPages + mm.zeroPages) * pageSize - mm.rmapItems * RMAP_ITEM_SIZE;
            list.add(new ProcessKsmStat(mm.pid, mm.name, mm.rmapItems, mm.zeroPages, mm.mergingPages, profit,
                    mm.mergeAny, !mm.exiting && mm.anyMergeable(), mm.exiting));
        }
        return list;
    }

    /** The stable tree(s) in order, at most {@code max} entries. */
    public StableTreeView stableTree(int max) {
        List<StableEntry> entries = new ArrayList<>();
        boolean truncated = false;
        for (int t = 0; t < sn.roots.length && !truncated; t++) {
            for (int n = sn.firstInTree(t); n != NIL; n = sn.nextInTree(n)) {
                if (entries.size() >= max) {
                    truncated = true;
                    break;
                }
                List<DupView> ds = new ArrayList<>();
                if (sn.kind[n] == StableNodes.CHAIN) {
                    for (int d = sn.first[n]; d != NIL; d = sn.next[d]) {
                        ds.add(dupView(d));
                    }
                } else {
                    ds.add(dupView(n));
                }
                entries.add(new StableEntry(sn.content[n], t, sn.kind[n] == StableNodes.CHAIN, List.copyOf(ds)));
            }
        }
        List<DupView> migrating = new ArrayList<>();
        for (int n = sn.migrateHead; n != NIL; n = sn.next[n]) {
            migrating.add(dupView(n));
        }
        return new StableTreeView(List.copyOf(entries), truncated, List.copyOf(migrating));
    }

    private DupView dupView(int d) {
        int k = sn.kpfn[d];
        return new DupView(d, k, k >= 0 ? frames.node[k] : -1, sn.len[d], stale(d));
    }

    /** The rmap items of a dup (stable node id), head first, at most {@code max}. */
    public List<RmapItemView> rmapItems(int dupId, int max) {
        List<RmapItemView> list = new ArrayList<>();
        if (dupId < 0 || dupId >= sn.highWater() || sn.kind[dupId] == StableNodes.FREE
                || sn.kind[dupId] == StableNodes.CHAIN) {
            return list;
        }
        for (int s = sn.first[dupId]; s != NIL && list.size() < max; s = hnext[s]) {
            Mm mm = mms.get(slotMm[s]);
            Vma v = mm.vmaOfSlot(s);
            list.add(new RmapItemView(mm.pid, v.start + (long) (s - v.firstSlot) * pageSize));
        }
        return list;
    }

    /** Approximate heap held by the engine's per-page structures, bytes. */
    public long heapBytes() {
        long slots = (long) slotFrame.length * (4 + 1 + 4 + 1 + 1 + 1 + 1 + 4 + 4 + 4 + 4);
        return slots + frames.heapBytes() + sn.heapBytes() + unstable.heapBytes();
    }

    /** Number of simulated page slots. */
    public int pageCount() {
        return slotCount;
    }

    /** Checks internal invariants; returns a description of the first violation or null. */
    public String checkInvariants() {
        long shared = 0;
        long sharing = 0;
        long items = 0;
        long unshared = 0;
        for (int s = 0; s < slotCount; s++) {
            if ((flags[s] & HAS_ITEM) != 0) {
                items++;
                if ((flags[s] & UNSTABLE) != 0) {
                    unshared++;
                }
            }
        }
        long nChains = 0;
        long nDups = 0;
        for (int n = 0; n < sn.highWater(); n++) {
            byte k = sn.kind[n];
            if (k == StableNodes.FREE) {
                continue;
            }
            if (k == StableNodes.CHAIN) {
                nChains++;
                continue;
            }
            if (k == StableNodes.DUP) {
                nDups++;
            }
            int len = 0;
            for (int s = sn.first[n]; s != NIL; s = hnext[s]) {
                len++;
                if (head[s] != n || (flags[s] & STABLE) == 0) {
                    return "rmap item " + s + " in node " + n + " does not point back";
                }
            }
            if (len != sn.len[n]) {
                return "node " + n + " len " + sn.len[n] + " but " + len + " items";
            }
            if (len > 0) {
                shared++;
                sharing += len - 1;
            }
        }
        if (items != rmapItems) {
            return "rmap items " + rmapItems + " counted " + items;
        }
        if (unshared != pagesUnshared) {
            return "pages_unshared " + pagesUnshared + " counted " + unshared;
        }
        if (shared != pagesShared || sharing != pagesSharing) {
            return "pages_shared/sharing " + pagesShared + "/" + pagesSharing + " counted " + shared + "/" + sharing;
        }
        if (nChains != chains || nDups != dups) {
            return "chains/dups " + chains + "/" + dups + " counted " + nChains + "/" + nDups;
        }
        return null;
    }

    // =====================================================================================
    // package access for reverse-map walks and refile (RmapOperations, rmap extension)
    // =====================================================================================

    /** Frame mapped at slot s (or NO_PAGE, KSM_ZERO, PLAIN_ZERO). */
    int slotFrameAt(int s) {
        return slotFrame[s];
    }

    /** Next rmap item of the same stable node's hlist, or NIL. */
    int rmapNext(int s) {
        return hnext[s];
    }

    Mm mmOfSlot(int s) {
        return mms.get(slotMm[s]);
    }

    /** Every mm ever created, in creation order (exited ones included, marked exiting). */
    List<Mm> allMms() {
        return mms;
    }

    /** The running process {@code pid}; IllegalArgumentException when there is none. */
    Mm runningMm(int pid) {
        return mm(pid);
    }

    boolean isStale(int node) {
        return stale(node);
    }

    int maxPageSharingValue() {
        return maxPageSharing;
    }

    SharingPolicy policy() {
        return policy;
    }

    /** Adds work done by ksmd outside its scan (a refile pass) to its CPU time. */
    void chargeKsmd(long nanos) {
        ksmdBusy += nanos;
    }

    /**
     * Refile: moves the rmap item of slot s from its dup into dup {@code to} of the same content,
     * remapping the PTE to {@code to}'s KSM page. The old page is freed with its last mapping (its
     * dup then goes stale and is collected lazily, as in the kernel).
     *
     * @return whether the item moved
     */
    boolean refileItem(int s, int to) {
        if ((flags[s] & STABLE) == 0) {
            return false;
        }
        int from = head[s];
        int f = slotFrame[s];
        if (from == to || stale(from) || stale(to) || f != sn.kpfn[from] || sn.content[to] != sn.content[from]) {
            return false;
        }
        int kf = sn.kpfn[to];
        removeRmapItemFromTree(s);
        slotFrame[s] = kf;
        frames.mapcount[kf]++;
        frames.put(f);
        stableTreeAppend(s, to);
        return true;
    }
}
