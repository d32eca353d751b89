package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;

/**
 * The values of every tunable present on the kernel at one moment, to be restored after
 * an experiment. Stored as a properties file so that a crashed experiment can be undone
 * at the next start.
 *
 * @param values tunable values as read (normalized), by file
 */
public record TunableSnapshot(Map<KsmSysfsFile, String> values) {

	public TunableSnapshot {
		EnumMap<KsmSysfsFile, String> copy = new EnumMap<>(KsmSysfsFile.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	/** Reads every tunable present. */
	public static TunableSnapshot capture(KsmSysfs sysfs) throws KsmUnavailableException {
		KsmSample sample = sysfs.sample();
		EnumMap<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			sample.text(file).ifPresent(v -> values.put(file, v));
		}
		if (!values.containsKey(KsmSysfsFile.RUN)) {
			throw new KsmUnavailableException(sysfs.path(KsmSysfsFile.RUN) + " could not be read");
		}
		return new TunableSnapshot(values);
	}

	/**
	 * Writes the snapshot to {@code file} through {@link OutputFile}: fsynced and renamed into
	 * place, the folder fsynced, so that it is on disk before the first write to the kernel.
	 */
	public void store(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		StringBuilder text = new StringBuilder();
		Messages.RESTORE_FILE_HEADER.lines().forEach(line -> text.append("# ").append(line).append('\n')); //$NON-NLS-1$
		for (Map.Entry<String, String> e : new TreeMap<>(asStrings()).entrySet()) {
			text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
		}
		OutputFile.write(file, text.toString());
	}

	/** Reads a snapshot written by {@link #store(Path)}. Unknown keys are ignored. */
	public static TunableSnapshot load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		EnumMap<KsmSysfsFile, String> values = new EnumMap<>(KsmSysfsFile.class);
		for (String key : properties.stringPropertyNames()) {
			KsmSysfsFile.byName(key).filter(KsmSysfsFile::writable).ifPresent(f -> values.put(f, properties.getProperty(key).trim()));
		}
		if (!values.containsKey(KsmSysfsFile.RUN)) {
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
