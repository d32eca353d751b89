package org.ksmstudio.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;

/**
 * Reads the files a user names (scenarios, reference files, patches): regular files only (a FIFO
 * would block, {@code /dev/zero} never ends), at most a given size, UTF-8. Errors are one line
 * that names the file.
 */
public final class InputFiles {

    /** Largest text file read by default (a reference file of the kernel suite is about 100 KiB). */
    public static final long MAX_TEXT_BYTES = 64L << 20;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a readable regular file of at most {@code maxBytes} (links are followed).
     *
     * @throws IOException one line naming the file: no such file, a directory, not a regular file, too large
     */
    public static void checkReadable(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException(name(file) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IOException(name(file) + ": permission denied");
        }
        if (attributes.isDirectory()) {
            throw new IOException(name(file) + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(name(file) + ": not a regular file (a device, FIFO or socket is not read)");
        }
        if (attributes.size() > maxBytes) {
            throw new IOException(name(file) + ": " + attributes.size() + " bytes, larger than the limit of "
                    + maxBytes + " bytes");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(name(file) + ": permission denied");
        }
    }

    /** The text of {@code file} (UTF-8, at most {@link #MAX_TEXT_BYTES}) after {@link #checkReadable}. */
    public static String readText(Path file) throws IOException {
        return readText(file, MAX_TEXT_BYTES);
    }

    /** The text of {@code file} (UTF-8, at most {@code maxBytes}, also if it grows while read). */
    public static String readText(Path file, long maxBytes) throws IOException {
        checkReadable(file, maxBytes);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (AccessDeniedException e) {
            throw new IOException(name(file) + ": permission denied");
        } catch (IOException e) {
            throw new IOException(name(file) + ": cannot read the file: " + Text.oneLine(String.valueOf(e.getMessage())));
        }
        if (bytes.length > maxBytes) {
            throw new IOException(name(file) + ": larger than the limit of " + maxBytes + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name(file) + ": not UTF-8 text");
        }
    }

    /** {@code file} for a message ({@link Text#shown}). */
    public static String name(Path file) {
        return Text.shown(file.toString());
    }
}
