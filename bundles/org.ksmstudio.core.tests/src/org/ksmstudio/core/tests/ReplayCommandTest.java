package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.headless.HeadlessMain;
import org.ksmstudio.core.headless.ReplayCommand;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.MergeableRegion;
import org.ksmstudio.model.scenario.Process;
import org.ksmstudio.model.scenario.RepeatedContent;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.ScenarioFactory;
import org.ksmstudio.model.scenario.Trigger;
import org.ksmstudio.model.scenario.WriteContent;
import org.ksmstudio.model.scenario.WritePages;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --headless --replay}: refusals that must never touch /sys (no terminal, declined, not
 * replayable, no KSM) on fake trees, and one small replay on this machine's kernel when
 * /sys/kernel/mm/ksm is writable, with the tunables verified restored.
 */
class ReplayCommandTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream errStream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** One process of 500 pages: 5 contents x 100 copies; after convergence 50 pages get unique content. */
    private Path small() throws Exception {
        Scenario s = Scenarios.create("replay-small", 2, 1024);
        Process p = F.createProcess();
        p.setPid(100);
        p.setName("gen");
        MergeableRegion r = F.createMergeableRegion();
        r.setName("r");
        r.setSizePages(500);
        RepeatedContent g = F.createRepeatedContent();
        g.setDistinct(5);
        g.setCopies(100);
        r.getContents().add(g);
        p.getRegions().add(r);
        s.getWorkload().getProcesses().add(p);
        s.getKsm().setRun(1);
        WritePages w = F.createWritePages();
        w.setTrigger(Trigger.AFTER_CONVERGENCE);
        w.setPid(100);
        w.setRegion("r");
        w.setFromPage(0);
        w.setToPage(50);
        w.setStep(1);
        w.setContent(WriteContent.UNIQUE);
        s.getTimeline().getEvents().add(w);
        Path file = dir.resolve("small.ksm");
        ScenarioResources.save(s, file);
        return file;
    }

    /** A fake /sys/kernel/mm/ksm with the kernel's defaults, and a fake /proc. */
    private ReplayCommand.Environment fake(ReplayCommand.Terminal terminal) throws Exception {
        Path ksm = Files.createDirectories(dir.resolve("sys/kernel/mm/ksm"));
        for (KsmSysfsFile file : KsmSysfsFile.values()) {
            String value = file.defaultValue().orElse("0");
            Files.writeString(ksm.resolve(file.fileName()),
                    file == KsmSysfsFile.ADVISOR_MODE ? "[none] scan-time\n" : value + "\n");
        }
        Path proc = Files.createDirectories(dir.resolve("proc/sys/kernel"));
        Files.writeString(proc.resolve("osrelease"), "6.18.0-fake\n");
        return new ReplayCommand.Environment(ksm, dir.resolve("proc"), () -> terminal, dir.resolve("restore.properties"),
                dir.resolve("cache"));
    }

    private Map<String, String> contents(Path ksm) throws Exception {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(ksm)) {
            for (Path f : files.toList()) {
                m.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return m;
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesBeforeWriting() throws Exception {
        ReplayCommand.Environment env = fake(null);
        Map<String, String> before = contents(env.ksmDirectory());
        int code = new ReplayCommand(env).run(List.of(small().toString()), out(), errStream());
        assertEquals(2, code, err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("--yes") && err().contains("nothing was written"), err());
        assertEquals(before, contents(env.ksmDirectory()));
        assertTrue(Files.notExists(env.restoreFile()), "no experiment begun");
    }

    @Test
    void withoutATerminalTheRealCommandRefusesToo() throws Exception {
        // the test JVM has no terminal: refused for want of a confirmation (or of root), never written
        Map<KsmSysfsFile, String> before = tunables();
        int code = HeadlessMain.run(List.of("--headless", "--replay", small().toString()), out(), errStream());
        assertEquals(2, code, err());
        assertEquals(1, err().lines().count(), err());
        assertEquals(before, tunables());
    }

    @Test
    void aDeclinedConfirmationWritesNothing() throws Exception {
        StringBuilder asked = new StringBuilder();
        ReplayCommand.Environment env = fake(prompt -> {
            asked.append(prompt);
            return "n";
        });
        Map<String, String> before = contents(env.ksmDirectory());
        assertEquals(2, new ReplayCommand(env).run(List.of(small().toString()), out(), errStream()));
        assertTrue(asked.toString().contains("[y/N]"), asked.toString());
        assertTrue(err().contains("max_page_sharing = 256"), "shows what it would write: " + err());
        assertTrue(err().contains("replay declined: nothing was written"), err());
        assertEquals(before, contents(env.ksmDirectory()));
    }

    @Test
    void aScenarioTheGeneratorCannotReplayIsRefusedInOneLine() throws Exception {
        Path file = dir.resolve("vm.ksm");
        ScenarioResources.save(Examples.byFile("vm-consolidation.ksm").orElseThrow().load(), file);
        assertEquals(2, new ReplayCommand(fake(null)).run(List.of(file.toString(), "--yes"), out(), errStream()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("cannot be replayed on the kernel") && err().contains("KVM guest"), err());
    }

    @Test
    void aKernelWithoutKsmIsOneLine() throws Exception {
        ReplayCommand.Environment env = new ReplayCommand.Environment(dir.resolve("no-ksm"), dir, () -> null,
                dir.resolve("restore"), dir.resolve("cache"));
        assertEquals(2, new ReplayCommand(env).run(List.of(small().toString(), "--yes"), out(), errStream()));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("cannot replay on this kernel") && err().contains("no-ksm"), err());
    }

    @Test
    void badArgumentsAreOneLine() throws Exception {
        Path file = small();
        for (String[] args : List.of(new String[] { file.toString(), "--frobnicate" },
                new String[] { dir.resolve("missing.ksm").toString(), "--yes" },
                new String[] { file.toString(), "--run", "x" },
                new String[] { file.toString(), "--phase-timeout", "soon" },
                new String[] { file.toString(), "--record-reference" }, new String[] { "--yes" })) {
            err.reset();
            assertEquals(2, new ReplayCommand(fake(null)).run(Arrays.asList(args), out(), errStream()),
                    Arrays.toString(args));
            assertEquals(1, err().lines().count(), Arrays.toString(args) + ": " + err());
        }
    }

    private static Map<KsmSysfsFile, String> tunables() throws Exception {
        KsmSysfs sysfs = KsmSysfs.system();
        Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
        if (!Files.isDirectory(sysfs.directory())) {
            return values;
        }
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            if (Files.exists(sysfs.path(file))) {
                values.put(file, sysfs.read(file));
            }
        }
        return values;
    }

    @Test
    void smallReplayOnThisKernelComparesAndRestores() throws Exception {
        KsmSysfs sysfs = KsmSysfs.system();
        assumeTrue(sysfs.access().canWrite(), "needs a writable /sys/kernel/mm/ksm (root): " + sysfs.access().message());
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "cc")) || Files.isExecutable(Path.of(d, "gcc"))),
                "the workload generator is built with the machine's C compiler (cc or gcc): none on the PATH");
        Path lockFile = ExperimentLock.defaultFile();
        try (ExperimentLock lock = ExperimentLock.acquire(lockFile, Duration.ofMinutes(10))) {
            Map<KsmSysfsFile, String> before = tunables();
            Path reference = dir.resolve("recorded.json");
            int code = HeadlessMain.run(List.of("--headless", "--replay", small().toString(), "--yes", "--lock",
                    dir.resolve("inner.lock").toString(), "--phase-timeout", "2m", "--record-reference",
                    reference.toString()), out(), errStream());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(before, tunables(), "every tunable reads as before the replay");
            assertTrue(err().contains("restored and verified"), err());
            assertEquals(0, code, printed + err());
            assertTrue(printed.contains("phase initial") && printed.contains("phase write_0_50_every_1"), printed);
            assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+pages_shared\\s+5\\s+5\\s+same")), printed);
            assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+pages_sharing\\s+495\\s+495\\s+same")), printed);
            assertTrue(printed.contains("verdict: "), printed);
            String json = Files.readString(reference);
            JsonNode root = StrictJson.parse(json);
            assertEquals("ksmstudio-kernel-reference-2", root.get("format").asText(), json);
            assertEquals(1, root.get("cases").size(), json);
            JsonNode recorded = root.get("cases").get(0);
            assertTrue(recorded.get("name").asText().contains("replay-small"), json);
            List<String> phases = new ArrayList<>();
            recorded.get("phases").forEach(phase -> phases.add(phase.get("name").asText()));
            assertTrue(phases.containsAll(List.of("initial", "write_0_50_every_1")), phases.toString());
            JsonNode initial = recorded.get("phases").get(phases.indexOf("initial")).get("expect");
            assertEquals(List.of(5L, 495L), List.of(initial.get("pages_shared").asLong(),
                    initial.get("pages_sharing").asLong()), "what the kernel showed: " + initial);
        }
    }
}
