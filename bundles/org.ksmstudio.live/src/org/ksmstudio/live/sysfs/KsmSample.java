package org.ksmstudio.live.sysfs;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reading of every present file of {@code /sys/kernel/mm/ksm}, taken together.
 *
 * @param nanoTime  {@link System#nanoTime()} when the reading started, for intervals
 * @param wallTime  the wall-clock time of the reading
 * @param values    normalized values by file (see {@link KsmSysfsFile#normalize(String)});
 *                  files missing on this kernel are absent
 */
public record KsmSample(long nanoTime, Instant wallTime, Map<KsmSysfsFile, String> values) {

	public KsmSample {
		EnumMap<KsmSysfsFile, String> copy = new EnumMap<>(KsmSysfsFile.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	/** Whether the file was present and readable. */
	public boolean has(KsmSysfsFile file) {
		return values.containsKey(file);
	}

	/** The normalized text of a file, if present. */
	public Optional<String> text(KsmSysfsFile file) {
		return Optional.ofNullable(values.get(file));
	}

	/** The value as a number (see {@link KsmSysfsFile#toNumber(String)}), if present. */
	public OptionalLong find(KsmSysfsFile file) {
		String text = values.get(file);
		return text == null ? OptionalLong.empty() : OptionalLong.of(file.toNumber(text));
	}

	/**
	 * The value as a number.
	 *
	 * @throws NoSuchElementException when this kernel has no such file
	 */
	public long value(KsmSysfsFile file) {
		OptionalLong v = find(file);
		if (v.isEmpty()) {
			throw new NoSuchElementException(file.fileName() + " is not present on this kernel");
		}
		return v.getAsLong();
	}

	/** The value, or {@code fallback} where the kernel has no such file. */
	public long valueOr(KsmSysfsFile file, long fallback) {
		return find(file).orElse(fallback);
	}

	/** Whether any KSM page is in use: the condition under which the kernel refuses some writes with EBUSY. */
	public boolean hasSharedPages() {
		return valueOr(KsmSysfsFile.PAGES_SHARED, 0) != 0;
	}
}
