package org.ksmstudio.patch.example.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.patch.KsmPatch;
import org.ksmstudio.engine.patch.Ksmd;
import org.ksmstudio.engine.patch.ProcessEvent;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.StockSharingPatch;
import org.ksmstudio.engine.sysfs.PatchSysfsFile;

/** The process-event seam and per-mm state: each KSM event of a process reaches the patch once, after 6.18 applied it. */
class ProcessEventsTest {

    /** Records every event and counts them per mm in its one mm column. */
    static final class EventLog extends StockSharingPatch implements KsmPatch {
        static final PatchSysfsFile FORKS = PatchSysfsFile.counter("forks_seen", "processes", "forks reported");
        static final List<String> LOG = new ArrayList<>();

        @Override
        public String name() {
            return "event-log";
        }

        @Override
        public String description() {
            return "logs process events";
        }

        @Override
        public List<PatchSysfsFile> sysfsFiles() {
            return List.of(FORKS);
        }

        @Override
        public int mmColumns() {
            return 1;
        }

        @Override
        public void processEvent(Ksmd ksmd, ProcessEvent event, int mm) {
            ksmd.setMmState(0, mm, ksmd.mmState(0, mm) + 1);
            if (event == ProcessEvent.FORK) {
                ksmd.add(FORKS, 1);
                LOG.add(event + " " + ksmd.pid(mm) + " of " + ksmd.parentPid(mm) + " (mm " + ksmd.parentMm(mm)
                        + ", events " + ksmd.mmState(0, ksmd.parentMm(mm)) + ")");
            } else {
                LOG.add(event + " " + ksmd.pid(mm) + " (events " + ksmd.mmState(0, mm) + ")");
            }
        }
    }

    @BeforeAll
    static void register() {
        SharingPolicies.register(EventLog::new);
    }

    @Test
    void madvisePrctlForkAndExitReachThePatchOnceEach() {
        EventLog.LOG.clear();
        KsmSimulation sim = KsmSimulation.create(TestScenarios.duplicates("event-log", 2, 100));
        sim.stepFullScan();
        sim.madvise(100, TestScenarios.REGION, false);
        sim.madvise(100, TestScenarios.REGION, false); // no change: no event
        sim.madvise(100, TestScenarios.REGION, true);
        sim.setMergeAny(101, true);
        sim.fork(101, 200, "child");
        sim.exit(200);
        sim.setMergeAny(101, false);
        sim.stepFullScan();
        assertEquals(List.of("MADVISE_UNMERGEABLE 100 (events 1)", "MADVISE_MERGEABLE 100 (events 2)",
                "MERGE_ANY_ENABLED 101 (events 1)", "FORK 200 of 101 (mm 1, events 1)", "EXIT 200 (events 2)",
                "MERGE_ANY_DISABLED 101 (events 2)"), EventLog.LOG);
        assertEquals(1, sim.snapshot().counters().value("forks_seen"));
    }
}
