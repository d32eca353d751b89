package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.KsmSnapshot;
import org.ksmstudio.engine.SimulationListener;

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
    void pauseResumeAndCancelFromAnotherThread() throws Exception {
        KsmSimulation sim = KsmSimulation.create(Scenarios.identicalPages(2, 200_000, 256, 1000, 0));
        CountDownLatch sampled = new CountDownLatch(3);
        AtomicLong scans = new AtomicLong();
        sim.addListener(new SimulationListener() {
            @Override
            public void onSample(org.ksmstudio.engine.CounterSample s) {
                sampled.countDown();
            }

            @Override
            public void onFullScan(long fullScans) {
                scans.set(fullScans);
            }
        });
        Thread worker = new Thread(() -> sim.runFor(Duration.ofDays(1)));
        worker.start();
        assertTrue(sampled.await(30, TimeUnit.SECONDS));
        sim.pause();
        Thread.sleep(100);
        KsmSnapshot a = sim.snapshot();
        Thread.sleep(200);
        KsmSnapshot b = sim.snapshot();
        assertEquals(a, b, "nothing moves while paused");
        assertTrue(sim.isPaused());
        sim.resume();
        Thread.sleep(200);
        assertTrue(sim.snapshot().timeNanos() > b.timeNanos(), "runs again after resume");
        sim.cancel();
        worker.join(30_000);
        assertFalse(worker.isAlive());
        assertEquals(KsmSimulation.State.CANCELLED, sim.state());
        assertTrue(sim.snapshot().timeNanos() < Duration.ofDays(1).toNanos());
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
