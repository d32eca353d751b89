package org.ksmstudio.engine.rmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.rmap.OperationStats;
import org.ksmstudio.engine.rmap.RmapOperation;
import org.ksmstudio.engine.rmap.RmapReport;
import org.ksmstudio.engine.scenario.Scenario;

/**
 * The bar of the 2016 thread, with one cost model ("2016 KVM host"): one migrate_pages() of the test
 * program's shared page takes more than 60 s without the sharing limit, and between 1 and 10 ms with
 * max_page_sharing = 256.
 */
class SharingLimit2016Test {

    @Test
    void noLimitTakesOverAMinuteStockAFewMilliseconds() {
        RmapReport noLimit = run("2016");
        RmapReport stock = run("stock");
        long worstNoLimit = worstMigration(noLimit);
        long worstStock = worstMigration(stock);
        System.out.printf("2016 KVM host, migrate_pages of the shared page: 2016 %.3f s, stock %.3f ms%n",
                worstNoLimit / 1e9, worstStock / 1e6);
        System.out.println("2016     memory: " + noLimit.memory());
        System.out.println("stock    memory: " + stock.memory());
        assertTrue(worstNoLimit > 60_000_000_000L, "2016: " + worstNoLimit + " ns");
        assertTrue(worstStock >= 1_000_000L && worstStock <= 10_000_000L, "stock: " + worstStock + " ns");
        // the price of the limit: one KSM page per 256 mappings instead of one
        assertEquals(1, noLimit.memory().ksmPages());
        // the kernel selftests' oracle: n % m == 1 leaves the last page unshared
        int n = 96 * 65_536 + 1;
        assertEquals(n % 256 <= 1 ? n / 256 : n / 256 + 1, stock.memory().ksmPages());
        assertEquals(stock.memory().ksmPages() - 1, stock.memory().extraDupPages());
        // without reschedule points (2016) a whole migration is one R-state stretch; 6.18 has one per item
        // and VMA, so the longest stretch is the fixed work and one mapping
        assertEquals(worstNoLimit, noLimit.longestStretchNanos());
        assertTrue(stock.longestStretchNanos() < 100_000, "stock: " + stock.longestStretchNanos() + " ns");
    }

    private static RmapReport run(String policy) {
        Scenario s = RmapScenarios.kvmHost2016(policy, 256, 65_536);
        KsmSimulation sim = KsmSimulation.create(s);
        sim.run();
        RmapReport r = sim.rmapReport();
        long migrations = 0;
        for (OperationStats o : r.operations()) {
            if (o.operation() == RmapOperation.MIGRATE_PAGES) {
                migrations += o.count();
            }
        }
        // the test program's calls are its system calls: without the limit the first returns after 74 s, past the
        // end of the run, so the other nine never start; with it every call returns within milliseconds
        int calls = policy.equals("2016") ? 1 : 10;
        assertEquals(calls, migrations, "one page migrated per migrate_pages call");
        var log = sim.rmapOperations();
        assertEquals(calls, log.size());
        for (int i = 0; i < calls; i++) {
            assertEquals((120L + i) * 1_000_000_000L, log.get(i).startNanos(), "one call per second from 120 s");
            assertEquals(1, log.get(i).ksmPages());
        }
        return r;
    }

    private static long worstMigration(RmapReport r) {
        long m = 0;
        for (OperationStats o : r.operations()) {
            if (o.operation() == RmapOperation.MIGRATE_PAGES) {
                m = Math.max(m, o.maxNanos());
            }
        }
        return m;
    }
}
