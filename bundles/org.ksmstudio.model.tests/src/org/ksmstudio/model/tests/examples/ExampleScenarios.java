package org.ksmstudio.model.tests.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ksmstudio.model.CostModelPresets;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.Checkpoint;
import org.ksmstudio.model.scenario.Compaction;
import org.ksmstudio.model.scenario.ContentScope;
import org.ksmstudio.model.scenario.Expectation;
import org.ksmstudio.model.scenario.Fork;
import org.ksmstudio.model.scenario.ForkProcess;
import org.ksmstudio.model.scenario.ForkTime;
import org.ksmstudio.model.scenario.KsmConfig;
import org.ksmstudio.model.scenario.KvmGuest;
import org.ksmstudio.model.scenario.Layout;
import org.ksmstudio.model.scenario.MemoryPressure;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.MigratePages;
import org.ksmstudio.model.scenario.NumaNode;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.ProcessExit;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.RunMode;
import org.ksmstudio.model.scenario.RunSettings;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.SysfsWrite;
import org.ksmstudio.model.scenario.TimelineEvent;
import org.ksmstudio.model.scenario.Topology;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.UniquePages;
import org.ksmstudio.model.scenario.WriteContent;
import org.ksmstudio.model.scenario.WritePages;
import org.ksmstudio.model.scenario.ZeroPages;

/**
 * Builds the example scenarios shipped in {@code org.ksmstudio.model/examples}: the hand-designed
 * ones and one per case of {@code kernel-reference.json}. {@link GenerateExamples} writes them.
 */
public final class ExampleScenarios {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    private ExampleScenarios() {
    }

    /** A generated example: file name, title, description and the scenario. */
    public record Generated(String file, String name, String description, Scenario scenario) {
    }

    /** Every example, the hand-designed ones first. */
    public static List<Generated> all(String referenceJson) {
        List<Generated> examples = new ArrayList<>();
        examples.add(sharingLimit2016());
        examples.add(vmConsolidation());
        examples.add(forkHeavyServer());
        examples.add(smartScanAges());
        examples.add(scanTimeController());
        examples.add(zeroFirst());
        examples.addAll(referenceCases(referenceJson));
        return examples;
    }

    /** The 2016 linux-mm thread: one page shared by 6.3 million mappings, migrated every second. */
    static Generated sharingLimit2016() {
        String description = "The linux-mm thread of 2016 behind max_page_sharing: 96 KVM guests on a 64-CPU, 4-node host "
                + "fill 256 MiB each with 0xff pages, and a test program maps one more such page and calls "
                + "migrate_pages() every second between node 1 and node 2. Without the sharing limit one KSM "
                + "page has 6.3 million mappings and one migration takes more than a minute; with "
                + "max_page_sharing=256 each dup has at most 256 and a migration takes about 3 ms.";
        Scenario s = Scenarios.create("2016 sharing limit", 64, 65536);
        s.setDescription(description);
        Topology t = s.getTopology();
        t.getNodes().clear();
        for (int id = 0; id < 4; id++) {
            NumaNode node = node(id, 65536, (id * 16) + "-" + (id * 16 + 15));
            for (int j = 0; j < 4; j++) {
                node.getDistances().add(j == id ? 10 : 21);
            }
            t.getNodes().add(node);
        }
        Process program = process(1000, "migrate-test", 1, "0");
        program.getRegions().add(region("buffer", 1, repeated(1, 1, "0xff")));
        s.getWorkload().getProcesses().add(program);
        for (int i = 0; i < 96; i++) {
            KvmGuest guest = F.createKvmGuest();
            guest.setPid(2001 + i);
            guest.setName("qemu-vm" + (i + 1));
            // vm1 on node 1: its page, merged with the test program's, becomes the KSM page (the kernel
            // keeps the page being scanned, not the unstable tree's), so that page is on node 1 and
            // migrate_pages() from node 1 finds it
            guest.setHomeNode((i + 1) % 4);
            guest.setCpus(Integer.toString(1 + i % 63));
            guest.setVcpus(1);
            guest.getRegions().add(region("guest-ram", 65536, repeated(1, 65536, "0xff")));
            s.getWorkload().getProcesses().add(guest);
        }
        KsmConfig ksm = s.getKsm();
        ksm.setRun(1);
        ksm.setPagesToScan(20000);
        ksm.setSleepMillisecs(10);
        s.setCostModel(CostModelPresets.create(CostModelPresets.KVM_HOST_2016));
        MigratePages migrate = F.createMigratePages();
        migrate.setPid(1000);
        migrate.setFromNode(1);
        migrate.setToNode(2);
        migrate.setBounce(true);
        // ksmd merges the 6.3 million pages in about 30 simulated seconds (two full scans at about
        // 600,000 pages per second); the migrations start once every page is merged.
        timing(migrate, Trigger.AT_TIME, 60_000);
        migrate.setPeriodMillis(1000);
        migrate.setRepeat(10);
        s.getTimeline().getEvents().add(migrate);
        s.getRuns().clear();
        s.getRuns().add(run("2016 vs stock", RunMode.FOR_DURATION, 120_000, "2016", "stock"));
        return new Generated("2016-sharing-limit.ksm", "2016: the sharing limit", description, s);
    }

    /** Guests booted from one image on a 2-node host, with reclaim and compaction later. */
    static Generated vmConsolidation() {
        String description = "A VM consolidation host: 8 KVM guests booted from the same image on a 2-node, 32-CPU host. "
                + "Each guest has 512 MiB: 80,000 pages of the shared image, 40,000 pages of its own data and "
                + "11,072 free zero pages; 5% of its pages are rewritten 200 times a second. Zero pages merge "
                + "with the zero page (use_zero_pages=1). Later, memory pressure on node 1 and compaction of "
                + "node 0 walk the reverse maps of the KSM pages.";
        Scenario s = Scenarios.create("VM consolidation", 32, 131072);
        s.setDescription(description);
        Topology t = s.getTopology();
        t.getNodes().clear();
        t.getNodes().add(node(0, 131072, "0-15", 10, 21));
        t.getNodes().add(node(1, 131072, "16-31", 21, 10));
        for (int i = 0; i < 8; i++) {
            KvmGuest guest = F.createKvmGuest();
            guest.setPid(3001 + i);
            guest.setName("qemu-guest" + (i + 1));
            guest.setHomeNode(i % 2);
            guest.setCpus((i % 2 == 0 ? 0 : 16) + 2 * (i / 2) + "-" + ((i % 2 == 0 ? 0 : 16) + 2 * (i / 2) + 1));
            guest.setVcpus(2);
            MergeableRegion ram = region("guest-ram", 131072, repeated(80000, 1, "guest-image"), unique(40000),
                    zero(11072));
            ram.setWritesPerSecond(200);
            ram.setVolatileFraction(0.05);
            guest.getRegions().add(ram);
            s.getWorkload().getProcesses().add(guest);
        }
        KsmConfig ksm = s.getKsm();
        ksm.setRun(1);
        ksm.setPagesToScan(1000);
        ksm.setUseZeroPages(true);
        MemoryPressure pressure = F.createMemoryPressure();
        pressure.setNode(1);
        pressure.setPages(100000);
        pressure.setDurationMillis(10_000);
        timing(pressure, Trigger.AT_TIME, 600_000);
        Compaction compaction = F.createCompaction();
        compaction.setNode(0);
        timing(compaction, Trigger.AT_TIME, 660_000);
        s.getTimeline().getEvents().add(pressure);
        s.getTimeline().getEvents().add(compaction);
        s.getRuns().clear();
        s.getRuns().add(run("stock", RunMode.FOR_DURATION, 720_000, "stock"));
        return new Generated("vm-consolidation.ksm", "VM consolidation host", description, s);
    }

    /** A pre-forking server: children share the parent's anon_vma. */
    static Generated forkHeavyServer() {
        String description = "A pre-forking server on one 8-CPU node: the parent fills 256 MiB (2,000 contents x 16 "
                + "copies interleaved, 20,000 unique pages, 13,536 zero pages), forks 32 workers after the fill "
                + "(they share its anon_vma, so every walk of a KSM page visits their VMAs too) and 8 helpers "
                + "before it. Workers rewrite a quarter of the first 8,000 pages at 60 s, 8 more are forked at "
                + "120 s, one exits at 180 s and node 0 is compacted at 200 s. Stock KSM is compared with "
                + "reschedule points inside the reverse-map walks (policy resched): same walk time, shorter "
                + "stretches in R state.";
        Scenario s = Scenarios.create("Fork-heavy server", 8, 32768);
        s.setDescription(description);
        Process parent = process(100, "httpd", 0, "0-7");
        RepeatedContent heap = repeated(2000, 16, "app-heap");
        heap.setLayout(Layout.INTERLEAVED);
        MergeableRegion region = region("heap", 65536, heap, unique(20000), zero(13536));
        region.setWritesPerSecond(500);
        region.setVolatileFraction(0.1);
        region.setVolatileContent(WriteContent.SAME);
        parent.getRegions().add(region);
        parent.getForks().add(fork(32, 101, ForkTime.AFTER_FILL, true));
        parent.getForks().add(fork(8, 133, ForkTime.BEFORE_FILL, false));
        s.getWorkload().getProcesses().add(parent);
        s.getKsm().setRun(1);
        s.getKsm().setPagesToScan(500);
        WritePages write = F.createWritePages();
        write.setEveryProcess(true);
        write.setRegion("heap");
        write.setFromPage(0);
        write.setToPage(8000);
        write.setStep(4);
        write.setContent(WriteContent.UNIQUE);
        timing(write, Trigger.AT_TIME, 60_000);
        ForkProcess more = F.createForkProcess();
        more.setPid(100);
        more.setCount(8);
        more.setFirstPid(141);
        timing(more, Trigger.AT_TIME, 120_000);
        ProcessExit exit = F.createProcessExit();
        exit.setPid(101);
        timing(exit, Trigger.AT_TIME, 180_000);
        Compaction compaction = F.createCompaction();
        compaction.setNode(0);
        timing(compaction, Trigger.AT_TIME, 200_000);
        s.getTimeline().getEvents().addAll(List.of(write, more, exit, compaction));
        s.getRuns().clear();
        s.getRuns().add(run("stock vs reschedule points", RunMode.FOR_DURATION, 300_000, "stock", "resched"));
        return new Generated("fork-heavy-server.ksm", "Fork-heavy server", description, s);
    }

    /** Four processes of mostly unique pages, for the smart_scan skip-age patch against stock. */
    static Generated smartScanAges() {
        String description = "Patch smart-scan-ages against stock: 4 batch processes on one 8-CPU node, each 128 MiB of "
                + "4,000 contents shared between them and 28,768 unique pages, 1% of the pages rewritten 50 times a "
                + "second. smart_scan skips pages that stayed unique: stock for 1, 2, 4 then 8 scans; the patch with "
                + "smart_scan_max_skips=2 for at most 2 (more scans, ksmd busier, late duplicates found sooner), with "
                + "32 for up to 32. Compare pages_skipped, pages_scanned, ksmd CPU and pages_sharing, and the patch's "
                + "smart_scan_skip_periods.";
        Scenario s = Scenarios.create("smart_scan skip ages", 8, 16384);
        s.setDescription(description);
        for (int i = 0; i < 4; i++) {
            Process p = process(400 + i, "batch" + (i + 1), 0, "0-7");
            MergeableRegion heap = region("heap", 32768, repeated(4000, 1, "shared-libs"), unique(28768));
            heap.setWritesPerSecond(50);
            heap.setVolatileFraction(0.01);
            p.getRegions().add(heap);
            s.getWorkload().getProcesses().add(p);
        }
        s.getKsm().setRun(1);
        s.getKsm().setPagesToScan(1000);
        s.getRuns().clear();
        s.getRuns().add(run("stock vs skip ages", RunMode.FOR_DURATION, 600_000, "stock",
                "smart-scan-ages:smart_scan_max_skips=2", "smart-scan-ages:smart_scan_max_skips=32"));
        return new Generated("patch-smart-scan-ages.ksm", "Patch: smart_scan skip ages", description, s);
    }

    /** A host under the scan-time advisor, for the controller patch against the kernel's advisor. */
    static Generated scanTimeController() {
        String description = "Patch scan-time-controller against the kernel's scan-time advisor (6.8): 4 KVM guests of "
                + "256 MiB on one 16-CPU node (20,000 shared image pages, 30,000 unique, 15,536 zero each), "
                + "advisor_mode=scan-time with a target of 10 s per full scan and at most 70% of a CPU. The kernel's "
                + "advisor moves pages_to_scan by an EWMA of the scan-time change; the patch moves it 50% "
                + "(advisor_gain_pct) or 100% of the way to the value that meets the target. Compare "
                + "advisor_last_scan_ms and pages_to_scan over time (CSV), full_scans and ksmd CPU.";
        Scenario s = Scenarios.create("scan-time controller", 16, 16384);
        s.setDescription(description);
        for (int i = 0; i < 4; i++) {
            KvmGuest guest = F.createKvmGuest();
            guest.setPid(500 + i);
            guest.setName("qemu-guest" + (i + 1));
            guest.setHomeNode(0);
            guest.setCpus(2 * i + "-" + (2 * i + 1));
            guest.setVcpus(2);
            guest.getRegions().add(region("guest-ram", 65536, repeated(20000, 1, "guest-image"), unique(30000),
                    zero(15536)));
            s.getWorkload().getProcesses().add(guest);
        }
        KsmConfig ksm = s.getKsm();
        ksm.setRun(1);
        ksm.setAdvisorMode(org.ksmstudio.model.scenario.AdvisorMode.get("scan-time"));
        ksm.setAdvisorTargetScanTime(10);
        s.getRuns().clear();
        s.getRuns().add(run("kernel advisor vs controller", RunMode.FOR_DURATION, 600_000, "stock",
                "scan-time-controller", "scan-time-controller:advisor_gain_pct=100"));
        return new Generated("patch-scan-time-controller.ksm", "Patch: scan-time controller", description, s);
    }

    /** Guests with many empty pages under use_zero_pages, for the zero-first merge target against stock. */
    static Generated zeroFirst() {
        String description = "Patch zero-first against stock: 4 KVM guests of 128 MiB on one 8-CPU node (16,000 shared "
                + "image pages, 8,000 unique, 8,768 zero each, 2% of the pages rewritten 100 times a second) with "
                + "use_zero_pages=1. Stock merges an empty page with the zero page at the second scan that sees the "
                + "same checksum; the patch at the first. Compare ksm_zero_pages over time (CSV), full scans until "
                + "it settles, and general_profit.";
        Scenario s = Scenarios.create("zero first", 8, 16384);
        s.setDescription(description);
        for (int i = 0; i < 4; i++) {
            KvmGuest guest = F.createKvmGuest();
            guest.setPid(600 + i);
            guest.setName("qemu-guest" + (i + 1));
            guest.setHomeNode(0);
            guest.setCpus(2 * i + "-" + (2 * i + 1));
            guest.setVcpus(2);
            MergeableRegion ram = region("guest-ram", 32768, repeated(16000, 1, "guest-image"), unique(8000),
                    zero(8768));
            ram.setWritesPerSecond(100);
            ram.setVolatileFraction(0.02);
            guest.getRegions().add(ram);
            s.getWorkload().getProcesses().add(guest);
        }
        s.getKsm().setRun(1);
        s.getKsm().setPagesToScan(1000);
        s.getKsm().setUseZeroPages(true);
        s.getRuns().clear();
        s.getRuns().add(run("stock vs zero-first", RunMode.FOR_DURATION, 180_000, "stock", "zero-first"));
        return new Generated("patch-zero-first.ksm", "Patch: zero pages first", description, s);
    }

    /** One scenario per case of the reference file, with its phases as checkpoints and expected values. */
    @SuppressWarnings("unchecked")
    static List<Generated> referenceCases(String json) {
        Map<String, Object> root = (Map<String, Object>) parse(json);
        String kernel = (String) root.get("kernel");
        int pageSize = ((Number) root.get("page_size")).intValue();
        List<Generated> result = new ArrayList<>();
        for (Object c : (List<Object>) root.get("cases")) {
            Map<String, Object> kase = (Map<String, Object>) c;
            String name = (String) kase.get("name");
            Map<String, Object> w = (Map<String, Object>) kase.get("workload");
            long processes = num(w, "processes");
            long pages = num(w, "pages_per_process");
            String description = "Reference case " + name + " of kernel-reference.json, measured on Linux " + kernel
                    + ": " + processes + " process(es) of " + pages + " pages (" + num(w, "distinct_contents") + " x "
                    + num(w, "copies_per_content") + " " + w.get("layout") + ", " + num(w, "unique_pages")
                    + " unique, " + num(w, "zero_pages") + " zero). Each phase is a checkpoint with the counters the "
                    + "kernel showed.";
            Scenario s = Scenarios.create("reference " + name, 2, 24576);
            s.setDescription(description);
            s.getTopology().setPageSize(pageSize);
            KsmConfig ksm = s.getKsm();
            Map<String, Object> tunables = (Map<String, Object>) kase.get("tunables");
            for (Map.Entry<String, Object> e : tunables.entrySet()) {
                setTunable(ksm, e.getKey(), String.valueOf(e.getValue()));
            }
            ksm.setRun(1);
            for (int p = 0; p < processes; p++) {
                Process process = process(1001 + p, "ksm-ref-" + (p + 1), 0, "");
                process.setActive(false);
                List<org.ksmstudio.model.scenario.ContentGroup> groups = new ArrayList<>();
                long k = num(w, "distinct_contents");
                long r = num(w, "copies_per_content");
                if (k * r > 0) {
                    RepeatedContent dup = repeated(k, r, "");
                    dup.setLayout("interleave".equals(w.get("layout")) || "interleaved".equals(w.get("layout"))
                            ? Layout.INTERLEAVED : Layout.BLOCK);
                    groups.add(dup);
                }
                if (num(w, "unique_pages") > 0) {
                    groups.add(unique(num(w, "unique_pages")));
                }
                if (num(w, "zero_pages") > 0) {
                    groups.add(zero(num(w, "zero_pages")));
                }
                MergeableRegion region = region("region", pages, groups.toArray(new org.ksmstudio.model.scenario.ContentGroup[0]));
                if (Boolean.FALSE.equals(w.get("same_contents_in_every_process"))) {
                    region.setContentScope(ContentScope.SALTED);
                }
                process.getRegions().add(region);
                s.getWorkload().getProcesses().add(process);
            }
            int run = 1;
            for (Object ph : (List<Object>) kase.get("phases")) {
                Map<String, Object> phase = (Map<String, Object>) ph;
                Map<String, Object> action = (Map<String, Object>) phase.get("action");
                Checkpoint checkpoint = F.createCheckpoint();
                checkpoint.setName((String) phase.get("name"));
                timing(checkpoint, Trigger.AFTER_CONVERGENCE, 0);
                if (action.containsKey("write")) {
                    Map<String, Object> wr = (Map<String, Object>) action.get("write");
                    WritePages write = F.createWritePages();
                    write.setEveryProcess(!Boolean.FALSE.equals(wr.get("in_every_process")));
                    write.setPid(1001);
                    write.setFromPage(num(wr, "from_page"));
                    write.setToPage(num(wr, "to_page"));
                    write.setStep(wr.containsKey("every") ? num(wr, "every") : 1);
                    write.setContent("same".equals(wr.get("new_content")) ? WriteContent.SAME : WriteContent.UNIQUE);
                    timing(write, Trigger.AFTER_PREVIOUS, 0);
                    s.getTimeline().getEvents().add(write);
                } else if (action.containsKey("wait")) {
                    Map<String, Object> wait = (Map<String, Object>) action.get("wait");
                    if (wait.containsKey("seconds")) {
                        timing(checkpoint, Trigger.AFTER_PREVIOUS, Math.round(((Number) wait.get("seconds")).doubleValue() * 1000));
                    }
                } else if (action.containsKey("sysfs")) {
                    for (Object o : (List<Object>) action.get("sysfs")) {
                        Map<String, Object> sw = (Map<String, Object>) o;
                        SysfsWrite write = F.createSysfsWrite();
                        write.setFile((String) sw.get("file"));
                        write.setValue(String.valueOf(sw.get("value")));
                        write.setExpectedResult(String.valueOf(sw.get("result")));
                        timing(write, Trigger.AFTER_PREVIOUS, 0);
                        s.getTimeline().getEvents().add(write);
                        if ("run".equals(sw.get("file")) && "ok".equals(sw.get("result"))) {
                            run = Integer.parseInt(String.valueOf(sw.get("value")));
                        }
                    }
                    if (run != 1) {
                        timing(checkpoint, Trigger.AFTER_PREVIOUS, 1000);
                    }
                }
                for (Map.Entry<String, Object> e : ((Map<String, Object>) phase.get("expect")).entrySet()) {
                    if (e.getValue() instanceof Number n) {
                        checkpoint.getExpectations().add(expectation(e.getKey(), 0, n.longValue()));
                    }
                }
                List<Object> perProcess = (List<Object>) phase.get("per_process");
                if (perProcess != null) {
                    for (int p = 0; p < perProcess.size(); p++) {
                        for (Map.Entry<String, Object> e : ((Map<String, Object>) perProcess.get(p)).entrySet()) {
                            if (e.getValue() instanceof Number n) {
                                checkpoint.getExpectations().add(expectation(e.getKey(), 1001 + p, n.longValue()));
                            }
                        }
                    }
                }
                s.getTimeline().getEvents().add(checkpoint);
            }
            s.getRuns().clear();
            s.getRuns().add(run("until converged", RunMode.UNTIL_CONVERGED, 3_600_000, "stock"));
            result.add(new Generated("reference-" + name.replace('_', '-') + ".ksm", "Reference: " + name, description, s));
        }
        return result;
    }

    private static void setTunable(KsmConfig ksm, String file, String value) {
        switch (file) {
            case "run" -> ksm.setRun(Integer.parseInt(value));
            case "pages_to_scan" -> ksm.setPagesToScan(Long.parseLong(value));
            case "sleep_millisecs" -> ksm.setSleepMillisecs(Long.parseLong(value));
            case "max_page_sharing" -> ksm.setMaxPageSharing(Integer.parseInt(value));
            case "merge_across_nodes" -> ksm.setMergeAcrossNodes(Integer.parseInt(value));
            case "stable_node_chains_prune_millisecs" -> ksm.setStableNodeChainsPruneMillisecs(Long.parseLong(value));
            case "use_zero_pages" -> ksm.setUseZeroPages(!"0".equals(value));
            case "smart_scan" -> ksm.setSmartScan(!"0".equals(value));
            case "advisor_mode" -> ksm.setAdvisorMode(org.ksmstudio.model.scenario.AdvisorMode.get(value));
            case "advisor_max_cpu" -> ksm.setAdvisorMaxCpu(Long.parseLong(value));
            case "advisor_min_pages_to_scan" -> ksm.setAdvisorMinPagesToScan(Long.parseLong(value));
            case "advisor_max_pages_to_scan" -> ksm.setAdvisorMaxPagesToScan(Long.parseLong(value));
            case "advisor_target_scan_time" -> ksm.setAdvisorTargetScanTime(Long.parseLong(value));
            default -> throw new IllegalArgumentException("unknown tunable in the reference data: " + file);
        }
    }

    /** The reference file as maps and lists (Jackson). */
    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("kernel reference: " + e.getOriginalMessage(), e);
        }
    }

    private static long num(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static NumaNode node(int id, long memoryMiB, String cpus, int... distances) {
        NumaNode node = F.createNumaNode();
        node.setId(id);
        node.setMemoryMiB(memoryMiB);
        node.setCpus(cpus);
        for (int d : distances) {
            node.getDistances().add(d);
        }
        return node;
    }

    private static Process process(int pid, String name, int node, String cpus) {
        Process p = F.createProcess();
        p.setPid(pid);
        p.setName(name);
        p.setHomeNode(node);
        p.setCpus(cpus);
        return p;
    }

    private static Fork fork(int count, int firstPid, ForkTime when, boolean active) {
        Fork f = F.createFork();
        f.setCount(count);
        f.setFirstPid(firstPid);
        f.setWhen(when);
        f.setActive(active);
        return f;
    }

    private static MergeableRegion region(String name, long pages, org.ksmstudio.model.scenario.ContentGroup... groups) {
        MergeableRegion r = F.createMergeableRegion();
        r.setName(name);
        r.setSizePages(pages);
        r.getContents().addAll(List.of(groups));
        return r;
    }

    private static RepeatedContent repeated(long distinct, long copies, String tag) {
        RepeatedContent g = F.createRepeatedContent();
        g.setDistinct(distinct);
        g.setCopies(copies);
        g.setTag(tag);
        return g;
    }

    private static UniquePages unique(long count) {
        UniquePages g = F.createUniquePages();
        g.setCount(count);
        return g;
    }

    private static ZeroPages zero(long count) {
        ZeroPages g = F.createZeroPages();
        g.setCount(count);
        return g;
    }

    private static Expectation expectation(String counter, int pid, long value) {
        Expectation e = F.createExpectation();
        e.setCounter(counter);
        e.setPid(pid);
        e.setValue(value);
        return e;
    }

    private static void timing(TimelineEvent event, Trigger trigger, long millis) {
        event.setTrigger(trigger);
        event.setTimeMillis(millis);
    }

    private static RunSettings run(String name, RunMode mode, long durationMillis, String... policies) {
        RunSettings run = F.createRunSettings();
        run.setName(name);
        run.setMode(mode);
        run.setDurationMillis(durationMillis);
        run.getPolicies().addAll(List.of(policies));
        return run;
    }
}
