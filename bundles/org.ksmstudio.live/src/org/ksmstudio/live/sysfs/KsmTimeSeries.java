package org.ksmstudio.live.sysfs;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every numeric KSM value over time, one column per file, as primitive arrays. Keeps the
 * latest {@code capacity} samples (older ones are dropped). Thread safe: the sampler appends,
 * views read copies.
 */
public final class KsmTimeSeries {

	/** The value stored where a sample lacks a file (missing on this kernel). */
	public static final long ABSENT = Long.MIN_VALUE;

	private final int capacity;
	private final long[] millis;
	private final long[][] columns = new long[KsmSysfsFile.values().length][];
	private final EnumSet<KsmSysfsFile> seen = EnumSet.noneOf(KsmSysfsFile.class);
	private long originNanos = -1;
	private int start;
	private int size;

	/** A series that keeps the last {@code capacity} samples. */
	public KsmTimeSeries(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
		this.millis = new long[capacity];
		for (int i = 0; i < columns.length; i++) {
			columns[i] = new long[capacity];
		}
	}

	/** Appends a sample; time is counted from the first sample ever appended. */
	public synchronized void add(KsmSample sample) {
		if (originNanos < 0) {
			originNanos = sample.nanoTime();
		}
		int slot;
		if (size < capacity) {
			slot = (start + size) % capacity;
			size++;
		} else {
			slot = start;
			start = (start + 1) % capacity;
		}
		millis[slot] = (sample.nanoTime() - originNanos) / 1_000_000;
		for (KsmSysfsFile file : KsmSysfsFile.values()) {
			long value = ABSENT;
			try {
				value = sample.find(file).orElse(ABSENT);
			} catch (NumberFormatException e) {
				// a value the kernel should not write: keep it absent
			}
			if (value != ABSENT) {
				seen.add(file);
			}
			columns[file.ordinal()][slot] = value;
		}
	}

	/** The number of samples kept. */
	public synchronized int size() {
		return size;
	}

	/** The files that had a value in at least one sample. */
	public synchronized Set<KsmSysfsFile> files() {
		return EnumSet.copyOf(seen.isEmpty() ? EnumSet.noneOf(KsmSysfsFile.class) : seen);
	}

	/** Milliseconds since the first sample, for each sample kept, oldest first. */
	public synchronized long[] times() {
		long[] out = new long[size];
		for (int i = 0; i < size; i++) {
			out[i] = millis[(start + i) % capacity];
		}
		return out;
	}

	/** The values of one file, oldest first; {@link #ABSENT} where a sample lacks it. */
	public synchronized long[] values(KsmSysfsFile file) {
		long[] column = columns[file.ordinal()];
		long[] out = new long[size];
		for (int i = 0; i < size; i++) {
			out[i] = column[(start + i) % capacity];
		}
		return out;
	}

	/** The latest value of a file, or {@link #ABSENT}. */
	public synchronized long latest(KsmSysfsFile file) {
		return size == 0 ? ABSENT : columns[file.ordinal()][(start + size - 1) % capacity];
	}

	@Override
	public synchronized String toString() {
		return "KsmTimeSeries[" + size + " samples, " + Arrays.toString(files().toArray()) + "]";
	}
}
