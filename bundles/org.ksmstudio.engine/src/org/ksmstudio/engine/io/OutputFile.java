package org.ksmstudio.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes an output file (a result, a recorded reference, an export) so that a failure or a kill
 * never leaves half a file and never touches another file: the text goes to a temporary file with a
 * unique, unpredictable name in the target's folder, created exclusively ({@code O_EXCL}, so no link
 * is followed), is fsynced and renamed over the target, and the folder is fsynced. The target's mode
 * (and, as root, owner) is kept; a new file gets the user's umask. A target that is not a regular file
 * (a device such as {@code /dev/null}) or any path under {@code /dev} or {@code /proc} (such
 * as {@code /dev/stdout}) is appended to in place, never replaced; kernel files, disks and devices other
 * than terminals, {@code /dev/null} and {@code /dev/full} are refused. A link is followed to the file it
 * names, which is replaced; the link stays. The temporary
 * file is deleted on failure and, through a shutdown hook, on SIGTERM or Ctrl-C.
 */
public final class OutputFile {

    /** What is written: text into a UTF-8 writer. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content; the writer is flushed and closed by the caller. */
        void write(Writer out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OUTPUT_HINT = "; write to a file, /dev/stdout or /dev/null";
    /** {@code st_mode} file type bits (sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(OutputFile::deleteQuietly),
                "ksmstudio output cleanup"));
    }

    private OutputFile() {
    }

    /**
     * Checks before a long run that {@code target} can be written: an existing regular file or a writable
     * device (a named pipe outside /dev and /proc is refused), or a new file in an existing folder where a file can be created (tried).
     *
     * @throws IOException one line naming the target and the reason
     */
    public static void check(Path target) throws IOException {
        refuseKernelFilesAndDevices(target);
        Path file = resolve(target);
        BasicFileAttributes attributes = attributes(file);
        if (attributes != null && attributes.isDirectory()) {
            throw new IOException(name(target) + ": is a directory");
        }
        refuseNamedPipe(target, attributes);
        if (attributes != null && !attributes.isRegularFile()) {
            if (!Files.isWritable(file)) {
                throw new IOException(name(target) + ": not writable");
            }
            return;
        }
        Path folder = folder(file);
        BasicFileAttributes folderAttributes = attributes(folder);
        if (folderAttributes == null) {
            throw new IOException(name(target) + ": no such folder " + Text.shown(folder.toString()));
        }
        if (!folderAttributes.isDirectory()) {
            throw new IOException(name(target) + ": " + Text.shown(folder.toString()) + " is not a folder");
        }
        discard(createTemporary(target, file, folder));
    }

    /**
     * Whether writing {@code target} would replace the file {@code other}: the same file through links or
     * hard links, or, for a file not there yet, the same path once links of its folder are followed. A
     * stream or device ({@code /dev/stdout}, {@code /dev/null}) replaces nothing.
     */
    public static boolean replaces(Path target, Path other) {
        if (isStream(target)) {
            return false;
        }
        try {
            if (Files.exists(target) && Files.exists(other)) {
                return Files.isSameFile(target, other);
            }
            return canonical(target).equals(canonical(other));
        } catch (IOException e) {
            return false; // not comparable: the write itself reports what is wrong
        }
    }

    /** The path with the links of its folder followed (the file itself may not exist yet). */
    private static Path canonical(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Path name = absolute.getFileName();
        return parent == null || name == null || !Files.isDirectory(parent) ? absolute
                : parent.toRealPath().resolve(name);
    }

    /** Writes {@code text} (UTF-8) to {@code target}. */
    public static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /** Writes {@code content} (UTF-8) to {@code target} safely; on failure the target is unchanged. */
    public static void write(Path target, Content content) throws IOException {
        refuseKernelFilesAndDevices(target);
        Path file = resolve(target);
        BasicFileAttributes attributes = attributes(file);
        if (attributes != null && attributes.isDirectory()) {
            throw new IOException(name(target) + ": is a directory");
        }
        refuseNamedPipe(target, attributes);
        if (attributes != null && (!attributes.isRegularFile() || isStream(target))) {
            writeInPlace(target, file, content);
            return;
        }
        Path folder = folder(file);
        Path temporary = createTemporary(target, file, folder);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                Writer out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
                content.write(out);
                out.flush();
                channel.force(true);
            }
            if (attributes != null) {
                keepModeAndOwner(file, temporary);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            PENDING.remove(temporary);
            syncFolder(folder);
        } catch (IOException e) {
            discard(temporary);
            throw failure(target, e);
        } catch (RuntimeException e) {
            discard(temporary);
            throw e;
        }
    }

    private static void writeInPlace(Path target, Path file, Content content) throws IOException {
        // appended: /dev/stdout redirected to a file must not overwrite what was printed before
        try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            content.write(out);
            out.flush();
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** A new, empty, exclusively created file next to {@code file}, mode from the umask. */
    private static Path createTemporary(Path target, Path file, Path folder) throws IOException {
        String base = file.getFileName() == null ? "output" : file.getFileName().toString();
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        for (int attempt = 0;; attempt++) {
            Path temporary = folder.resolve("." + base + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                // CREATE_NEW is O_CREAT|O_EXCL: fails on any existing name, link or not; no attributes: the umask applies
                Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                PENDING.add(temporary);
                return temporary;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw failure(target, e);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    private static void keepModeAndOwner(Path file, Path temporary) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
        view.setPermissions(old.permissions());
        try {
            view.setOwner(old.owner());
            view.setGroup(old.group());
        } catch (IOException e) {
            // only root may give a file away; the new file is then the writer's
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is synced
        }
    }

    /**
     * A named pipe (or socket) outside {@code /dev} and {@code /proc}: opening it for writing blocks until
     * some process reads it, so it is refused instead of hanging; {@code /dev/stdout} piped into a
     * program is the way to stream an output.
     */
    private static void refuseNamedPipe(Path target, @Nullable BasicFileAttributes attributes) throws IOException {
        if (attributes != null && attributes.isOther() && !isStream(target)) {
            throw new IOException(name(target) + ": is a named pipe or socket, not a file (write to a file, or to /dev/stdout and pipe it)");
        }
    }

    /**
     * Refuses what is not an output: a kernel file under {@code /proc} or {@code /sys} (a write there is a
     * command to the kernel, e.g. {@code /proc/sysrq-trigger}), a block device (a disk), a character device
     * other than a terminal, {@code /dev/null} and {@code /dev/full} (e.g. {@code /dev/kmsg},
     * {@code /dev/watchdog}), and a new file under {@code /dev}. A stream of this process
     * ({@code /dev/stdout}, {@code /proc/self/fd/1}) is judged by what it is open on.
     */
    private static void refuseKernelFilesAndDevices(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            if (Files.exists(absolute) || !isKernelPath(absolute)) {
                return; // a pipe or socket this process holds (pipe:[N]), or a new file in an ordinary folder
            }
            throw new IOException(name(target) + ": no such device, and no file is created under /dev, /proc or /sys"
                    + OUTPUT_HINT);
        }
        if (real.startsWith("/proc") || real.startsWith("/sys")) {
            throw new IOException(name(target) + ": is a kernel file (" + Text.shown(real.toString())
                    + "): writing it would be a command to the kernel, not an output" + OUTPUT_HINT);
        }
        int type = fileType(real);
        if (type == S_IFBLK) {
            throw new IOException(name(target) + ": is a block device (" + Text.shown(real.toString())
                    + "): an output never overwrites a disk" + OUTPUT_HINT);
        }
        if (type == S_IFCHR && !isTerminalOrSink(real)) {
            throw new IOException(name(target) + ": is a device (" + Text.shown(real.toString())
                    + "), not a file or terminal" + OUTPUT_HINT);
        }
    }

    /** Where no new output file belongs: under /proc or /sys, or in /dev itself (its sub-folders such as /dev/shm are file systems). */
    private static boolean isKernelPath(Path absolute) {
        return absolute.startsWith("/proc") || absolute.startsWith("/sys") || Path.of("/dev").equals(absolute.getParent());
    }

    /** The {@code S_IFMT} bits of {@code st_mode}, or 0 where the file system does not tell them. */
    private static int fileType(Path real) {
        try {
            return ((Integer) Files.getAttribute(real, "unix:mode")) & S_IFMT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return 0;
        }
    }

    private static boolean isTerminalOrSink(Path real) {
        String name = real.toString();
        return name.equals("/dev/null") || name.equals("/dev/full") || name.equals("/dev/tty")
                || name.equals("/dev/console") || name.startsWith("/dev/pts/") || name.matches("/dev/tty[0-9]+");
    }

    /** Whether {@code target} names a stream of this process or a device ({@code /dev/stdout}, {@code /proc/self/fd/1}). */
    private static boolean isStream(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.startsWith("/dev") || absolute.startsWith("/proc");
    }

    /** The file {@code target} names: itself, or the file at the end of its links. */
    private static Path resolve(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (isStream(target)) {
            return absolute; // opened through its links, never replaced
        }
        if (Files.isSymbolicLink(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException e) {
                if (Files.exists(absolute)) {
                    return absolute; // e.g. /dev/stdout -> /proc/self/fd/1 -> pipe:[...]: written in place through the link
                }
                throw new IOException(name(target) + ": a link to a missing file");
            }
        }
        return absolute;
    }

    private static Path folder(Path file) {
        Path parent = file.getParent();
        return parent == null ? file.getRoot() : parent;
    }

    private static @Nullable BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            return null; // e.g. a path through a regular file: reported when the folder is checked
        }
    }

    private static IOException failure(Path target, IOException e) {
        String reason;
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new IOException(name(target) + ": cannot write: " + Text.oneLine(reason), e);
    }

    private static String name(Path target) {
        return Text.shown(target.toString());
    }

    private static void discard(Path temporary) {
        deleteQuietly(temporary);
        PENDING.remove(temporary);
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // nothing more can be done; the name is unique and hidden
        }
    }
}
