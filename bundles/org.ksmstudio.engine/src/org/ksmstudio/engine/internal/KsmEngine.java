package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.ProcessKsmStat;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableTreeView;
import org.ksmstudio.engine.SysfsResult;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.scenario.AdvisorMode;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Topology;

/**
 * ksmd and the KSM data structures of mm/ksm.c on simulated time: mm slots in registration order,
 * rmap items per page slot in address order (primitive arrays indexed by page slot), the scan
 * cursor, checksums, cmp_and_merge_page with the unstable and stable trees (chains and dups),
 * zero pages and the counters. Its collaborators: {@link ProcessEvents} (what processes do),
 * {@link KsmdClock} (wake-ups on simulated time), {@link SmartScan}, {@link ScanTimeAdvisor},
 * {@link KsmSysfs} (sysfs rules), {@link CounterReadout} and {@link StableTreeReadout}
 * (observation), {@link InvariantCheck}. Single-threaded: callers serialise access.
 */
public final class KsmEngine {
    /** slot maps no page */
    static final int NO_PAGE = -1;
    /** slot maps the zero page placed by KSM (counted in ksm_zero_pages) */
    static final int KSM_ZERO = -2;
    /** slot maps the zero page through fork of a KSM zero pte (not counted) */
    static final int PLAIN_ZERO = -3;

    /** rmap item flags (per page slot) */
    static final byte HAS_ITEM = 1;
    static final byte STABLE = 2;
    static final byte UNSTABLE = 4;
    /**
     * the page mapped at the slot sits in a per-CPU LRU add batch (extra reference: write_protect_page
     * refuses it) until lru_add_drain_all() at the next full-scan start; kept across rmap item alloc/free
     */
    static final byte LRU_HELD = 8;
    /** PAGEVEC_SIZE: folios of a per-CPU lru_add folio_batch, which is flushed when full */
    public static final int LRU_ADD_BATCH = 31;
    private static final int NIL = StableNodes.NIL;
    /** sizeof(struct ksm_rmap_item) on 64-bit */
    public static final int RMAP_ITEM_SIZE = 64;
    private static final int ZERO_CHECKSUM = Mix.checksum(0L);
    /**
     * ksmd's CPU time before the simulation starts, as task_sched_runtime() sees it: selecting
     * scan-time zeroes the advisor's context but not ksmd's runtime since boot, so the first advice
     * sees a huge cpu% (per-page cost 1). Measured on the reference kernel: 200 pages_to_scan, target
     * 2 s, first scan 1 s gave 30, as with ten minutes of prior ksmd CPU time.
     */
    static final long KSMD_RUNTIME_BEFORE_RUN = 600_000_000_000L;

    final CostModel cost;
    final int pageSize;
    final SharingPolicy policy;
    final Frames frames;
    final StableNodes sn;
    final StableTree stable;
    private final UnstableTree unstable = new UnstableTree();
    final SmartScan smart;

    // ---- page slots: one per virtual page, with the state of its rmap item ----
    int[] slotFrame;
    byte[] flags;
    private int[] oldChecksum;
    private byte[] seq;
    private byte[] itemNid;
    int[] head;
    int[] hnext;
    private int[] hprev;
    int[] slotMm;
    int slotCount;

    final List<Mm> mms = new ArrayList<>();
    private final ProcessEvents processes = new ProcessEvents(this);
    /** ksm_mm_head list, in order */
    private final List<Mm> ksmList = new ArrayList<>();
    /** slots flagged LRU_HELD, released at the next full-scan start */
    private int[] lruHeld = new int[LRU_ADD_BATCH];
    private int lruHeldCount;
    /** index in ksmList of ksm_scan.mm_slot, -1 for ksm_mm_head */
    private int cursor = -1;
    private int cursorSlot;
    private boolean cursorAddressSet;

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

    // ---- counters ----
    long pagesScanned;
    long pagesShared;
    long pagesSharing;
    long pagesUnshared;
    long rmapItems;
    long zeroPages;
    long seqnr;

    // ---- advisor context ----
    long advStartScan;
    ScanTimeAdvisor.Context advContext = ScanTimeAdvisor.Context.ZERO;

    // ---- time ----
    final KsmdClock clock;
    /** ksmd CPU time of the current batch, ns */
    long batchCost;
    /** nodes inserted into the unstable tree(s) since the start of the full scan (their size) */
    private long unstableInserts;

    /** Creates an engine for a machine; processes are added with {@link ProcessEvents#addProcess}. */
    public KsmEngine(Topology topology, CostModel cost, KsmTunables tunables, SharingPolicy policy, int slotCapacity) {
        this.cost = cost;
        this.clock = new KsmdClock(cost);
        this.pageSize = topology.pageSize();
        this.policy = policy;
        int cap = Math.max(16, slotCapacity);
        this.frames = new Frames(cap);
        this.sn = new StableNodes(Math.max(16, cap / 64), topology.nodes().size());
        this.stable = new StableTree(this);
        slotFrame = new int[cap];
        flags = new byte[cap];
        oldChecksum = new int[cap];
        smart = new SmartScan(cap);
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
    // page slots and the ksm_mm_head list (processes themselves: ProcessEvents)
    // =====================================================================================

    /** The processes: creation, writes, fork, exit, madvise, prctl, memory failure. */
    public ProcessEvents processes() {
        return processes;
    }

    /** Allocates n page slots (without rmap items, mapping no page); returns the first. */
    int allocSlots(int n) {
        int need = slotCount + n;
        if (need > slotFrame.length) {
            int cap = Math.max(need, slotFrame.length + (slotFrame.length >> 1));
            slotFrame = Arrays.copyOf(slotFrame, cap);
            flags = Arrays.copyOf(flags, cap);
            oldChecksum = Arrays.copyOf(oldChecksum, cap);
            smart.grow(cap);
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
    void ksmEnter(Mm mm) {
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

    /**
     * __ksm_exit: an exiting mm leaves the ksm_mm_head list at once when it has no rmap items;
     * otherwise it moves just behind the cursor, where ksmd frees its rmap items next.
     */
    void ksmExit(Mm mm) {
        if (!mm.registered) {
            return;
        }
        int idx = ksmList.indexOf(mm);
        if (idx == cursor) {
            return;
        }
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

    /** Moves simulated time forward to {@code t} without running ksmd (callers run wake-ups first). */
    public void advanceClockTo(long t) {
        clock.advanceTo(t);
    }

    boolean shouldRun() {
        return (run & 1) != 0 && !ksmList.isEmpty();
    }

    /** Wakes ksmd when it waits for work and has some. */
    void wakeThreadWait() {
        if (shouldRun()) {
            clock.wakeIfWaiting();
        }
    }

    /**
     * Runs ksmd's wake-up due at {@link #nextWakeup()}: one batch of up to pages_to_scan pages
     * (ending early at the end of a full scan), then its sleep.
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
                clock.now = start + batchCost;
            }
        }
        long end = start + batchCost;
        // the batch's effects are stamped with its wake-up time; its duration delays the next wake-up
        // and is ksmd's CPU time, so a run to time t never ends inside a batch
        clock.now = start;
        clock.busyNanos += batchCost;
        if (shouldRun()) {
            clock.sleepAfterBatch(end, batchCost, sleepMillisecs);
        } else {
            clock.waitForWork();
        }
        return (int) (seqnr - before);
    }

    /** scan_get_next_rmap_item: the next page slot to merge, or -1 at the end of a full scan. */
    private int scanNext() {
        if (ksmList.isEmpty()) {
            return -1;
        }
        if (cursor < 0) {
            lruAddDrainAll();
            advisorStartScan();
            if (mergeAcrossNodes == 0) {
                stable.pruneMigrateNodes();
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
        flags[s] = (byte) (HAS_ITEM | (flags[s] & LRU_HELD));
        oldChecksum[s] = 0;
        smart.reset(s);
        head[s] = NIL;
        rmapItems++;
        mm.rmapItems++;
    }

    private void freeItem(int s) {
        removeRmapItemFromTree(s);
        flags[s] = (byte) (flags[s] & LRU_HELD);
        rmapItems--;
        mms.get(slotMm[s]).rmapItems--;
    }

    /** should_skip_rmap_item: smart scan skips an unmerged page that stayed unique for a while. */
    private boolean shouldSkip(int s, int f) {
        if (!smartScan || frames.stable[f] != Frames.NOT_KSM || !smart.skip(s)) {
            return false;
        }
        removeRmapItemFromTree(s);
        return true;
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
            if (sn.kind[pageNode] != StableNodes.MIGRATING && stable.kpfnNid(sn.kpfn[pageNode]) != sn.nid[pageNode]) {
                stable.stableNodeDupDel(pageNode);
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
        int kf = stable.stableTreeSearch(f);
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
                    int dup = stable.stableTreeInsert(f);
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
        if (frames.content[f] != 0L || (flags[s] & LRU_HELD) != 0) {
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
        if ((flags[s] & LRU_HELD) != 0) {
            // write_protect_page: the LRU add batch's reference makes the page count too high
            return false;
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
            if (stable.isStale(node)) {
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

    /** remove_node_from_stable_tree: drops every rmap item of a stale node, then the node. */
    void removeNodeFromStableTree(int node) {
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
            stable.stableNodeDupDel(node);
        }
        sn.free(node);
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

    // ---- per-CPU LRU add batches ----

    /**
     * The pages newly faulted or COW-copied by one write action, in write order: all but the last
     * {@code written mod 31} have left the writer CPU's folio_batch (flushed when full); those last
     * ones hold an extra reference until {@link #lruAddDrainAll()}. {@code ring[i]} is the slot of
     * the i-th page of the action mod 31, so the held ones are ring[0 .. written mod 31).
     */
    void holdInLruAddBatch(int[] ring, long written) {
        int k = (int) (written % LRU_ADD_BATCH);
        for (int i = 0; i < k; i++) {
            int s = ring[i];
            if ((flags[s] & LRU_HELD) != 0) {
                continue;
            }
            if (lruHeldCount == lruHeld.length) {
                lruHeld = Arrays.copyOf(lruHeld, lruHeld.length * 2);
            }
            lruHeld[lruHeldCount++] = s;
            flags[s] |= LRU_HELD;
        }
    }

    /** lru_add_drain_all() at the start of a full scan: every held page is released. */
    private void lruAddDrainAll() {
        for (int i = 0; i < lruHeldCount; i++) {
            int s = lruHeld[i];
            flags[s] = (byte) (flags[s] & ~LRU_HELD);
        }
        lruHeldCount = 0;
    }

    /** Number of page slots whose page sits in a per-CPU LRU add batch (cannot be merged yet). */
    public int lruHeldPages() {
        return lruHeldCount;
    }

    // ---- scan-time advisor ----

    private void advisorStartScan() {
        if (advisor == AdvisorMode.SCAN_TIME) {
            advStartScan = clock.now + batchCost;
        }
    }

    private void advisorStopScan() {
        if (advisor != AdvisorMode.SCAN_TIME) {
            return;
        }
        long t = clock.now + batchCost;
        ScanTimeAdvisor.Result r = ScanTimeAdvisor.advise(advContext, t - advStartScan,
                KSMD_RUNTIME_BEFORE_RUN + clock.busyNanos + batchCost,
                pagesToScan, advisorTarget, advisorMaxCpu, advisorMaxPages);
        advContext = r.context();
        pagesToScan = r.pagesToScan();
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

    /** run=2: break COW of every KSM page, free every rmap item, then every stable node; full_scans = 0. */
    void unmergeAndRemoveAllRmapItems() {
        List<Mm> list = new ArrayList<>(ksmList);
        for (Mm mm : list) {
            if (!mm.exiting) {
                for (Vma v : mm.vmas) {
                    if (v.mergeable && v.anonVma) {
                        processes.unmergeRange(mm, v);
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
        stable.removeAllStableNodes();
        seqnr = 0;
        cursor = -1;
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
        return seqnr;
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
        return InvariantCheck.firstViolation(this);
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
        return processes.running(pid);
    }

    SharingPolicy policy() {
        return policy;
    }

    /** Adds work done by ksmd outside its scan (a refile pass) to its CPU time. */
    void chargeKsmd(long nanos) {
        clock.busyNanos += nanos;
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
        if (from == to || stable.isStale(from) || stable.isStale(to) || f != sn.kpfn[from]
                || sn.content[to] != sn.content[from]) {
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
