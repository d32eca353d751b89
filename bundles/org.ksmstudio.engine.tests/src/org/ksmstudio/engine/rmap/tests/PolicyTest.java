package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.StableEntry;
import org.ksmstudio.engine.policy.RmapPolicy;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.engine.rmap.OperationResult;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Volatility;

/** The shipped policies: found by name, skip-walk failures, refile bounds, determinism. */
class PolicyTest {
    static final String R = RmapScenarios.REGION;

    @Test
    void theSixPoliciesAreFoundByNameThroughTheServiceLoader() {
        Set<String> names = SharingPolicies.all().stream().map(SharingPolicy::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("stock", "2016", "no-limit", "batched-tlb", "skip-walk", "refile", "resched")),
                names.toString());
        RmapPolicy r = (RmapPolicy) SharingPolicies.byName("resched:every=16");
        assertEquals(16, r.reschedEvery());
        assertEquals(256, ((RmapPolicy) SharingPolicies.byName("refile:max_moves=256")).refile().maxMovesPerPass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharingPolicies.byName("resched:evry=2"));
        assertTrue(e.getMessage().contains("evry"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SharingPolicies.byName("resched:every=0"));
        assertThrows(IllegalArgumentException.class, () -> SharingPolicies.byName("stock:x=1"));
    }

    /** A patch contributed the way the Eclipse extension point does: stock sharing, a reschedule point per item. */
    public static final class ContributedPatch extends StockSharingPatch {
        @Override
        public String name() {
            return "test-contributed";
        }

        @Override
        public String description() {
            return "a test patch";
        }

        @Override
        public int reschedEvery() {
            return 1;
        }
    }

    @Test
    void aContributedPolicyIsFoundByNameAndRuns() {
        SharingPolicies.register(ContributedPatch::new);
        assertTrue(SharingPolicies.byName("test-contributed") instanceof ContributedPatch);
        KsmSimulation sim = oneProcess("test-contributed", 300, 256);
        OperationResult r = sim.movePages(1, R, 0, 1, 1);
        assertTrue(r.longestStretchNanos() < r.latencyNanos(), "its reschedule points apply");
    }

    private static KsmSimulation oneProcess(String policy, int pages, int mps) {
        Scenario s = Scenario.builder().topology(RmapScenarios.numa(2, 2, 20)).tunables(RmapScenarios.fastKsmd(mps))
                .process(RmapScenarios.process(1, 0, List.of(0), true, false, RmapScenarios.identical(R, pages)))
                .run(RmapScenarios.converge(policy)).build();
        KsmSimulation sim = KsmSimulation.create(s);
        assertTrue(sim.runUntilConverged(Duration.ofHours(1)));
        return sim;
    }

    private static int nodeOfPage0Dup(KsmSimulation sim) {
        return sim.stableTree(10).entries().get(0).dups().get(0).node();
    }

    @Test
    void skipWalkFailsToMigrateAPageMappedAboveItsLimit() {
        KsmSimulation sim = oneProcess("skip-walk", 300, 256);
        assertEquals(1, sim.snapshot().counters().pagesShared(), "no sharing limit: one KSM page");
        OperationResult r = sim.movePages(1, R, 0, 1, 1);
        assertEquals(1, r.failures());
        assertEquals(0, r.latencyNanos(), "the walk was skipped");
        assertEquals(0, nodeOfPage0Dup(sim), "not migrated");
        assertEquals(1, sim.rmapReport().get(0, RmapOperation.MOVE_PAGES).failures());
        assertEquals(1, sim.rmapReport().failures());

        KsmSimulation higher = oneProcess("skip-walk:limit=512", 300, 256);
        OperationResult ok = higher.movePages(1, R, 0, 1, 1);
        assertEquals(0, ok.failures());
        assertEquals(1, nodeOfPage0Dup(higher));
    }

    @Test
    void skipWalkLimitFallsWithMemoryPressure() {
        KsmSimulation sim = oneProcess("skip-walk:limit=512,min=16", 300, 256);
        long nodePages = (64L << 30) / 4096;
        // half of the node under reclaim: the limit falls to 256; reclaim itself skips the KSM page
        OperationResult reclaim = sim.reclaim(0, nodePages / 2, Duration.ofSeconds(10));
        assertEquals(1, reclaim.failures());
        assertEquals(1, sim.movePages(1, R, 0, 1, 1).failures());
        sim.runFor(Duration.ofSeconds(11)); // the pressure is over
        assertEquals(0, sim.movePages(1, R, 0, 1, 1).failures());
        assertEquals(1, nodeOfPage0Dup(sim));
        assertEquals(1, sim.rmapReport().get(0, RmapOperation.RECLAIM).failures());
    }

    @Test
    void refileNeverExceedsItsWorkBoundNorTheSharingLimitAndWinsBackPages() {
        int mps = 10;
        long stockShared = fragmentAndRun("stock", mps, null);
        long refileShared = fragmentAndRun("refile:max_moves=20,interval_ms=100", mps, 20);
        // 1000 pages, every third written: 667 mappings left in 100 dups; refiled into about 67
        assertTrue(refileShared < stockShared, refileShared + " vs " + stockShared);
        assertTrue(refileShared <= 70, "refile packs the dups: " + refileShared);
    }

    /** Merges 1000 equal pages (limit mps), writes every third page, runs 600 wake-ups; returns pages_shared. */
    private static long fragmentAndRun(String policy, int mps, Integer bound) {
        KsmSimulation sim = oneProcess(policy, 1000, mps);
        assertEquals(100, sim.snapshot().counters().pagesShared());
        sim.writePages(1, R, 0, 1000, 3, NewContent.UNIQUE);
        long moves = 0;
        for (int i = 0; i < 600; i++) {
            sim.stepWakeup();
            long now = sim.rmapReport().memory().refileMoves();
            if (bound != null) {
                assertTrue(now - moves <= bound, "one pass moved " + (now - moves));
            }
            moves = now;
            for (StableEntry e : sim.stableTree(1000).entries()) {
                for (DupView d : e.dups()) {
                    assertTrue(d.rmapItemCount() <= mps, "dup above the limit: " + d);
                }
            }
            assertNull(sim.checkInvariants());
        }
        if (bound != null) {
            assertTrue(moves > 0);
        }
        long sharing = sim.snapshot().counters().pagesSharing();
        long shared = sim.snapshot().counters().pagesShared();
        assertTrue(sharing <= shared * (mps - 1));
        return shared;
    }

    @Test
    void sameSeedSameReport() {
        assertEquals(busyRun(7), busyRun(7));
    }

    private static Object busyRun(long seed) {
        MergeableRegion ram = new MergeableRegion("guest-ram", MergeMode.MADV_MERGEABLE,
                List.of(ContentGroup.duplicates(4, 600, Layout.INTERLEAVE), ContentGroup.unique(200)),
                new Volatility(50, NewContent.UNIQUE));
        Scenario.Builder b = Scenario.builder().topology(RmapScenarios.numa(2, 2, 20))
                .tunables(RmapScenarios.fastKsmd(64))
                .run(new RunSettings(Duration.ofSeconds(30), false, seed, "refile:interval_ms=500", Duration.ofSeconds(1)));
        for (int p = 1; p <= 4; p++) {
            b.process(RmapScenarios.process(p, p % 2, List.of(p % 4), p % 2 == 0, p == 3, ram));
        }
        b.event(new TimelineEvent.MigratePages(Duration.ofSeconds(10), 1, -1, 1));
        b.event(new TimelineEvent.MovePages(Duration.ofSeconds(12), 2, "guest-ram", 0, 500, 0));
        b.event(new TimelineEvent.Compaction(Duration.ofSeconds(15), 1));
        b.event(new TimelineEvent.MemoryPressure(Duration.ofSeconds(20), 0, 1000, Duration.ofSeconds(5)));
        b.event(new TimelineEvent.MemoryFailure(Duration.ofSeconds(25), 4, "guest-ram", 3));
        KsmSimulation sim = KsmSimulation.create(b.build());
        sim.run();
        assertNull(sim.checkInvariants());
        return List.of(sim.rmapReport(), sim.snapshot().counters());
    }
}
