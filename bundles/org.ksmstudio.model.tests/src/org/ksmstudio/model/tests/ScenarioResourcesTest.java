package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.Scenario;

/** Loading bad files gives file:line:column; saving is atomic. */
class ScenarioResourcesTest {

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String OPEN = "<ksm:Scenario xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\"\n"
            + "    xmlns:ksm=\"http://www.ksmstudio.org/scenario/1.0\" name=\"s\">\n";

    @TempDir
    Path dir;

    private ScenarioLoadException loadFails(String content) throws IOException {
        Path file = dir.resolve("bad.ksm");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ScenarioLoadException e = assertThrows(ScenarioLoadException.class, () -> ScenarioResources.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void malformedXmlGivesLineAndColumn() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + OPEN + "  <topology pageSize=\"4096\">\n  </workload>\n</ksm:Scenario>\n");
        assertEquals(5, e.getLine());
        assertTrue(e.getColumn() > 0);
        assertTrue(e.getMessage().contains(":5:" + e.getColumn() + ": malformed XML"), e.getMessage());
    }

    @Test
    void anIllegalValueNamesItsAttributeAndWhatItMustBe() throws IOException {
        String huge = loadFails(HEADER + OPEN + "  <ksm pagesToScan=\"99999999999999999999\"/>\n</ksm:Scenario>\n").getMessage();
        assertTrue(huge.contains(": pagesToScan = '99999999999999999999': not an integer from "), huge);
        String text = loadFails(HEADER + OPEN + "  <ksm sleepMillisecs=\"abc\"/>\n</ksm:Scenario>\n").getMessage();
        assertTrue(text.contains(": sleepMillisecs = 'abc': not an integer"), text);
        String flag = loadFails(HEADER + OPEN + "  <ksm smartScan=\"maybe\"/>\n</ksm:Scenario>\n").getMessage();
        assertTrue(flag.contains(": smartScan = 'maybe': not true or false"), flag);
        for (String message : List.of(huge, text, flag)) {
            assertFalse(message.contains("(file:"), "the location once, in front: " + message);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreSaidToBeSo() throws IOException {
        Path file = dir.resolve("binary.ksm");
        Files.write(file, new byte[] { (byte) 0xc3, (byte) 0x28, (byte) 0xa0, (byte) 0xa1 });
        ScenarioLoadException e = assertThrows(ScenarioLoadException.class, () -> ScenarioResources.load(file));
        assertTrue(e.getMessage().contains("malformed XML: not UTF-8 text"), e.getMessage());
        assertFalse(e.getMessage().contains("com.sun."), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void truncatedFileGivesPosition() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + OPEN + "  <topology pageSize=\"40");
        assertEquals(4, e.getLine(), e.getMessage());
        assertTrue(e.getColumn() > 0);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        ScenarioLoadException e = loadFails("");
        assertTrue(e.getLine() >= 1, e.getMessage());
    }

    @Test
    void foreignNamespaceIsNamed() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + "<x:Thing xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\"\n"
                + "    xmlns:x=\"http://example.org/other\"/>\n");
        assertEquals(3, e.getLine(), "the end of the root's start tag");
        assertTrue(e.getColumn() > 0);
        assertTrue(e.getProblem().contains("http://example.org/other"), e.getMessage());
        assertTrue(e.getProblem().contains("http://www.ksmstudio.org/scenario/1.0"), e.getMessage());
    }

    @Test
    void unknownAttributeIsNamedWithPosition() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + OPEN + "  <ksm maxPageSharingX=\"3\"/>\n</ksm:Scenario>\n");
        assertEquals(4, e.getLine());
        assertTrue(e.getProblem().contains("maxPageSharingX"), e.getMessage());
    }

    @Test
    void badNumberIsReportedWithPosition() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + OPEN + "  <ksm maxPageSharing=\"many\"/>\n</ksm:Scenario>\n");
        assertEquals(4, e.getLine());
        assertTrue(e.getProblem().contains("many"), e.getMessage());
    }

    @Test
    void otherModelRootIsRefused() throws IOException {
        ScenarioLoadException e = loadFails(HEADER + "<ksm:KsmConfig xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:ksm=\"http://www.ksmstudio.org/scenario/1.0\"/>\n");
        assertTrue(e.getProblem().contains("KsmConfig"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.ksm");
        ScenarioLoadException e = assertThrows(ScenarioLoadException.class, () -> ScenarioResources.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("s.ksm");
        Scenario first = Scenarios.create("first", 2, 1024);
        ScenarioResources.save(first, file);
        Scenario second = Scenarios.create("second", 4, 2048);
        ScenarioResources.save(second, file);
        assertTrue(EcoreUtil.equals(second, ScenarioResources.load(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void failedSaveKeepsThePreviousFile() throws Exception {
        Path target = dir.resolve("target.ksm");
        Files.createDirectories(target);
        Path inside = target.resolve("keep.txt");
        Files.writeString(inside, "previous");
        // A directory in the way makes the final rename fail after the temporary file was written.
        assertThrows(IOException.class, () -> ScenarioResources.save(Scenarios.create("s", 2, 1024), target));
        assertEquals("previous", Files.readString(inside));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file was removed");
        }
    }

    @Test
    void saveKeepsTheModeAndSavesThroughALink() throws Exception {
        Path real = dir.resolve("real.ksm");
        ScenarioResources.save(Scenarios.create("first", 2, 1024), real);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("link.ksm"), real.getFileName());
        ScenarioResources.save(Scenarios.create("second", 4, 2048), link);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("second", ScenarioResources.load(real).getName());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }
}
