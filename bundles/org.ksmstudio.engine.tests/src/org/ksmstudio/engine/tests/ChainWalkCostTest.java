package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;

/**
 * ksmd's CPU time for merging into one long chain, against the kernel: N identical pages at
 * max_page_sharing m make a chain of N/m full dups, and every new dup walks the whole chain three times
 * (two stable tree searches find no dup with room, then stable_tree_insert), so the merge scan costs
 * about 1.5 (N/m)^2 dup visits more than the same pages without a limit; beyond 8,000 dups a walk's
 * dups no longer fit in the cache and cost more. Kernel: Linux 6.18, this machine (quiet, 2026-12-04),
 * ksmd's schedstat over the merge scan (one batch per full scan: pages_to_scan N+10, sleep 50 ms), minus
 * the same workload at max_page_sharing N+1 (docs/cost-model.md, "ksmd's own CPU costs"); the simulator's
 * CPU time is taken over the same scan (the converged scans after it revisit merged pages, whose cost
 * does not depend on the chain).
 */
class ChainWalkCostTest {

    @ParameterizedTest(name = "{0} pages at max_page_sharing {1}, chain of {2} dups: {3} ms more than without a chain")
    @CsvSource({ "2000, 2, 1000, 19.0", "4000, 2, 2000, 78.1", "8000, 2, 4000, 317.3", "16000, 2, 8000, 1272.5",
        "32000, 2, 16000, 6874", "64000, 4, 16000, 7024", "256000, 16, 16000, 6511" })
    void mergingIntoAFullChainCostsWhatTheKernelSpent(int pages, int mps, int dups, double kernelExtraMs) {
        double chain = mergeCpuMs(pages, mps, dups);
        double flat = mergeCpuMs(pages, pages + 1, 0);
        double extra = chain - flat;
        System.out.printf("chain of %d dups: simulated %.1f ms more, kernel %.1f ms%n", dups, extra, kernelExtraMs);
        assertTrue(Math.abs(extra - kernelExtraMs) <= 0.15 * kernelExtraMs,
                "simulated " + extra + " ms, kernel " + kernelExtraMs + " ms");
    }

    /** ksmd's CPU time over the merge scan (the second full scan, one batch), as the kernel's was read. */
    private static double mergeCpuMs(int pages, int mps, int dups) {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, pages, mps, pages + 10, 50));
        assertTrue(sim.runToFullScans(1, Duration.ofHours(1)));
        long before = sim.ksmdCpuNanos();
        assertTrue(sim.runToFullScans(2, Duration.ofHours(1)));
        KsmSnapshot s = sim.snapshot();
        assertEquals(dups, s.counters().stableNodeDups());
        return (sim.ksmdCpuNanos() - before) / 1e6;
    }
}
