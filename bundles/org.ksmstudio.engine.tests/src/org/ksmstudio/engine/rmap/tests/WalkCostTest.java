package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.CostModel;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.Topology;

/**
 * Exact walk costs on small cases computed by hand: which rmap items, VMAs, PTEs, IPIs and MMU-notifier
 * calls each walk pays. Two nodes of two CPUs (0,1 | 2,3), distance 20; every process maps one page
 * of the same content; ksmd merges them into one KSM page before the operation. The terms are checked
 * under the 2016 policy (no reschedule points, same sharing with so few mappings); what the stock
 * kernel's cond_resched() points add is checked on its own.
 */
class WalkCostTest {
    /** round numbers so that every term shows in the sum: lock 100, PTE 1,000, IPI 10,000, KVM 100,000 */
    static final CostModel COST = new CostModel(250, 600_000, 20_000, 40, 150, 700, 150, 1_000, 100, 1_000, 10_000, 100_000,
            1);
    static final String R = RmapScenarios.REGION;

    private final WalkCostModel c = WalkCostModel.of(COST);
    private final long lock = c.anonVmaLockNanos();
    private final long vma = c.vmaVisitNanos();
    private final long pte = c.pteNanos();
    private final long flush = c.localFlushNanos();
    private final long ipi = c.ipiNanos();
    private final long kvm = c.mmuNotifierNanos();

    static ProcessSpec proc(int pid, List<Integer> cpus, boolean active, boolean kvm) {
        return RmapScenarios.process(pid, 0, cpus, active, kvm, RmapScenarios.identical(R, 1));
    }

    static KsmSimulation merged(String arch, String policy, ProcessSpec... procs) {
        Topology t = RmapScenarios.numa(2, 2, 20);
        t = new Topology(arch, t.pageSize(), t.cpuCount(), t.nodes(), t.distance());
        Scenario.Builder b = Scenario.builder().topology(t).costModel(COST).tunables(RmapScenarios.fastKsmd(256))
                .run(new RunSettings(Duration.ZERO, true, 1, policy, Duration.ofSeconds(1)));
        for (ProcessSpec p : procs) {
            b.process(p);
        }
        KsmSimulation sim = KsmSimulation.create(b.build());
        assertTrue(sim.runUntilConverged(Duration.ofMinutes(10)));
        assertEquals(1, sim.snapshot().counters().pagesShared());
        return sim;
    }

    static DupView onlyDup(KsmSimulation sim) {
        List<StableEntry> entries = sim.stableTree(10).entries();
        assertEquals(1, entries.size());
        return entries.get(0).dups().get(0);
    }

    static List<Integer> itemPids(KsmSimulation sim) {
        return sim.rmapItems(onlyDup(sim).dupId(), 100).stream().map(RmapItemView::pid).toList();
    }

    @Test
    void migrationOfThreeMappingsWithActiveAndIdleMms() {
        // caller 1 on CPU 0; 2 runs on CPUs 1 and 2 (two IPIs per flush); 3 sleeps (none)
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(0), true, false), proc(2, List.of(1, 2), true,
                false), proc(3, List.of(3), false, false));
        OperationResult r = sim.migratePages(1, -1, 1);
        long unmap = 3 * (lock + vma + pte + flush) + 2 * ipi;
        long restore = 3 * (lock + vma + pte) + 3 * (lock + vma); // second pass looks for forks: none
        long copy = c.copyNanos(20);
        assertEquals(c.migrationFixedNanos() + unmap + copy + restore, r.latencyNanos());
        assertEquals(unmap, r.longestWalkNanos());
        assertEquals(r.latencyNanos(), r.longestStretchNanos(), "no reschedule point: one R-state stretch");
        assertEquals(2, r.ipis());
        assertEquals(1, r.pages());
        assertEquals(1, r.ksmPages());
        assertEquals(1, onlyDup(sim).node(), "the KSM page moved to node 1");
        // the page was on node 0: its latency is recorded there
        OperationStats s = sim.rmapReport().get(0, RmapOperation.MIGRATE_PAGES);
        assertEquals(1, s.count());
        assertEquals(r.latencyNanos(), s.maxNanos());
        assertEquals(r.latencyNanos(), s.p50Nanos());
        assertEquals(r.latencyNanos(), s.p99Nanos());
    }

    @Test
    void kvmGuestAddsTheMmuNotifierAndTheGuestFlush() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(0), true, false), proc(2, List.of(1, 2), true,
                true), proc(3, List.of(3), false, false));
        OperationResult r = sim.migratePages(1, -1, 1);
        long unmap = 3 * (lock + vma + pte + flush) + 2 * ipi + kvm + 2 * ipi;
        long restore = 3 * (lock + vma + pte) + 3 * (lock + vma);
        assertEquals(c.migrationFixedNanos() + unmap + c.copyNanos(20) + restore, r.latencyNanos());
        assertEquals(4, r.ipis(), "host TLB flush and KVM remote flush, each to CPUs 1 and 2");
    }

    @Test
    void forkedChildWithoutItsOwnRmapItemIsFoundInTheSecondPass() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(1), true, false), proc(2, List.of(0), true,
                false));
        sim.fork(1, 3, "child"); // after the merge: the child maps the KSM page, ksmd has not seen it yet
        assertEquals(List.of(2, 1), itemPids(sim), "the second page scanned joined last, at the head");
        OperationResult r = sim.migratePages(2, -1, 1); // caller on CPU 0; 1 and its child run on CPU 1
        // unmap, first pass: item 2 (own VMA), item 1 (own VMA, then the child's VMA of its anon_vma);
        // second pass: item 2 (own VMA skipped), item 1 (own skipped, child's VMA: the last mapping)
        long unmap = (lock + vma + pte + flush) + (lock + vma + pte + flush + ipi + vma)
                + (lock + vma) + (lock + vma + vma + pte + flush + ipi);
        // restore has no early stop: both passes in full
        long restore = (lock + vma + pte) + (lock + vma + pte + vma) + (lock + vma) + (lock + vma + vma + pte);
        assertEquals(c.migrationFixedNanos() + unmap + c.copyNanos(20) + restore, r.latencyNanos());
        assertEquals(2, r.ipis());
    }

    @Test
    void forkedChildWithItsOwnItemIsHandledOnceAndLookedIntoAgain() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(1), true, false), proc(2, List.of(0), true,
                false));
        sim.fork(1, 3, "child");
        for (int i = 0; i < 3; i++) {
            sim.stepFullScan(); // ksmd meets the child's page, a KSM page already: its rmap item joins
        }
        assertEquals(List.of(3, 2, 1), itemPids(sim));
        OperationResult r = sim.migratePages(2, -1, 1);
        // first pass: 3, 2, then 1 whose own VMA is the last mapping (the walk stops there)
        long unmap = (lock + vma + pte + flush + ipi) + (lock + vma + pte + flush) + (lock + vma + pte + flush + ipi);
        // restore: first pass (1 also iterates its child's VMA), second pass: 1 looks into the child's VMA
        // again and finds nothing to restore (a page-table walk that misses)
        long restore = (lock + vma + pte) + (lock + vma + pte) + (lock + vma + pte + vma)
                + (lock + vma) + (lock + vma) + (lock + vma + vma + c.pteMissNanos());
        assertEquals(c.migrationFixedNanos() + unmap + c.copyNanos(20) + restore, r.latencyNanos());
    }

    @Test
    void reclaimOnX86ClearsYoungBitsWithoutFlushButKvmStillSendsIpis() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(1), true, true), proc(2, List.of(), false,
                false));
        OperationResult r = sim.reclaim(0, 10, Duration.ofSeconds(1));
        // folio_referenced: item 2 then item 1 (KVM: notifier and a flush IPI to CPU 1); 1 runs, so the page
        // is referenced and not unmapped
        long referenced = (lock + vma + c.youngNanos()) + (lock + vma + c.youngNanos() + kvm + ipi);
        assertEquals(referenced, r.latencyNanos());
        assertEquals(1, r.ipis());
        assertEquals(0, r.failures());
    }

    @Test
    void reclaimOnArm64FlushesByBroadcastWithoutIpis() {
        KsmSimulation sim = merged("arm64", "2016", proc(1, List.of(1), true, true), proc(2, List.of(), false,
                false));
        OperationResult r = sim.reclaim(0, 10, Duration.ofSeconds(1));
        long referenced = (lock + vma + c.youngNanos() + flush) + (lock + vma + c.youngNanos() + flush + kvm);
        assertEquals(referenced, r.latencyNanos());
        assertEquals(0, r.ipis());
    }

    @Test
    void reclaimUnmapsAPageNoRunningProcessReferenced() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(1), false, false), proc(2, List.of(), false,
                false));
        OperationResult r = sim.reclaim(0, 10, Duration.ofSeconds(1));
        long referenced = 2 * (lock + vma + c.youngNanos());
        long unmap = 2 * (lock + vma + pte + flush);
        assertEquals(referenced + c.migrationFixedNanos() + unmap, r.latencyNanos());
    }

    @Test
    void memoryFailureCollectsThenUnmapsEveryMapping() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(), false, false), proc(2, List.of(), false,
                false));
        OperationResult r = sim.memoryFailure(1, R, 0);
        long collect = 2 * (lock + vma + c.pteMissNanos()) + 2 * (lock + vma);
        long unmap = 2 * (lock + vma + pte + flush);
        assertEquals(c.migrationFixedNanos() + collect + unmap, r.latencyNanos());
        assertEquals(0, sim.memoryFailure(2, R, 0).pages(), "poisoned: no longer mapped anywhere");
    }

    @Test
    void compactionMigratesEveryPageOfTheNodeKsmAndPlain() {
        // two processes, each one page of the shared content and one unique page; both idle
        MergeableRegion mixed = new MergeableRegion(R, MergeMode.MADV_MERGEABLE, List.of(
                ContentGroup.duplicates(1, 1, Layout.BLOCK), ContentGroup.unique(1)), null);
        KsmSimulation sim = merged("x86_64", "2016", RmapScenarios.process(1, 0, List.of(), false, false, mixed),
                RmapScenarios.process(2, 0, List.of(), false, false, mixed));
        OperationResult r = sim.compactNode(0);
        assertEquals(3, r.pages(), "the KSM page and two unique pages; the merged-away frame was freed");
        assertEquals(1, r.ksmPages());
        long copy = c.copyNanos(10);
        long ksm = c.migrationFixedNanos() + 2 * (lock + vma + pte + flush) + copy
                + 2 * (lock + vma + pte) + 2 * (lock + vma);
        // a plain anonymous page: one anon_vma, one VMA, one pass
        long plain = c.migrationFixedNanos() + (lock + vma + pte + flush) + copy + (lock + vma + pte);
        assertEquals(ksm + 2 * plain, r.latencyNanos());
        assertEquals(3, sim.rmapReport().get(0, RmapOperation.COMPACTION).count());
    }

    @Test
    void movePagesOfARangeMovesOnlyThatRange() {
        MergeableRegion mixed = new MergeableRegion(R, MergeMode.MADV_MERGEABLE, List.of(
                ContentGroup.duplicates(1, 1, Layout.BLOCK), ContentGroup.unique(3)), null);
        KsmSimulation sim = merged("x86_64", "2016", RmapScenarios.process(1, 0, List.of(0), true, false, mixed),
                RmapScenarios.process(2, 0, List.of(), false, false, RmapScenarios.identical(R, 1)));
        OperationResult r = sim.movePages(1, R, 1, 3, 1);
        assertEquals(2, r.pages());
        assertEquals(0, r.ksmPages());
        long plain = c.migrationFixedNanos() + (lock + vma + pte + flush) + c.copyNanos(20) + (lock + vma + pte);
        assertEquals(2 * plain, r.latencyNanos());
        assertEquals(0, sim.movePages(1, R, 1, 3, 1).pages(), "already there");
        assertEquals(0, onlyDup(sim).node(), "the KSM page (region page 0) stayed");
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        KsmSimulation sim = merged("x86_64", "2016", proc(1, List.of(0), true, false), proc(2, List.of(), false,
                false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.migratePages(1, -1, 7)).getMessage()
                .contains("node = 7"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.migratePages(99, -1, 1)).getMessage()
                .contains("99"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.movePages(1, "nope", 0, 1, 1))
                .getMessage().contains("nope"));
        assertEquals(0, sim.memoryFailure(1, R, 5).pages(), "past the region's end: no page, as for a timed event");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.reclaim(0, -1, Duration.ZERO))
                .getMessage().contains("pagesToReclaim"));
    }

    @Test
    void batchedTlbSendsOneIpiPerCpuPerPage() {
        ProcessSpec[] procs = { proc(1, List.of(0), true, false), proc(2, List.of(1, 2), true, false),
                proc(3, List.of(1, 2), true, false), proc(4, List.of(1, 2), true, false), proc(5, List.of(1, 2), true,
                        false) };
        OperationResult stock = merged("x86_64", "stock", procs).migratePages(1, -1, 1);
        OperationResult batched = merged("x86_64", "batched-tlb", procs).migratePages(1, -1, 1);
        assertEquals(8, stock.ipis(), "4 mappings x 2 CPUs");
        assertEquals(2, batched.ipis(), "CPUs 1 and 2, once each");
        assertEquals(stock.latencyNanos() - 6 * ipi, batched.latencyNanos());
    }

    @Test
    void batchedTlbLeavesTheKvmFlushesPerMapping() {
        ProcessSpec[] procs = { proc(1, List.of(0), true, false), proc(2, List.of(1, 2), true, true),
                proc(3, List.of(1, 2), true, true), proc(4, List.of(1, 2), true, true), proc(5, List.of(1, 2), true,
                        true) };
        assertEquals(16, merged("x86_64", "stock", procs).migratePages(1, -1, 1).ipis());
        assertEquals(2 + 8, merged("x86_64", "batched-tlb", procs).migratePages(1, -1, 1).ipis());
    }

    @Test
    void reschedPointsCutTheRStateStretchAndCostALittle() {
        ProcessSpec[] procs = { proc(1, List.of(0), true, false), proc(2, List.of(1, 2), true, false),
                proc(3, List.of(3), false, false) };
        OperationResult none = merged("x86_64", "2016", procs).migratePages(1, -1, 1);
        OperationResult resched = merged("x86_64", "resched:every=1", procs).migratePages(1, -1, 1);
        OperationResult stock = merged("x86_64", "stock", procs).migratePages(1, -1, 1);
        // 9 item visits (3 unmap, 3 + 3 restore): a point before each but the first
        assertEquals(none.latencyNanos() + 8 * c.reschedNanos(), resched.latencyNanos());
        // longest stretch: fixed work and the first item (3, idle) before the first point
        assertEquals(c.migrationFixedNanos() + lock + vma + pte + flush, resched.longestStretchNanos());
        assertEquals(none.latencyNanos(), none.longestStretchNanos());
        // 6.18 (rmap_walk_ksm): also a point before every VMA iterated, 9 here
        assertEquals(none.latencyNanos() + (8 + 9) * c.reschedNanos(), stock.latencyNanos());
        assertEquals(c.migrationFixedNanos() + lock, stock.longestStretchNanos(),
                "the fixed work and the first anon_vma lock come before the first point");
    }
}
