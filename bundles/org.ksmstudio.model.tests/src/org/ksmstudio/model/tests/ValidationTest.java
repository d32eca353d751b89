package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Consumer;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.AdvisorMode;
import org.ksmstudio.model.scenario.Architecture;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.ProcessExit;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.WritePages;

/** Each rule of the validator fails with a message naming object, feature, value and what is allowed. */
class ValidationTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    /** Two nodes, one process 100 with a 1000-page region "heap" of 10 x 50 + 500 unique pages. */
    static Scenario valid() {
        Scenario s = Scenarios.create("valid", 4, 1024);
        NumaNode n0 = s.getTopology().getNodes().get(0);
        n0.setCpus("0-1");
        n0.getDistances().add(20);
        NumaNode n1 = F.createNumaNode();
        n1.setId(1);
        n1.setMemoryMiB(1024);
        n1.setCpus("2-3");
        n1.getDistances().add(20);
        n1.getDistances().add(10);
        s.getTopology().getNodes().add(n1);
        Process p = F.createProcess();
        p.setPid(100);
        p.setName("app");
        MergeableRegion r = F.createMergeableRegion();
        r.setName("heap");
        r.setSizePages(1000);
        RepeatedContent g = F.createRepeatedContent();
        g.setDistinct(10);
        g.setCopies(50);
        UniquePages u = F.createUniquePages();
        u.setCount(500);
        r.getContents().add(g);
        r.getContents().add(u);
        p.getRegions().add(r);
        s.getWorkload().getProcesses().add(p);
        return s;
    }

    private static void assertProblem(Consumer<Scenario> breakIt, String... fragments) {
        Scenario s = valid();
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(s).getSeverity(),
                Diagnostician.INSTANCE.validate(s).toString());
        breakIt.accept(s);
        Diagnostic result = Diagnostician.INSTANCE.validate(s);
        for (Diagnostic d : result.getChildren()) {
            boolean all = true;
            for (String f : fragments) {
                all &= d.getMessage().contains(f);
            }
            if (all) {
                assertTrue(d.getSeverity() >= Diagnostic.WARNING);
                assertTrue(d.getData().size() >= 2, "data holds object and feature");
                return;
            }
        }
        fail("no diagnostic containing " + String.join(" & ", fragments) + " in " + result.getChildren().stream()
                .map(Diagnostic::getMessage).toList());
    }

    @Test
    void kernelRules() {
        assertProblem(s -> s.getKsm().setMaxPageSharing(1), "KSM configuration", "max_page_sharing = 1", "2..2147483647",
                "EINVAL");
        assertProblem(s -> s.getKsm().setRun(3), "run = 3", "must be 0, 1 or 2");
        assertProblem(s -> s.getKsm().setAdvisorTargetScanTime(0), "advisor_target_scan_time = 0", "at least 1");
        assertProblem(s -> s.getKsm().setMergeAcrossNodes(2), "merge_across_nodes = 2", "0 or 1");
        assertProblem(s -> s.getKsm().setPagesToScan(-1), "pages_to_scan = -1", "0..4294967295");
        assertProblem(s -> s.getKsm().setSleepMillisecs(KsmSysfsFile.UINT_MAX + 1), "sleep_millisecs = 4294967296");
        assertProblem(s -> s.getKsm().setStableNodeChainsPruneMillisecs(-5), "stable_node_chains_prune_millisecs = -5");
        assertProblem(s -> s.getKsm().setAdvisorMaxPagesToScan(-1), "advisor_max_pages_to_scan = -1");
        assertProblem(s -> s.getKsm().setAdvisorMinPagesToScan(-1), "advisor_min_pages_to_scan = -1");
        assertProblem(s -> s.getKsm().setAdvisorMaxCpu(150), "advisor_max_cpu = 150", "100%");
        assertProblem(s -> s.getKsm().setAdvisorMode(AdvisorMode.SCAN_TIME), "pages_to_scan = 100",
                "advisor_min_pages_to_scan (500)");
    }

    @Test
    void topologyRules() {
        assertProblem(s -> s.getTopology().setPageSize(8192), "topology", "Page size = 8192", "x86_64");
        assertProblem(s -> {
            s.getTopology().setArchitecture(Architecture.ARM64);
            s.getTopology().setPageSize(8192);
        }, "arm64 has 4096, 16384 or 65536");
        assertProblem(s -> s.getTopology().setCpuCount(0), "CPUs = 0");
        assertProblem(s -> s.getTopology().getNodes().get(1).setId(5), "node 5", "Node id = 5", "expected 1");
        assertProblem(s -> s.getTopology().getNodes().get(1).getDistances().remove(0), "node 1", "Distances = [10]",
                "expected 2 values");
        assertProblem(s -> s.getTopology().getNodes().get(0).getDistances().set(0, 12), "node 0",
                "must be 10, found 12");
        assertProblem(s -> s.getTopology().getNodes().get(0).getDistances().set(1, 5), "distance to node 1",
                "11 to 255");
        assertProblem(s -> s.getTopology().getNodes().get(1).setCpus("1-2"), "node 1", "CPU 1 already belongs to node 0");
        assertProblem(s -> s.getTopology().getNodes().get(1).setCpus("2-9"), "CPU 4 does not exist");
        assertProblem(s -> s.getTopology().getNodes().get(1).setCpus("two"), "'two'", "cpulist");
        assertProblem(s -> s.getTopology().getNodes().get(1).setMemoryMiB(0), "node 1", "Memory = 0");
    }

    @Test
    void workloadRules() {
        assertProblem(s -> s.getWorkload().getProcesses().get(0).setHomeNode(7), "process 100 (app)", "Home node = 7",
                "no such node; nodes are [0, 1]");
        assertProblem(s -> s.getWorkload().getProcesses().get(0).setPid(0), "PID = 0", "from 1 to");
        assertProblem(s -> {
            Process twin = F.createProcess();
            twin.setPid(100);
            s.getWorkload().getProcesses().add(twin);
        }, "PID = 100", "unique");
        assertProblem(s -> s.getWorkload().getProcesses().get(0).setCpus("0-8"), "CPU 4 does not exist");
        assertProblem(s -> region(s).setSizePages(900), "region 'heap' of process 100 (app)", "fit in the region's 900 pages");
        assertProblem(s -> region(s).setSizePages(300_000), "Size = 300000", "larger than node 0's memory (1024 MiB = 262144 pages)");
        assertProblem(s -> ((RepeatedContent) region(s).getContents().get(0)).setCopies(Long.MAX_VALUE / 2),
                "content group #0", "overflows");
        assertProblem(s -> ((RepeatedContent) region(s).getContents().get(0)).setDistinct(-1), "Distinct contents = -1");
        assertProblem(s -> ((UniquePages) region(s).getContents().get(1)).setCount(-3), "Pages = -3");
        assertProblem(s -> region(s).getContents().add(captured("", 10, 2)), "Stream = ", "page-contents file");
        assertProblem(s -> region(s).getContents().add(captured("100/heap", -1, 0)), "Pages = -1");
        assertProblem(s -> region(s).getContents().add(captured("100/heap", 10, 11)), "Distinct contents = 11",
                "0 to 10 distinct contents");
        assertProblem(s -> region(s).setWritesPerSecond(-1), "Write rate = -1.0", "from 0 to");
        assertProblem(s -> region(s).setVolatileFraction(1.5), "Volatile fraction = 1.5", "0 to 1");
        assertProblem(s -> region(s).setNode(3), "Node = 3", "no such node");
        assertProblem(s -> {
            KvmGuest g = F.createKvmGuest();
            g.setPid(200);
            g.setVcpus(0);
            s.getWorkload().getProcesses().add(g);
        }, "KVM guest 200", "vCPUs = 0");
        assertProblem(s -> {
            Fork f = F.createFork();
            f.setCount(3);
            f.setFirstPid(99);
            s.getWorkload().getProcesses().get(0).getForks().add(f);
        }, "fork of process 100", "pids 99 to 101", "process 100");
    }

    @Test
    void hugeAndPinnedPagesFitInTheFaultedInPages() {
        assertProblem(s -> region(s).setHugePages(2), "region 'heap' of process 100 (app)", "Huge pages = 2",
                "0 to 1 huge pages of 512 pages: the content groups fault in 1000 pages");
        assertProblem(s -> region(s).setHugePages(-1), "Huge pages = -1");
        assertProblem(s -> region(s).setPinnedPages(1001), "Pinned pages = 1001", "0 to 1000 pages");
        assertProblem(s -> region(s).setPinnedPages(-5), "Pinned pages = -5");
        Scenario ok = valid();
        region(ok).setHugePages(1);
        region(ok).setPinnedPages(1000);
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(ok).getSeverity(),
                Diagnostician.INSTANCE.validate(ok).toString());
        Scenario two = valid();
        region(two).setHugePages(5);
        region(two).setPinnedPages(-1);
        assertEquals(2, Diagnostician.INSTANCE.validate(two).getChildren().size(), "one message per bad value");
    }

    @Test
    void timelineRules() {
        assertProblem(s -> {
            MigratePages m = F.createMigratePages();
            m.setPid(42);
            m.setFromNode(0);
            m.setToNode(1);
            s.getTimeline().getEvents().add(m);
        }, "timeline event #0 (migrate_pages)", "PID = 42", "no such process; pids are [100]");
        assertProblem(s -> {
            MigratePages m = F.createMigratePages();
            m.setPid(100);
            m.setToNode(9);
            s.getTimeline().getEvents().add(m);
        }, "To node = 9", "no such node");
        assertProblem(s -> {
            WritePages w = F.createWritePages();
            w.setPid(100);
            w.setToPage(2000);
            s.getTimeline().getEvents().add(w);
        }, "To page = 2000", "outside region 'heap'", "1000 pages");
        assertProblem(s -> {
            WritePages w = F.createWritePages();
            w.setPid(100);
            w.setToPage(10);
            w.setStep(0);
            s.getTimeline().getEvents().add(w);
        }, "Step = 0", "1 page or more");
        assertProblem(s -> {
            WritePages w = F.createWritePages();
            w.setEveryProcess(true);
            w.setRegion("stack");
            w.setToPage(10);
            s.getTimeline().getEvents().add(w);
        }, "Region = 'stack'", "no process has a region");
        assertProblem(s -> {
            SysfsWrite w = F.createSysfsWrite();
            w.setFile("pages_shared");
            w.setValue("1");
            s.getTimeline().getEvents().add(w);
        }, "File = 'pages_shared'", "a writable file");
        assertProblem(s -> {
            SysfsWrite w = F.createSysfsWrite();
            w.setFile("max_page_sharing");
            w.setValue("1");
            w.setExpectedResult("ok");
            s.getTimeline().getEvents().add(w);
        }, "Value = '1'", "EINVAL, not ok");
        assertProblem(s -> {
            Compaction c = F.createCompaction();
            c.setNode(4);
            c.setTimeMillis(-1);
            s.getTimeline().getEvents().add(c);
        }, "Time = -1");
        assertProblem(s -> {
            MemoryPressure p = F.createMemoryPressure();
            p.setPages(-2);
            s.getTimeline().getEvents().add(p);
        }, "Pages to reclaim = -2");
        assertProblem(s -> {
            MemoryPressure p = F.createMemoryPressure();
            p.setDurationMillis(-1);
            s.getTimeline().getEvents().add(p);
        }, "(Memory pressure)", "Duration = -1", "one reclaim pass");
        assertProblem(s -> {
            ProcessExit x = F.createProcessExit();
            x.setPid(7);
            x.setRepeat(3);
            s.getTimeline().getEvents().add(x);
        }, "Repeat = 3", "needs a period");
        assertProblem(s -> {
            Checkpoint c = F.createCheckpoint();
            Expectation e = F.createExpectation();
            e.setCounter("pages_shred");
            c.getExpectations().add(e);
            s.getTimeline().getEvents().add(c);
        }, "Counter = 'pages_shred'");
    }

    @Test
    void costAndRunRules() {
        assertProblem(s -> s.getCostModel().setHz(0), "cost model", "HZ = 0");
        assertProblem(s -> s.getCostModel().setTlbIpiNs(-1), "TLB-flush IPI = -1", "a cost from 0");
        assertProblem(s -> {
            s.getRuns().get(0).setMode(RunMode.FOR_DURATION);
            s.getRuns().get(0).setDurationMillis(0);
        }, "Duration = 0", "above 0 ms");
        assertProblem(s -> s.getRuns().get(0).setSamplingIntervalMillis(0), "Sampling interval = 0");
        assertProblem(s -> s.getRuns().get(0).getPolicies().add("magic"), "Policies = 'magic'", "plug-in");
    }

    @Test
    void sysfsWritesAreCheckedByTheTable() {
        assertProblem(s -> {
            SysfsWrite w = F.createSysfsWrite();
            w.setFile("smart_scan");
            w.setValue("maybe");
            w.setExpectedResult("ok");
            s.getTimeline().getEvents().add(w);
        }, "Value = 'maybe'", "0 or 1", "EINVAL, not ok");
        assertProblem(s -> {
            SysfsWrite w = F.createSysfsWrite();
            w.setFile("advisor_max_cpu");
            w.setValue("99999999999999999999");
            w.setExpectedResult("ok");
            s.getTimeline().getEvents().add(w);
        }, "advisor_max_cpu", "ERANGE, not ok");
    }

    @Test
    void aPatchTunableIsAWritableFileWhenARunComparesThePatch() {
        Scenario s = valid();
        SysfsWrite w = F.createSysfsWrite();
        w.setFile("smart_scan_max_skips");
        w.setValue("4");
        w.setExpectedResult("ok");
        s.getTimeline().getEvents().add(w);
        assertEquals(Diagnostic.ERROR, Diagnostician.INSTANCE.validate(s).getSeverity(), "no run compares the patch");
        s.getRuns().get(0).getPolicies().add("smart-scan-ages:smart_scan_max_skips=2");
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(s).getSeverity(),
                Diagnostician.INSTANCE.validate(s).toString());
        assertProblem(t -> {
            t.getRuns().get(0).getPolicies().add("smart-scan-ages");
            SysfsWrite bad = F.createSysfsWrite();
            bad.setFile("smart_scan_max_skips");
            bad.setValue("0");
            bad.setExpectedResult("ok");
            t.getTimeline().getEvents().add(bad);
        }, "smart_scan_max_skips", "1..255", "EINVAL, not ok");
    }

    @Test
    void everyPolicyOfTheEngineIsKnown() {
        Scenario s = valid();
        for (org.ksmstudio.engine.policy.SharingPolicy p : org.ksmstudio.engine.policy.SharingPolicies.all()) {
            s.getRuns().get(0).getPolicies().add(p.name());
        }
        assertTrue(s.getRuns().get(0).getPolicies().contains("2016"));
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(s).getSeverity(),
                Diagnostician.INSTANCE.validate(s).toString());
    }

    @Test
    void policiesWithParametersAreKnownByTheirName() {
        Scenario s = valid();
        s.getRuns().get(0).getPolicies().add("resched:every=8");
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(s).getSeverity(),
                Diagnostician.INSTANCE.validate(s).toString());
        assertProblem(t -> t.getRuns().get(0).getPolicies().add("my-patch:k=1"), "'my-patch:k=1'",
                "not a policy shipped with KSM Studio", "plug-in");
    }

    private static CapturedContent captured(String stream, long pages, long distinct) {
        CapturedContent c = F.createCapturedContent();
        c.setStream(stream);
        c.setPages(pages);
        c.setDistinct(distinct);
        return c;
    }

    private static MergeableRegion region(Scenario s) {
        return s.getWorkload().getProcesses().get(0).getRegions().get(0);
    }
}
