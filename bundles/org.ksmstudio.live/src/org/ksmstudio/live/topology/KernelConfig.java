package org.ksmstudio.live.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * The running kernel's build configuration: {@code /proc/config.gz}, else
 * {@code /boot/config-RELEASE}. Read only.
 */
public final class KernelConfig {

	private final String text;

	private KernelConfig(String text) {
		this.text = text;
	}

	/** Reads the configuration of the kernel whose proc is mounted at {@code proc}; empty when neither file is readable. */
	public static Optional<KernelConfig> read(Path proc) {
		try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(proc.resolve("config.gz")))) {
			return Optional.of(new KernelConfig("\n" + new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
		} catch (IOException e) {
			try {
				String release = Files.readString(proc.resolve("sys/kernel/osrelease"), StandardCharsets.US_ASCII).trim();
				return Optional.of(new KernelConfig(
						"\n" + Files.readString(Path.of("/boot/config-" + release), StandardCharsets.US_ASCII)));
			} catch (IOException e2) {
				return Optional.empty();
			}
		}
	}

	/** Whether {@code option} (e.g. {@code CONFIG_MEM_SOFT_DIRTY}) is built in ({@code =y}). */
	public boolean isSet(String option) {
		return text.contains("\n" + option + "=y");
	}

	/** CONFIG_HZ, the scheduler tick rate; empty when the configuration does not state it. */
	public OptionalInt hz() {
		int at = text.indexOf("\nCONFIG_HZ=");
		if (at < 0) {
			return OptionalInt.empty();
		}
		int from = at + "\nCONFIG_HZ=".length();
		int end = text.indexOf('\n', from);
		try {
			int hz = Integer.parseInt(text.substring(from, end < 0 ? text.length() : end).trim());
			return hz >= 1 && hz <= 10_000 ? OptionalInt.of(hz) : OptionalInt.empty();
		} catch (NumberFormatException e) {
			return OptionalInt.empty();
		}
	}
}
