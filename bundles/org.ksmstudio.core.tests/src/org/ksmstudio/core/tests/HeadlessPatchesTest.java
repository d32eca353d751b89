package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.policy.PatchFolder;
import org.ksmstudio.core.policy.PolicyRegistry;
import org.ksmstudio.core.tests.policy.JarPatches;
import org.ksmstudio.engine.io.CsvTables;
import org.ksmstudio.engine.patch.KsmPatch;

/** {@code --headless --patches DIR|JAR}: patches from jars run by name; a failing one is one line naming it. */
class HeadlessPatchesTest {
    @TempDir
    Path dir;

    private final HeadlessCall headless = new HeadlessCall();

    private int run(String... args) {
        return headless.run(args);
    }

    private String errText() {
        return headless.err();
    }

    /** A jar holding the class file of {@code patch} and a services file listing it. */
    private Path jarOf(Class<?> patch, String jarName) throws IOException {
        Path jar = dir.resolve(jarName);
        String entry = patch.getName().replace('.', '/') + ".class";
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f);
                InputStream cls = patch.getResourceAsStream("/" + entry)) {
            j.putNextEntry(new JarEntry(entry));
            cls.transferTo(j);
            j.putNextEntry(new JarEntry("META-INF/services/org.ksmstudio.engine.policy.SharingPolicy"));
            j.write((patch.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void aPatchFromAFolderOfJarsRunsByNameAndPrintsItsCounters() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("patches"));
        Files.move(jarOf(JarPatches.Counting.class, "counting.jar"), jars.resolve("counting.jar"));
        Path file = TestScenarios.save(TestScenarios.migrating(1, 600), dir, "migrating.ksm");
        assertEquals(0, run("--headless", "--patches", jars.toString(), file.toString(), "--policy", "stock",
                "--policy", "jar-counting", "--csv", dir.resolve("out.csv").toString()), errText());
        List<String> lines = headless.out().lines().toList();
        int patched = lines.indexOf("# policy jar-counting");
        assertTrue(patched > 0, String.join("\n", lines));
        assertTrue(lines.subList(patched, lines.size()).stream().anyMatch(l -> l.matches("jar_patch_scans [1-9][0-9]*")),
                String.join("\n", lines));
        assertTrue(lines.subList(0, patched).stream().noneMatch(l -> l.startsWith("jar_patch_scans")));
        List<CSVRecord> csv;
        try (Reader in = Files.newBufferedReader(dir.resolve("out.csv"))) {
            csv = CsvTables.FORMAT.parse(in).getRecords();
        }
        List<String> header = csv.get(0).toList();
        assertEquals(List.of("advisor_mode", "run", "jar_patch_scans"), header.subList(header.size() - 3, header.size()),
                "the patch's file after the kernel's");
        int scans = header.indexOf("jar_patch_scans");
        CSVRecord stock = csv.stream().filter(r -> r.get(1).equals("stock")).reduce((a, b) -> b).orElseThrow();
        CSVRecord counting = csv.stream().filter(r -> r.get(1).equals("jar-counting")).reduce((a, b) -> b).orElseThrow();
        assertEquals(List.of(header.size(), header.size()), List.of(stock.size(), counting.size()));
        assertEquals("", stock.get(scans), "stock has no such column: " + stock);
        assertTrue(Long.parseLong(counting.get(scans)) > 0, "the patch counted its scans: " + counting);
    }

    @Test
    void aPatchThatThrowsEndsItsRunWithOneLineNamingIt() throws Exception {
        Path jar = jarOf(JarPatches.Throwing.class, "throwing.jar");
        Path file = TestScenarios.save(TestScenarios.migrating(1, 600), dir, "migrating.ksm");
        assertEquals(1, run("--headless", "--patches=" + jar, file.toString(), "--policy", "jar-throwing"));
        assertEquals(List.of("ksmstudio: " + file + ": patch jar-throwing: fullScanEnds threw "
                + "java.lang.UnsupportedOperationException: not yet"), errText().lines().toList());
    }

    @Test
    void theFolderOfThePreferencesIsLoadedOnceAndItsPatchesAreKnownByName() throws Exception {
        Path jars = Files.createDirectories(dir.resolve("preferred"));
        Files.move(jarOf(JarPatches.Preferred.class, "preferred.jar"), jars.resolve("preferred.jar"));
        assertEquals(List.of("jar-preferred"), PatchFolder.load(jars.toString()));
        assertEquals(List.of(), PatchFolder.load(jars.resolve(".").toString()), "the same folder again: nothing new");
        assertTrue(PolicyRegistry.byName("jar-preferred") instanceof KsmPatch);
        assertTrue(PolicyRegistry.all().stream().anyMatch(p -> p.name().equals("jar-preferred")), "in every chooser");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PatchFolder.load(dir.resolve("nothing-here").toString()));
        assertEquals("patches " + dir.resolve("nothing-here") + ": no such jar or folder", e.getMessage());
    }

    @Test
    void aMissingOrBrokenJarIsOneLineBeforeAnythingRuns() throws Exception {
        assertEquals(2, run("--headless", "--patches", dir.resolve("none.jar").toString(), "x.ksm"));
        assertEquals(List.of("ksmstudio: patches " + dir.resolve("none.jar") + ": no such jar or folder"),
                errText().lines().toList());
        headless.reset();
        Path broken = Files.writeString(dir.resolve("broken.jar"), "PK not really");
        assertEquals(2, run("--headless", "--patches", broken.toString(), "x.ksm"));
        assertTrue(errText().startsWith("ksmstudio: patches " + broken + ": not a jar"), errText());
        headless.reset();
        assertEquals(2, run("--headless", "--patches"));
        assertEquals(List.of("ksmstudio: --patches needs a value"), errText().lines().toList());
    }
}
