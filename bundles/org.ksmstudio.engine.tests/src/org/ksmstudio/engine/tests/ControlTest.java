package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;

/** Pause, resume, cancel and snapshots from another thread; stepping. */
class ControlTest {

    @Test
    void stepWakeupAndFullScan() {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 1000, 256, 100, 20));
        sim.stepWakeup();
        assertEquals(100, sim.snapshot().counters().pagesScanned());
        assertEquals(1, sim.snapshot().wakeups());
        sim.stepFullScan();
        assertEquals(1, sim.snapshot().counters().fullScans());
        assertEquals(1000, sim.snapshot().counters().pagesScanned());
        sim.stepFullScan();
        assertEquals(2, sim.snapshot().counters().fullScans());
    }

    @Test
    void cancelFromAnotherThreadStopsTheRun() throws Exception {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(2, 200_000, 256, 1000, 0));
        Thread worker = new Thread(() -> sim.runFor(Duration.ofDays(1)));
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sim.series().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(sim.series().size() >= 3, "samples while running");
        sim.cancel();
        worker.join(30_000);
        assertFalse(worker.isAlive());
        assertTrue(sim.isCancelled());
        assertTrue(sim.snapshot().timeNanos() < Duration.ofDays(1).toNanos());
        KsmSnapshot after = sim.snapshot();
        sim.runFor(Duration.ofSeconds(1));
        assertEquals(after, sim.snapshot(), "a cancelled simulation does not run again");
    }

    @Test
    void snapshotsDuringARunAreConsistent() throws Exception {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(1, 100_000, 256, 5000, 0));
        Thread worker = new Thread(() -> sim.runFor(Duration.ofSeconds(20)));
        worker.start();
        for (int i = 0; i < 50 && worker.isAlive(); i++) {
            KsmSnapshot s = sim.snapshot();
            long items = s.processes().get(0).ksmRmapItems();
            var k = s.counters();
            assertEquals(items, k.pagesShared() + k.pagesSharing() + k.pagesUnshared() + k.pagesVolatile());
            Thread.sleep(2);
        }
        worker.join();
    }
}
