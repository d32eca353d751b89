package org.ksmstudio.patch.example.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.SimulationRun;
import org.ksmstudio.engine.patch.PatchException;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;
import org.ksmstudio.engine.sweep.SweepUnit;

/** A patch that throws or breaks a rule ends its run with one message naming it; the engine goes on. */
class BrokenPatchTest {

    @BeforeAll
    static void register() {
        SharingPolicies.register(BrokenPatches.Throwing::new);
        SharingPolicies.register(BrokenPatches.NegativeAdvisor::new);
        SharingPolicies.register(BrokenPatches.NoTarget::new);
        SharingPolicies.register(BrokenPatches.ColumnThief::new);
        SharingPolicies.register(BrokenPatches.Keeper::new);
    }

    private static String failure(String policy) {
        PatchException e = assertThrows(PatchException.class,
                () -> SimulationRun.start(RunPlan.of(TestScenarios.duplicates(policy, 4, 500))).runToEnd());
        assertEquals(policy, e.patch());
        assertTrue(e.getMessage().startsWith("patch " + policy + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
        return e.getMessage();
    }

    @Test
    void aHookThatThrowsIsNamed() {
        assertEquals("patch throwing: skipRmapItem threw java.lang.IllegalStateException: age table overflow",
                failure("throwing"));
    }

    @Test
    void valuesOutOfRangeAreNamed() {
        assertEquals("patch negative-advisor: setPagesToScan(-1): must be 0..4294967295", failure("negative-advisor"));
        assertEquals("patch no-target: mergeTarget returned null", failure("no-target"));
        assertEquals("patch column-thief: rmap item column 1: the patch has 1", failure("column-thief"));
    }

    @Test
    void theViewIsValidOnlyDuringAHook() {
        KsmSimulation sim = KsmSimulation.create(TestScenarios.duplicates("keeper", 1, 100));
        sim.stepFullScan();
        assertNotNull(BrokenPatches.Keeper.kept);
        PatchException e = assertThrows(PatchException.class, () -> BrokenPatches.Keeper.kept.now());
        assertEquals("patch keeper: Ksmd.now called outside a hook (the view is valid only during the call)",
                e.getMessage());
    }

    @Test
    void inASweepTheBrokenPatchIsAFailedRowAndTheOthersRun() {
        List<SweepUnit> units = List.of(new SweepUnit(0, "test", Map.of(), "stock"),
                new SweepUnit(1, "test", Map.of(), "throwing"), new SweepUnit(2, "test", Map.of(), "stock"));
        List<SweepResult> r = new SweepRunner(1).run(units, RunPlan.of(TestScenarios.duplicates("stock", 4, 500)),
                (done, total, result) -> {
                });
        assertEquals(3, r.size());
        assertEquals(null, r.get(0).error());
        assertEquals("patch throwing: skipRmapItem threw java.lang.IllegalStateException: age table overflow",
                r.get(1).error());
        assertEquals(null, r.get(2).error());
        assertEquals(r.get(0).pagesSaved(), r.get(2).pagesSaved());
    }
}
