package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The values of every tunable present on the kernel at one moment, to be restored after
 * an experiment. Stored as a properties file so that a crashed experiment can be undone
 * at the next start.
 *
 * @param values tunable values as read (normalized), by file
 */
public record TunableSnapshot(Map<KsmFile, String> values) {

	public TunableSnapshot {
		EnumMap<KsmFile, String> copy = new EnumMap<>(KsmFile.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	/** Reads every tunable present. */
	public static TunableSnapshot capture(KsmSysfs sysfs) throws KsmUnavailableException {
		KsmSample sample = sysfs.sample();
		EnumMap<KsmFile, String> values = new EnumMap<>(KsmFile.class);
		for (KsmFile file : KsmFile.tunables()) {
			sample.text(file).ifPresent(v -> values.put(file, v));
		}
		if (!values.containsKey(KsmFile.RUN)) {
			throw new KsmUnavailableException(sysfs.path(KsmFile.RUN) + " could not be read");
		}
		return new TunableSnapshot(values);
	}

	/** Writes the snapshot to {@code file} atomically (temporary file, then rename). */
	public void store(Path file) throws IOException {
		Properties properties = new Properties();
		values.forEach((k, v) -> properties.setProperty(k.fileName(), v));
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
		try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
			out.write("# KSM Studio: /sys/kernel/mm/ksm tunables before an experiment, restored when it ends.\n");
			out.write("# If this file is still here, the experiment did not finish: KSM Studio restores these values\n");
			out.write("# at its next start (or restore them by hand as root and delete this file).\n");
			for (Map.Entry<String, String> e : new TreeMap<>(asStrings()).entrySet()) {
				out.write(e.getKey() + "=" + e.getValue() + "\n");
			}
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Reads a snapshot written by {@link #store(Path)}. Unknown keys are ignored. */
	public static TunableSnapshot load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		EnumMap<KsmFile, String> values = new EnumMap<>(KsmFile.class);
		for (String key : properties.stringPropertyNames()) {
			KsmFile.byName(key).filter(KsmFile::isTunable).ifPresent(f -> values.put(f, properties.getProperty(key).trim()));
		}
		if (!values.containsKey(KsmFile.RUN)) {
			throw new IOException(file + ": not a KSM Studio tunable snapshot (no run=)");
		}
		return new TunableSnapshot(values);
	}

	private Map<String, String> asStrings() {
		Map<String, String> strings = new TreeMap<>();
		values.forEach((k, v) -> strings.put(k.fileName(), v));
		return strings;
	}
}
