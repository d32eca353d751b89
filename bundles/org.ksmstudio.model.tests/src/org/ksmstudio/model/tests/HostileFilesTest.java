package org.ksmstudio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.Scenario;

/**
 * Loading opens nothing but the file given, refuses DOCTYPE declarations, non-regular files,
 * oversized files and a second element of a single-valued feature: one line each, quickly.
 */
class HostileFilesTest {

    private static final Duration FAST = Duration.ofSeconds(10);
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @TempDir
    Path dir;

    /** A valid scenario's text with {@code extra} attributes on the root element. */
    private String valid(String rootAttributes) throws IOException {
        Path file = dir.resolve("valid.ksm");
        ScenarioResources.save(Scenarios.create("s", 2, 1024), file);
        return Files.readString(file).replaceFirst("<ksm:Scenario ", "<ksm:Scenario " + rootAttributes + " ");
    }

    private ScenarioLoadException refused(String content) throws IOException {
        Path file = dir.resolve("hostile.ksm");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return refused(file);
    }

    private static ScenarioLoadException refused(Path file) {
        ScenarioLoadException e = assertTimeoutPreemptively(FAST,
                () -> assertThrows(ScenarioLoadException.class, () -> ScenarioResources.load(file)));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void externalEntityIsRefusedAndNotRead() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET");
        ScenarioLoadException e = refused(HEADER + "<!DOCTYPE s [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + valid("").substring(HEADER.length()).replace("name=\"s\"", "name=\"&x;\""));
        assertTrue(e.getProblem().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("SECRET"), e.getMessage());
        assertEquals(2, e.getLine(), e.getMessage());
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE s [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>\n");
        ScenarioLoadException e = refused(HEADER + doctype + valid("").substring(HEADER.length())
                .replace("name=\"s\"", "name=\"&a9;\""));
        assertTrue(e.getProblem().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void schemaLocationsAreNeverFetched() throws IOException {
        try (ConnectionTrap trap = new ConnectionTrap()) {
            Path file = dir.resolve("located.ksm");
            Files.writeString(file, valid("xsi:schemaLocation=\"http://www.ksmstudio.org/scenario/1.0 "
                    + trap.url("scenario.ecore") + "\" xsi:noNamespaceSchemaLocation=\"" + trap.url("none.xsd") + "\""));
            Scenario loaded = assertTimeoutPreemptively(FAST, () -> ScenarioResources.load(file));
            assertEquals("s", loaded.getName());
            assertEquals(0, trap.connections(), "no request to " + trap.url(""));
        }
    }

    @Test
    void unknownNamespaceWithLocationIsRefusedWithoutFetching() throws IOException {
        try (ConnectionTrap trap = new ConnectionTrap()) {
            String foreign = HEADER + "<x:Thing xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\"\n"
                    + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:x=\"" + trap.url("ns") + "\"\n"
                    + "    xsi:schemaLocation=\"" + trap.url("ns") + " " + trap.url("other.ecore") + "\"/>\n";
            ScenarioLoadException e = refused(foreign);
            assertTrue(e.getProblem().contains("unknown namespace"), e.getMessage());
            assertEquals(0, trap.connections(), "no request to " + trap.url(""));
        }
    }

    @Test
    void aLocalFileNamedByTheScenarioIsNotOpened() throws Exception {
        // A FIFO without a writer blocks whoever opens it: the load finishing proves it was not opened.
        Path fifo = mkfifo("schema.ecore");
        String foreign = HEADER + "<x:Thing xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:x=\"urn:other\"\n"
                + "    xsi:schemaLocation=\"urn:other " + fifo.toUri() + "\"/>\n";
        ScenarioLoadException e = refused(foreign);
        assertTrue(e.getProblem().contains("urn:other"), e.getMessage());
    }

    @Test
    void aSecondSingleValuedElementIsRefused() throws IOException {
        String text = valid("");
        int ksm = text.indexOf("  <ksm");
        int end = text.indexOf('\n', text.indexOf("/>", ksm)) + 1;
        String twice = text.substring(0, end) + "  <ksm maxPageSharing=\"2\"/>\n" + text.substring(end);
        ScenarioLoadException e = refused(twice);
        assertTrue(e.getProblem().contains("second 'ksm'"), e.getMessage());
        int line = (int) twice.substring(0, end).lines().count() + 1;
        assertEquals(line, e.getLine(), e.getMessage());
    }

    @Test
    void aSecondTopologyIsRefused() throws IOException {
        String text = valid("");
        int topology = text.indexOf("  <topology");
        ScenarioLoadException e = refused(text.substring(0, topology) + "  <topology pageSize=\"4096\"/>\n"
                + text.substring(topology));
        assertTrue(e.getProblem().contains("second 'topology'"), e.getMessage());
    }

    @Test
    void fifoIsRefusedWithoutBlocking() throws Exception {
        ScenarioLoadException e = refused(mkfifo("scenario.ksm"));
        assertTrue(e.getProblem().contains("not a regular file"), e.getMessage());
    }

    @Test
    void deviceIsRefused() {
        ScenarioLoadException e = refused(Path.of("/dev/zero"));
        assertTrue(e.getProblem().contains("not a regular file"), e.getMessage());
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.ksm");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ScenarioResources.MAX_FILE_BYTES + 1L);
        }
        ScenarioLoadException e = refused(file);
        assertTrue(e.getProblem().contains(Long.toString(ScenarioResources.MAX_FILE_BYTES + 1L)), e.getMessage());
    }

    @Test
    void endlessStreamIsBounded() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        ScenarioLoadException e = assertTimeoutPreemptively(FAST, () -> assertThrows(ScenarioLoadException.class,
                () -> ScenarioResources.load(zeros, "stdin", ScenarioModel.createResourceSet())));
        assertTrue(e.getProblem().contains("more than"), e.getMessage());
    }

    @Test
    void controlCharactersInAProblemStayOnOneLine() throws IOException {
        ScenarioLoadException e = refused(valid("").replace("name=\"s\"", "name=\"s\" bogus\n\u001b[31m=\"x\""));
        assertTrue(!e.getMessage().contains("\u001b"), e.getMessage());
    }

    private Path mkfifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        return fifo;
    }
}
