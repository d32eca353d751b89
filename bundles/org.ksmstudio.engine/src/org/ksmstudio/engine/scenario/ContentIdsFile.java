package org.ksmstudio.engine.scenario;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The sidecar file of a captured scenario ({@code NAME.ksm.pages}): named streams of per-page
 * content ids ({@link PageContentIds}), one stream per captured region.
 * <p>
 * Layout: the 8 bytes {@code KSMPAGES}, a 4-byte version (1), a 4-byte CRC-32 and an 8-byte
 * length of the uncompressed payload (big-endian), then the payload Deflate-compressed. The
 * payload is a varint stream count, then per stream its name (varint length, UTF-8 bytes), a
 * varint page count and, per page, the zigzag varint of the id's difference from the previous
 * page's id. New contents numbered in the order met differ by small steps, so 16 M pages take a
 * few tens of MB at most.
 */
public final class ContentIdsFile {

    /** The file name suffix after the scenario's file name. */
    public static final String SUFFIX = ".pages";

    private static final byte[] MAGIC = "KSMPAGES".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int HEADER = 24;
    /** Most pages in one stream, as in one region. */
    private static final long MAX_PAGES = (1L << 31) - 1;
    private static final int MAX_NAME = 4096;
    /** Deflate's largest expansion (RFC 1951: a 258-byte match in about two bits), bounding the claimed length. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private ContentIdsFile() {
    }

    /** The page-contents file of the scenario file {@code scenarioFile}: its name followed by {@link #SUFFIX}. */
    public static Path besides(Path scenarioFile) {
        return scenarioFile.resolveSibling(scenarioFile.getFileName() + SUFFIX);
    }

    /** Writes {@code streams} (name to ids, in order) to {@code file}, replacing it. */
    public static void write(Path file, Map<String, PageContentIds> streams) throws IOException {
        CRC32 crc = new CRC32();
        long length;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            raw.write(new byte[HEADER]);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (CountingStream counting = new CountingStream(new CheckedOutputStream(
                    new DeflaterOutputStream(new NonClosing(raw), deflater, 1 << 16), crc))) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(counting, 1 << 16));
                varint(out, streams.size());
                for (Map.Entry<String, PageContentIds> e : streams.entrySet()) {
                    byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                    varint(out, name.length);
                    out.write(name);
                    PageContentIds ids = e.getValue();
                    varint(out, ids.pages());
                    long previous = 0;
                    for (int p = 0; p < ids.pages(); p++) {
                        long delta = ids.id(p) - previous;
                        varint(out, delta << 1 ^ delta >> 63);
                        previous = ids.id(p);
                    }
                }
                out.flush();
                length = counting.count;
            } finally {
                deflater.end();
            }
        }
        try (RandomAccessFile header = new RandomAccessFile(file.toFile(), "rw")) {
            header.write(MAGIC);
            header.writeInt(VERSION);
            header.writeInt((int) crc.getValue());
            header.writeLong(length);
        }
    }

    /**
     * Reads every stream of {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException with one line naming the file and what is wrong with it
     */
    public static Map<String, PageContentIds> read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw bad(file, attributes.isDirectory() ? "is a directory, not a page-contents file"
                    : "not a regular file (a device, FIFO or socket is not read)");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(file, raw, attributes.size());
        } catch (DamagedFile e) {
            throw e;
        } catch (EOFException e) {
            throw bad(file, "cut short (the file is truncated)");
        } catch (ZipException e) {
            throw bad(file, "corrupt compressed data (" + (e.getMessage() == null ? "invalid data" : e.getMessage()) + ")");
        } catch (IOException e) {
            throw bad(file, "cannot read the file: " + e.getMessage());
        }
    }

    private static Map<String, PageContentIds> read(Path file, InputStream raw, long fileBytes) throws IOException {
        DataInputStream header = new DataInputStream(raw);
        byte[] magic = new byte[MAGIC.length];
        header.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw bad(file, "not a KSM Studio page-contents file (it does not start with KSMPAGES)");
        }
        int version = header.readInt();
        if (version != VERSION) {
            throw bad(file, "page-contents version " + version + " is not known (this KSM Studio reads version "
                    + VERSION + ")");
        }
        long expectedCrc = header.readInt() & 0xFFFF_FFFFL;
        long expectedLength = header.readLong();
        long mostInflated = Math.max(0, fileBytes - HEADER) * MAX_DEFLATE_RATIO + 64;
        if (expectedLength < 0 || expectedLength > mostInflated) {
            throw bad(file, "claims " + expectedLength + " bytes of page data, more than its " + fileBytes
                    + " bytes can hold (the file is damaged)");
        }
        CRC32 crc = new CRC32();
        CountingInput counting = new CountingInput(new CheckedInputStream(new InflaterInputStream(raw), crc));
        DataInputStream in = new DataInputStream(new BufferedInputStream(counting, 1 << 16));
        Map<String, PageContentIds> streams = new LinkedHashMap<>();
        long count = varint(in);
        for (long s = 0; s < count; s++) {
            long nameLength = varint(in);
            if (nameLength > MAX_NAME) {
                throw bad(file, "stream " + s + " has a name of " + nameLength + " bytes");
            }
            byte[] name = new byte[(int) nameLength];
            in.readFully(name);
            long pages = varint(in);
            if (pages > MAX_PAGES || pages > expectedLength) {
                throw bad(file, "stream " + s + " claims " + pages + " pages");
            }
            int[] ids = new int[(int) pages];
            long id = 0;
            for (int p = 0; p < ids.length; p++) {
                long z = varint(in);
                id += z >>> 1 ^ -(z & 1);
                if (id < 0 || id > Integer.MAX_VALUE) {
                    throw bad(file, "stream " + s + " page " + p + " has content id " + id);
                }
                ids[p] = (int) id;
            }
            streams.put(new String(name, StandardCharsets.UTF_8), PageContentIds.of(ids));
        }
        if (in.read() >= 0) {
            throw bad(file, "data after the last stream");
        }
        if (counting.count != expectedLength || crc.getValue() != expectedCrc) {
            throw bad(file, "checksum mismatch (the file is damaged)");
        }
        return streams;
    }

    private static DamagedFile bad(Path file, String problem) {
        return new DamagedFile(file + ": " + problem);
    }

    /** A problem of the file itself, already named in one line. */
    private static final class DamagedFile extends IOException {
        private static final long serialVersionUID = 1L;

        DamagedFile(String message) {
            super(message);
        }
    }

    private static void varint(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long varint(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new ZipException("a number longer than 64 bits");
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte @Nullable [] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte @Nullable [] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Keeps the underlying stream open when the Deflate stream is finished. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte @Nullable [] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
