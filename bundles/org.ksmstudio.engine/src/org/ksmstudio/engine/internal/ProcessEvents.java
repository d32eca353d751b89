package org.ksmstudio.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.patch.ProcessEvent;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.RegionBacking;
import org.ksmstudio.engine.scenario.ScenarioException;

/**
 * What the processes of a workload do to their pages and to KSM: creation with its pages faulted
 * in, writes (COW breaks of KSM pages), fork, exit, madvise(MADV_(UN)MERGEABLE),
 * prctl(PR_SET_MEMORY_MERGE) and memory failure. Each KSM event, once applied with 6.18's rules,
 * is reported to the patch's seam ({@link Seams#processEvent}). Single-threaded, like the engine it
 * acts on.
 */
public final class ProcessEvents {
    private final KsmEngine e;
    private final Map<Integer, Mm> byPid = new HashMap<>();
    private long uniqueCounter;
    /** the current write action: nesting depth, pages newly faulted/COW-copied, their slots mod 31 */
    private int writeActionDepth;
    private long actionNewPages;
    private final int[] actionRing = new int[KsmEngine.LRU_ADD_BATCH];

    ProcessEvents(KsmEngine engine) {
        this.e = engine;
    }

    /**
     * A region of a new process: its name, mergeable flag, the content of each page, and how its
     * first pages are backed (2 MiB huge pages, pinned pages).
     */
    public record RegionInit(String name, boolean mergeable, long[] contents, RegionBacking backing) {
    }

    /**
     * Creates a process whose regions are faulted in with the given contents on its home node (a
     * region's first huge pages by do_huge_pmd_anonymous_page, the rest by do_anonymous_page), pins
     * the pinned pages (pin_user_pages), and registers it with KSM (behind the cursor) when a region
     * is mergeable. A region with huge pages starts at a 2 MiB boundary.
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
        int first = e.allocSlots(total);
        Vma[] vmas = new Vma[regions.size()];
        long addr = 0x7f00_0000_0000L;
        int s = first;
        for (int i = 0; i < regions.size(); i++) {
            RegionInit r = regions.get(i);
            if (r.backing().hugePages() > 0) {
                long hugeBytes = (long) PinsAndHugePages.HPAGE_PMD_NR * e.pageSize;
                addr = (addr + hugeBytes - 1) / hugeBytes * hugeBytes;
            }
            vmas[i] = new Vma(r.name(), addr, s, r.contents().length, r.mergeable());
            addr += ((long) r.contents().length + 512) * e.pageSize;
            s += r.contents().length;
        }
        Mm mm = new Mm(e.mms.all().size(), pid, name, homeNode, cpus, active, kvm, 0, vmas, first, total);
        mm.mergeAny = mergeAny;
        e.mms.add(mm);
        byPid.put(pid, mm);
        s = first;
        for (RegionInit r : regions) {
            int regionFirst = s;
            for (long c : r.contents()) {
                e.slots.mapNew(s++, c, homeNode);
            }
            for (long h = 0; h < r.backing().hugePages(); h++) {
                e.pinsAndHuge.mapHuge(regionFirst + (int) h * PinsAndHugePages.HPAGE_PMD_NR);
            }
            for (long p = 0; p < r.backing().pinnedPages(); p++) {
                e.pinsAndHuge.pin(regionFirst + (int) p);
            }
        }
        if (mm.anyMergeable()) {
            e.ksmEnter(mm);
        }
    }

    /** The running process {@code pid}; IllegalArgumentException when there is none. */
    Mm running(int pid) {
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
        for (Mm mm : e.mms.all()) {
            if (!mm.exiting && mm.vma(regionName) != null) {
                pids.add(mm.pid);
            }
        }
        return pids;
    }

    /** Number of pages of a region. */
    public int regionPages(int pid, String regionName) {
        return region(running(pid), regionName).pages;
    }

    /** A content no page has had before. */
    public long nextUniqueContent() {
        long c;
        do {
            c = Mix.mix64(0x3C6EF372FE94F82BL + (++uniqueCounter) * 0x9E3779B97F4A7C15L);
        } while (c == 0);
        return c;
    }

    /**
     * Runs {@code writes} as one write action: its writes (several {@link #writePages} calls, e.g. in
     * every process) are one sequence on one CPU, whose newly faulted/COW-copied pages go through that
     * CPU's LRU add batch; the last (new pages mod 31) stay there until ksmd drains it. Actions may nest
     * (inner ones join the outer one).
     */
    public void inOneWriteAction(Runnable writes) {
        if (writeActionDepth++ == 0) {
            actionNewPages = 0;
        }
        try {
            writes.run();
        } finally {
            if (--writeActionDepth == 0) {
                e.lru.hold(actionRing, actionNewPages);
                actionNewPages = 0;
            }
        }
    }

    /**
     * The application writes pages [from, to) every step of a region (COW breaks KSM pages); one
     * write action unless called inside {@link #inOneWriteAction}.
     */
    public void writePages(int pid, String regionName, long from, long to, long step, NewContent content) {
        Mm mm = running(pid);
        Vma v = region(mm, regionName);
        if (from < 0 || to > v.pages || from > to || step < 1) {
            throw new IllegalArgumentException("pages " + from + ".." + to + " step " + step + ": outside region "
                    + regionName + " of " + v.pages + " pages");
        }
        inOneWriteAction(() -> {
            for (long p = from; p < to; p += step) {
                writePage(mm, v.firstSlot + (int) p, content);
            }
        });
    }

    /** A new page (fault or COW copy) was mapped at slot s by the current write action: lru_add. */
    private void lruAdd(int s) {
        actionRing[(int) (actionNewPages++ % KsmEngine.LRU_ADD_BATCH)] = s;
    }

    /** A write fault or a write into a private page (do_anonymous_page, do_wp_page / wp_page_copy). */
    private void writePage(Mm mm, int s, NewContent content) {
        int f = e.slots.pte(s);
        if (f < 0) {
            e.slots.mapNew(s, content == NewContent.UNIQUE ? nextUniqueContent() : 0L, mm.homeNode);
            lruAdd(s);
        } else if (e.frames.isKsm(f) || e.frames.mapcount(f) > 1) {
            long c = content == NewContent.UNIQUE ? nextUniqueContent() : e.frames.content(f);
            e.slots.mapNew(s, c, mm.homeNode);
            lruAdd(s);
        } else if (content == NewContent.UNIQUE) {
            e.frames.write(f, nextUniqueContent());
        }
    }

    /**
     * fork(): a child mm sharing every page of the parent copy-on-write (huge pages by their PMD), registered
     * with KSM like the parent (ksm_fork); its KSM zero pages are counted for the child and globally, as since
     * 4d6fc29f3634. A pinned page, and every subpage of a huge page with a pinned subpage, is copied for the
     * child instead (copy_present_page: page_needs_cow_for_dma).
     */
    public void fork(int parentPid, int childPid, String childName) {
        Mm parent = running(parentPid);
        if (byPid.containsKey(childPid)) {
            throw new IllegalArgumentException("pid = " + childPid + ": a process with this pid exists");
        }
        int first = e.allocSlots(parent.slotCount);
        Vma[] vmas = new Vma[parent.vmas.length];
        for (int i = 0; i < vmas.length; i++) {
            Vma pv = parent.vmas[i];
            vmas[i] = new Vma(pv.name, pv.start, first + (pv.firstSlot - parent.firstSlot), pv.pages, pv.mergeable);
        }
        Mm child = new Mm(e.mms.all().size(), childPid, childName == null ? parent.name : childName, parent.homeNode,
                parent.cpus, parent.active, parent.kvm, parentPid, vmas, first, parent.slotCount);
        child.mergeAny = parent.mergeAny;
        e.mms.add(child);
        byPid.put(childPid, child);
        for (int i = 0; i < parent.slotCount; i++) {
            int ps = parent.firstSlot + i;
            int f = e.slots.pte(ps);
            if (f >= 0 && e.pinsAndHuge.copiedAtFork(ps)) {
                e.slots.mapNew(first + i, e.frames.content(f), e.frames.node(f));
            } else if (f >= 0) {
                e.slots.map(first + i, f);
            } else if (f == PageSlots.KSM_ZERO) {
                e.slots.mapKsmZero(first + i);
            }
        }
        e.pinsAndHuge.fork(parent.firstSlot, first, parent.slotCount);
        if (parent.registered) {
            e.ksmEnter(child);
        }
        e.seams.processEvent(ProcessEvent.FORK, child);
    }

    /** Process exit: __ksm_exit, then its pages are unmapped; ksmd frees its rmap items when it gets there. */
    public void exit(int pid) {
        Mm mm = running(pid);
        mm.exiting = true;
        e.ksmExit(mm);
        for (int s = mm.firstSlot; s < mm.firstSlot + mm.slotCount; s++) {
            e.slots.unmap(s);
        }
        e.seams.processEvent(ProcessEvent.EXIT, mm);
    }

    /** madvise(MADV_MERGEABLE / MADV_UNMERGEABLE) on a whole region. */
    public void madvise(int pid, String regionName, boolean mergeable) {
        Mm mm = running(pid);
        Vma v = region(mm, regionName);
        if (mergeable) {
            if (v.mergeable) {
                return;
            }
            v.mergeable = true;
            if (!mm.registered) {
                e.ksmEnter(mm);
            }
        } else {
            if (!v.mergeable) {
                return;
            }
            unmergeRange(mm, v);
            v.mergeable = false;
            v.staleItems = true;
        }
        e.seams.processEvent(mergeable ? ProcessEvent.MADVISE_MERGEABLE : ProcessEvent.MADVISE_UNMERGEABLE, mm);
    }

    /** prctl(PR_SET_MEMORY_MERGE, 0/1): every region of the process. */
    public void setMergeAny(int pid, boolean enable) {
        Mm mm = running(pid);
        if (enable) {
            if (mm.mergeAny) {
                return;
            }
            if (!mm.registered) {
                e.ksmEnter(mm);
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
        e.seams.processEvent(enable ? ProcessEvent.MERGE_ANY_ENABLED : ProcessEvent.MERGE_ANY_DISABLED, mm);
    }

    /** unmerge_ksm_pages: break COW of every KSM page (and KSM zero page) mapped in the VMA. */
    void unmergeRange(Mm mm, Vma v) {
        for (int s = v.firstSlot; s < v.endSlot(); s++) {
            int f = e.slots.pte(s);
            if (f == PageSlots.KSM_ZERO) {
                e.slots.mapNew(s, 0L, mm.homeNode);
            } else if (f >= 0 && e.frames.isKsm(f)) {
                e.slots.mapNew(s, e.frames.content(f), mm.homeNode);
            }
        }
    }

    /** Memory failure of the page mapped at a region page: every mapping of that frame is unmapped. */
    public void memoryFailure(int pid, String regionName, long page) {
        Mm mm = running(pid);
        Vma v = region(mm, regionName);
        if (page < 0 || page >= v.pages) {
            throw new IllegalArgumentException("page = " + page + ": outside region " + regionName);
        }
        int f = e.slots.pte(v.firstSlot + (int) page);
        if (f < 0) {
            return;
        }
        for (int s = 0; s < e.slots.count(); s++) {
            if (e.slots.pte(s) == f) {
                e.slots.unmap(s);
            }
        }
    }
}
