package org.ksmstudio.live.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.Messages;

/**
 * The workload generator program ({@code native/ksm-workload.c}, shipped in this bundle),
 * compiled on demand with the machine's C compiler into a cache directory. The binary's
 * name carries a hash of the source, so a changed source is rebuilt and an unchanged one is
 * built once.
 */
public final class WorkloadGenerator {

	/** The resource holding the generator's C source. */
	public static final String SOURCE_RESOURCE = "/native/ksm-workload.c";

	private WorkloadGenerator() {
	}

	/** Where binaries are cached by default: {@code $XDG_CACHE_HOME/ksmstudio} or {@code ~/.cache/ksmstudio}. */
	public static Path defaultCacheDirectory() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("ksmstudio");
	}

	/** The generator's source text. */
	public static byte[] source() throws IOException {
		try (InputStream in = WorkloadGenerator.class.getResourceAsStream(SOURCE_RESOURCE)) {
			if (in == null) {
				throw new IOException(NLS.bind(Messages.GENERATOR_SOURCE_MISSING, SOURCE_RESOURCE));
			}
			return in.readAllBytes();
		}
	}

	/**
	 * The path of the compiled generator, compiling it first if the cache lacks it.
	 *
	 * @param cacheDirectory where to keep the binary
	 * @throws IOException with the compiler's message when it is missing or fails
	 */
	public static Path binary(Path cacheDirectory) throws IOException {
		byte[] source = source();
		Path binary = cacheDirectory.resolve("ksm-workload-" + hash(source));
		if (Files.isExecutable(binary)) {
			return binary;
		}
		Files.createDirectories(cacheDirectory);
		Path sourceFile = Files.createTempFile(cacheDirectory, "ksm-workload", ".c");
		Path output = Files.createTempFile(cacheDirectory, "ksm-workload", ".bin");
		try {
			Files.write(sourceFile, source);
			String compiler = compiler();
			Process cc;
			try {
				cc = new ProcessBuilder(compiler, "-O2", "-std=gnu11", "-pthread", "-o", output.toString(),
						sourceFile.toString(), "-lm")
						.redirectErrorStream(true).start();
			} catch (IOException e) {
				throw new IOException(NLS.bind(Messages.CC_MISSING, compiler), e);
			}
			String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!cc.waitFor(120, TimeUnit.SECONDS)) {
				cc.destroyForcibly();
				throw new IOException(NLS.bind(Messages.CC_FAILED, SOURCE_RESOURCE, "timed out"));
			}
			if (cc.exitValue() != 0) {
				throw new IOException(NLS.bind(Messages.CC_FAILED, SOURCE_RESOURCE, log.strip()));
			}
			Files.move(output, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return binary;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(Messages.GENERATOR_INTERRUPTED, e);
		} finally {
			Files.deleteIfExists(sourceFile);
			Files.deleteIfExists(output);
		}
	}

	/** {@code $CC}, else the first of cc, gcc, clang on the PATH. */
	private static String compiler() {
		String cc = System.getenv("CC");
		if (cc != null && !cc.isBlank()) {
			return cc;
		}
		for (String candidate : List.of("cc", "gcc", "clang")) {
			for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
				if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, candidate))) {
					return candidate;
				}
			}
		}
		return "cc";
	}

	private static String hash(byte[] source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(source);
			return HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
