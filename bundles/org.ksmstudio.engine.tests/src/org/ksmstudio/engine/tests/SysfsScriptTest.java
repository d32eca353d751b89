package org.ksmstudio.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsScript;

/**
 * The exported sysfs script, run with bash against a fake /sys/kernel/mm/ksm of an older kernel: what it
 * wrote is read back from the files and the order of its writes from bash's trace.
 */
class SysfsScriptTest {

    /** The prefix of bash's trace lines (its default PS4; bash run as root takes none from the environment). */
    private static final String TRACE = "+ ";

    @TempDir
    Path root;

    /**
     * Result of a script run: exit status, standard error, and the {@code ksm_write FILE VALUE} calls it
     * made, in order (from the {@code bash -x} trace).
     */
    private record Ran(int status, String stderr, List<String> writes) {
    }

    /** A KSM directory as a 6.6 kernel has it: no smart_scan, pages_skipped or advisor files. */
    private Path oldKernel(String run) throws IOException {
        Path ksm = Files.createDirectories(root.resolve("ksm"));
        for (KsmSysfsFile file : KsmSysfsFile.values()) {
            if (!java.util.Set.of("6.7", "6.8").contains(file.since())) {
                Files.writeString(ksm.resolve(file.fileName()), file.defaultValue().orElse("0") + "\n");
            }
        }
        Files.writeString(ksm.resolve("run"), run + "\n");
        Files.writeString(ksm.resolve("max_page_sharing"), "256\n");
        Files.writeString(ksm.resolve("stable_node_chains_prune_millisecs"), "5000\n");
        return ksm;
    }

    private static Map<KsmSysfsFile, String> values(KsmTunables t) {
        Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
        for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
            values.put(file, t.written(file));
        }
        return values;
    }

    private Ran run(String script, Path ksm) throws Exception {
        Path file = root.resolve("ksm-tunables.sh");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", "-x", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KSM", ksm.toString());
        Process p = pb.start();
        List<String> lines = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
        String stderr = lines.stream().filter(l -> !l.startsWith("+")).collect(Collectors.joining("\n"));
        List<String> writes = lines.stream().filter(l -> l.startsWith(TRACE + "ksm_write "))
                .map(l -> l.substring((TRACE + "ksm_write ").length())).toList();
        return new Ran(p.exitValue(), stderr, writes);
    }

    private static String read(Path ksm, String file) throws IOException {
        return Files.readString(ksm.resolve(file)).strip();
    }

    @Test
    void skipsWhatAnOlderKernelLacksAndRestartsKsmd() throws Exception {
        Path ksm = oldKernel("1");
        String script = SysfsScript.of("test", values(KsmTunables.DEFAULTS.withRun(1).withMaxPageSharing(512)
                .withPagesToScan(1000)));
        assertFalse(script.contains("set -e"), script);
        assertTrue(script.contains("# smart_scan: Linux 6.7 and later, skipped on older kernels"), script);
        Ran ran = run(script, ksm);
        assertEquals(0, ran.status(), ran.stderr());
        assertEquals("1", read(ksm, "run"), "ksmd runs again");
        assertEquals("512", read(ksm, "max_page_sharing"));
        assertEquals("1000", read(ksm, "pages_to_scan"));
        assertEquals("2000", read(ksm, "stable_node_chains_prune_millisecs"));
        for (String lacking : new String[] { "smart_scan", "advisor_mode", "advisor_max_cpu",
                "advisor_min_pages_to_scan", "advisor_max_pages_to_scan", "advisor_target_scan_time" }) {
            assertTrue(ran.stderr().contains("skipped " + lacking + ":"), ran.stderr());
            assertFalse(Files.exists(ksm.resolve(lacking)), lacking + " is not created");
        }
    }

    @Test
    void aRefusedWriteDoesNotStopTheScriptBeforeRun() throws Exception {
        Path ksm = oldKernel("1");
        Files.delete(ksm.resolve("pages_to_scan"));
        Files.createDirectory(ksm.resolve("pages_to_scan")); // every write to it fails
        Ran ran = run(SysfsScript.of("test", values(KsmTunables.DEFAULTS.withRun(1).withMaxPageSharing(512))), ksm);
        assertEquals(1, ran.status(), "a refused write is the exit status");
        assertTrue(ran.stderr().contains("refused: echo 100 > " + ksm + "/pages_to_scan"), ran.stderr());
        assertEquals("2000", read(ksm, "stable_node_chains_prune_millisecs"), "writes after it happen");
        assertEquals("1", read(ksm, "run"), "ksmd runs again");
    }

    @Test
    void withoutRunTheScriptPutsBackWhatRunWas() throws Exception {
        for (String before : new String[] { "0", "1" }) {
            Path ksm = oldKernel(before);
            Map<KsmSysfsFile, String> values = values(KsmTunables.DEFAULTS.withMaxPageSharing(64));
            values.remove(KsmSysfsFile.RUN);
            Ran ran = run(SysfsScript.of("no run", values), ksm);
            assertEquals(0, ran.status(), ran.stderr());
            assertEquals(before, read(ksm, "run"));
            assertEquals("64", read(ksm, "max_page_sharing"));
            Files.walk(ksm).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void valuesAndTitleCannotInjectCommands() throws Exception {
        Path ksm = oldKernel("1");
        Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
        values.put(KsmSysfsFile.SLEEP_MILLISECS, "1; touch " + root.resolve("pwned") + "; echo 2");
        Ran ran = run(SysfsScript.of("x\ntouch " + root.resolve("pwned2"), values), ksm);
        assertFalse(Files.exists(root.resolve("pwned")), ran.stderr());
        assertFalse(Files.exists(root.resolve("pwned2")), ran.stderr());
        assertEquals("1; touch " + root.resolve("pwned") + "; echo 2", read(ksm, "sleep_millisecs"),
                "the fake takes any text; the kernel would answer EINVAL");
    }

    @Test
    void writesInAnOrderTheKernelAccepts() throws Exception {
        Path ksm = oldKernel("1");
        Files.writeString(ksm.resolve("advisor_mode"), "[none] scan-time\n"); // a 6.7 kernel has the advisor
        Map<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
        values.put(KsmSysfsFile.RUN, "1");
        values.put(KsmSysfsFile.PAGES_TO_SCAN, "1000");
        values.put(KsmSysfsFile.MAX_PAGE_SHARING, "512");
        values.put(KsmSysfsFile.MERGE_ACROSS_NODES, "1");
        values.put(KsmSysfsFile.ADVISOR_MODE, "scan-time");
        Ran ran = run(SysfsScript.of("test", values), ksm);
        assertEquals(0, ran.status(), ran.stderr());
        assertEquals(List.of("run 2", "max_page_sharing 512", "merge_across_nodes 1", "advisor_mode none",
                "pages_to_scan 1000", "advisor_mode scan-time", "run 1"), ran.writes(),
                "unmerge (run=2) before max_page_sharing, the advisor off while pages_to_scan is written, run last");
        for (Map.Entry<KsmSysfsFile, String> e : values.entrySet()) {
            assertEquals(e.getValue(), read(ksm, e.getKey().fileName()));
        }
    }

    @Test
    void leavesKsmdRunningWhenNoEbusyFileChanges() throws Exception {
        Path ksm = oldKernel("1");
        Ran ran = run(SysfsScript.of("test", values(KsmTunables.DEFAULTS.withRun(1).withMaxPageSharing(256))), ksm);
        assertEquals(0, ran.status(), ran.stderr());
        assertFalse(ran.writes().contains("run 2"), "max_page_sharing already reads 256: no unmerge: " + ran.writes());
        assertEquals("run 1", ran.writes().get(ran.writes().size() - 1), ran.writes().toString());
    }
}
