package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.validation.ScenarioLimits;

/** Every size, count, duration and rate has a maximum; a value above it is one error naming it, fast. */
class LimitsTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    private static void refused(Consumer<Scenario> breakIt, String... fragments) {
        Scenario s = ValidationTest.valid();
        breakIt.accept(s);
        Diagnostic result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Diagnostician.INSTANCE.validate(s));
        assertEquals(Diagnostic.ERROR, result.getSeverity(), result.toString());
        List<String> messages = result.getChildren().stream().map(Diagnostic::getMessage).toList();
        assertTrue(messages.stream().anyMatch(m -> List.of(fragments).stream().allMatch(m::contains)),
                String.join(" & ", fragments) + " in " + messages);
        assertTrue(messages.stream().allMatch(m -> m.lines().count() == 1 && m.length() < 400), messages.toString());
    }

    private static SysfsWrite event(Scenario s) {
        SysfsWrite w = F.createSysfsWrite();
        w.setFile("run");
        w.setValue("1");
        s.getTimeline().getEvents().add(w);
        return w;
    }

    @Test
    void sizesAndCounts() {
        refused(s -> s.getTopology().setCpuCount(100_000), "CPUs = 100000", "8192");
        refused(s -> s.getTopology().setKsmdCpuTimeMs(-1), "ksmd CPU time before the run = -1", "315360000000");
        refused(s -> s.getTopology().setKsmdCpuTimeMs(Long.MAX_VALUE), "ksmd CPU time before the run", "ten years");
        refused(s -> s.getTopology().getNodes().get(0).setMemoryMiB(Long.MAX_VALUE), "Memory = ", "4 PiB");
        refused(s -> s.getWorkload().getProcesses().get(0).setPid(Integer.MAX_VALUE), "PID = 2147483647",
                "PID_MAX_LIMIT");
        refused(s -> s.getWorkload().getProcesses().get(0).getRegions().get(0).setSizePages(1L << 40),
                "Size = 1099511627776", "536870912");
        refused(s -> {
            MemoryPressure p = F.createMemoryPressure();
            p.setPages(1L << 31);
            s.getTimeline().getEvents().add(p);
        }, "= 2147483648", "536870912");
    }

    @Test
    void hugeForksAreRefusedWithoutBuildingTheirPids() {
        refused(s -> {
            Fork fork = F.createFork();
            fork.setCount(1_000_000_000);
            s.getWorkload().getProcesses().get(0).getForks().add(fork);
        }, "Children = 1000000000", "4194304");
        refused(s -> {
            ForkProcess fork = F.createForkProcess();
            fork.setPid(100);
            fork.setCount(Integer.MAX_VALUE);
            s.getTimeline().getEvents().add(fork);
        }, "= 2147483647", "PID_MAX_LIMIT");
        refused(s -> {
            Fork fork = F.createFork();
            fork.setFirstPid(ScenarioLimits.MAX_PROCESSES);
            fork.setCount(2);
            s.getWorkload().getProcesses().get(0).getForks().add(fork);
        }, "First PID = 4194304");
    }

    @Test
    void durations() {
        refused(s -> {
            RunSettings run = F.createRunSettings();
            run.setDurationMillis(Long.MAX_VALUE - 1);
            s.getRuns().add(run);
        }, "Duration = 9223372036854775806", "7 simulated days");
        refused(s -> event(s).setTimeMillis(ScenarioLimits.MAX_DURATION_MILLIS + 1), "= 604800001", "604800000 ms");
        refused(s -> event(s).setPeriodMillis(Long.MAX_VALUE), "= 9223372036854775807", "7 simulated days");
        refused(s -> {
            MemoryPressure p = F.createMemoryPressure();
            p.setDurationMillis(Long.MAX_VALUE);
            s.getTimeline().getEvents().add(p);
        }, "= 9223372036854775807", "ms (7 simulated days)");
        refused(s -> {
            SysfsWrite w = event(s);
            w.setPeriodMillis(1);
            w.setRepeat(Integer.MAX_VALUE);
        }, "= 2147483647", "100000000");
    }

    @Test
    void ratesAndCosts() {
        refused(s -> s.getWorkload().getProcesses().get(0).getRegions().get(0).setWritesPerSecond(1e30),
                "Write rate = 1.0E30", "one write per ns");
        refused(s -> s.getWorkload().getProcesses().get(0).getRegions().get(0).setWritesPerSecond(Double.NaN),
                "Write rate = NaN");
        refused(s -> s.getCostModel().setMergeNs(Long.MAX_VALUE), "= 9223372036854775807", "(1 s)");
    }

    @Test
    void theLimitsAreThoseDocumented() {
        assertEquals(1L << 29, ScenarioLimits.MAX_PAGES);
        assertEquals(4_194_304, ScenarioLimits.MAX_PROCESSES);
        assertEquals(Duration.ofDays(7).toMillis(), ScenarioLimits.MAX_DURATION_MILLIS);
    }
}
