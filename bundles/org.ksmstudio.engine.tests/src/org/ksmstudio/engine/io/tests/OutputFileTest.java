package org.ksmstudio.engine.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.io.InputFiles;
import org.ksmstudio.engine.io.OutputFile;

/** Safe writes (unique temporary, rename, mode kept, devices in place) and regular-file-only reads. */
class OutputFileTest {

    @Test
    void replacesAtomicallyKeepingTheMode(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        Path fixedTemporary = Files.writeString(dir.resolve("out.json.tmp"), "someone else's file");
        OutputFile.write(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("someone else's file", Files.readString(fixedTemporary), "no fixed OUT.tmp is used");
        assertEquals(List.of("out.json", "out.json.tmp"), names(dir));
    }

    @Test
    void newFileGetsTheUmaskNotPrivateMode(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("new.csv");
        OutputFile.write(target, "a,b\n");
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
        // created like any file (0666 & ~umask): group and others get what the umask leaves; never the 0600 of a temp file
        Path reference = Files.createFile(dir.resolve("reference"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)), mode);
    }

    @Test
    void linkIsFollowedAndKept(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        OutputFile.write(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void deviceIsWrittenInPlaceNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        OutputFile.write(devNull, "discarded");
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still the device");
        OutputFile.check(devNull);
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInsteadOfBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("out.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        String expected = fifo + ": is a named pipe or socket, not a file (write to a file, or to /dev/stdout and pipe it)";
        assertEquals(expected, message(() -> OutputFile.check(fifo)));
        assertEquals(expected, message(() -> OutputFile.write(fifo, "never read")));
        assertEquals(List.of("out.fifo"), names(dir), "nothing else is left behind");
    }

    @Test
    void badTargetsAreReportedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        assertEquals(dir + ": is a directory", message(() -> OutputFile.check(dir)));
        Path missingFolder = dir.resolve("no/such/out.json");
        assertTrue(message(() -> OutputFile.check(missingFolder)).startsWith(missingFolder + ": no such folder"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(message(() -> OutputFile.check(file.resolve("out.json"))).contains("is not a folder"));
        assertTrue(message(() -> OutputFile.check(Path.of("/proc/x"))).startsWith("/proc/x: no such device, and no file is created"));
        assertEquals(List.of("file"), names(dir), "a check leaves nothing behind");
    }

    @Test
    void kernelFilesDisksAndDevicesAreNeverWritten() throws IOException {
        // check() opens nothing for these even when it fails to refuse them; write() is tried on /dev/random only
        for (String kernel : new String[] { "/proc/sysrq-trigger", "/proc/sys/vm/drop_caches", "/sys/kernel/mm/ksm/run",
                "/proc/self/comm" }) {
            if (Files.exists(Path.of(kernel))) {
                assertTrue(message(() -> OutputFile.check(Path.of(kernel))).startsWith(kernel + ": is a kernel file ("),
                        kernel);
            }
        }
        for (String device : new String[] { "/dev/kmsg", "/dev/random", "/dev/mem", "/dev/watchdog" }) {
            if (Files.exists(Path.of(device))) {
                String refused = message(() -> OutputFile.check(Path.of(device)));
                assertTrue(refused.startsWith(device + ": is a device ("), refused);
            }
        }
        assertTrue(message(() -> OutputFile.write(Path.of("/dev/random"), "x")).startsWith("/dev/random: is a device ("));
        Path disk = findBlockDevice();
        if (disk != null) {
            assertTrue(message(() -> OutputFile.check(disk)).contains(": is a block device ("), disk.toString());
        }
        assertTrue(message(() -> OutputFile.check(Path.of("/dev/new-output.json"))).contains("no file is created under /dev"));
        assertFalse(Files.exists(Path.of("/dev/new-output.json")));
        if (Files.isDirectory(Path.of("/dev/shm"))) {
            Path shm = Path.of("/dev/shm/ksmstudio-output-test-" + ProcessHandle.current().pid());
            try {
                OutputFile.write(shm, "a file system under /dev");
                assertEquals("a file system under /dev", Files.readString(shm));
            } finally {
                Files.deleteIfExists(shm);
            }
        }
        OutputFile.check(Path.of("/dev/null"));
        OutputFile.check(Path.of("/dev/stdout"));
        OutputFile.check(Path.of("/proc/self/fd/2"));
    }

    private static Path findBlockDevice() throws IOException {
        try (Stream<Path> devices = Files.list(Path.of("/dev"))) {
            return devices.filter(p -> {
                try {
                    return ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) == 0060000;
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        }
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("out.json"), "old");
        assertThrows(IOException.class, () -> OutputFile.write(target, out -> {
            out.write("half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.json"), names(dir));
    }

    @Test
    void inputsMustBeRegularFilesOfBoundedSize(@TempDir Path dir) throws Exception {
        assertTrue(message(() -> InputFiles.readText(Path.of("/dev/zero"))).endsWith(": not a regular file (a device, FIFO or socket is not read)"));
        assertEquals("/proc/self/mem: cannot read the file: Input/output error",
                message(() -> InputFiles.readText(Path.of("/proc/self/mem"))), "a read error names the file");
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertTrue(message(() -> InputFiles.readText(fifo)).contains("not a regular file"), "a FIFO never blocks");
        Path big = Files.write(dir.resolve("big"), new byte[1025]);
        assertEquals(big + ": 1025 bytes, larger than the limit of 1024 bytes",
                message(() -> InputFiles.readText(big, 1024)));
        Path binary = Files.write(dir.resolve("binary"), new byte[] { (byte) 0xff, 0x41 });
        assertEquals(binary + ": not UTF-8 text", message(() -> InputFiles.readText(binary)));
        assertEquals("ä", InputFiles.readText(Files.writeString(dir.resolve("ok"), "ä", StandardCharsets.UTF_8)));
    }

    private interface Action {
        void run() throws IOException;
    }

    private static String message(Action action) {
        IOException e = assertThrows(IOException.class, action::run);
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
