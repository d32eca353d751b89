package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.engine.KsmCounters;
import org.ksmstudio.engine.KsmSimulation;

/**
 * tools/testing/selftests/mm/ksm_tests.c: n identical pages with sharing limit m give
 * pages_shared = n/m and pages_sharing = pages_shared*(m-1) when n%m is 0 or 1, else
 * pages_shared = n/m+1 and pages_sharing = n-pages_shared.
 */
class SelftestOracleTest {

    static Stream<Arguments> sizes() {
        List<Arguments> list = new ArrayList<>();
        int[] ms = { 2, 3, 4, 7, 10, 16, 64, 255, 256, 257, 1000 };
        int[] ns = { 2, 3, 5, 17, 100, 255, 256, 257, 511, 512, 513, 1000, 1001, 2049, 4097 };
        for (int m : ms) {
            for (int n : ns) {
                list.add(Arguments.of(n, m));
            }
        }
        list.add(Arguments.of(20000, 256));
        list.add(Arguments.of(20001, 2));
        return list.stream();
    }

    @ParameterizedTest(name = "n={0} m={1}")
    @MethodSource("sizes")
    void oracle(int n, int m) {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, n, m, 100, 0));
        assertTrue(sim.runUntilConverged(Duration.ofHours(4)));
        KsmCounters k = sim.snapshot().counters();
        long shared;
        long sharing;
        if (n % m == 0 || n % m == 1) {
            shared = n / m;
            sharing = shared * (m - 1);
        } else {
            shared = n / m + 1;
            sharing = n - shared;
        }
        assertEquals(shared, k.pagesShared(), "pages_shared");
        assertEquals(sharing, k.pagesSharing(), "pages_sharing");
        assertEquals(n - shared - sharing, k.pagesUnshared() + k.pagesVolatile(), "left over pages");
        long dups = shared > 1 ? shared : 0;
        assertEquals(dups, k.stableNodeDups(), "stable_node_dups");
        assertEquals(dups > 0 ? 1 : 0, k.stableNodeChains(), "stable_node_chains");
        assertNull(sim.checkInvariants());
    }
}
