package org.ksmstudio.live.sysfs;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.proc.ProcessScan;

/**
 * Samples every KSM counter and tunable of the running kernel at a fixed interval (one
 * second for the Live view) on a daemon thread, into a {@link KsmTimeSeries}, and tells
 * listeners. Optionally also scans the processes' {@code ksm_stat}. Read only.
 */
public final class KsmSampler implements AutoCloseable {

	/** What one tick read. */
	public record Tick(KsmSample sample, Optional<ProcessScan> processes) {
	}

	private final KsmSysfs sysfs;
	private final @Nullable ProcessKsmReader processes;
	private final Duration interval;
	private final KsmTimeSeries series;
	private final List<Consumer<Tick>> listeners = new CopyOnWriteArrayList<>();
	private final List<Consumer<IOException>> errorListeners = new CopyOnWriteArrayList<>();
	private @Nullable ScheduledExecutorService executor;

	/**
	 * @param sysfs     the KSM directory to read
	 * @param processes reader of per-process stats, or {@code null} to sample only sysfs
	 * @param interval  time between samples
	 * @param capacity  samples kept in the series
	 */
	public KsmSampler(KsmSysfs sysfs, @Nullable ProcessKsmReader processes, Duration interval, int capacity) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("sampling interval must be positive, was " + interval);
		}
		this.sysfs = sysfs;
		this.processes = processes;
		this.interval = interval;
		this.series = new KsmTimeSeries(capacity);
	}

	/** A sampler of this machine every second, keeping one hour, with processes. */
	public static KsmSampler system() {
		return new KsmSampler(KsmSysfs.system(), ProcessKsmReader.system(), Duration.ofSeconds(1), 3600);
	}

	/** The samples taken so far. */
	public KsmTimeSeries series() {
		return series;
	}

	/** Called on the sampling thread after each sample. */
	public void addListener(Consumer<Tick> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<Tick> listener) {
		listeners.remove(listener);
	}

	/** Called on the sampling thread when a sample fails (KSM absent, proc unreadable). */
	public void addErrorListener(Consumer<IOException> listener) {
		errorListeners.add(listener);
	}

	/** Starts sampling at once and then every interval; does nothing if started. */
	public synchronized void start() {
		if (executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "KSM sampler " + sysfs.directory());
			t.setDaemon(true);
			return t;
		});
		started.scheduleAtFixedRate(this::tickQuietly, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
		executor = started;
	}

	/** Takes one sample now on the calling thread, adds it to the series and tells the listeners. */
	public Tick sampleNow() throws IOException {
		KsmSample sample = sysfs.sample();
		ProcessKsmReader reader = processes;
		Optional<ProcessScan> scan = reader == null ? Optional.empty() : Optional.of(reader.scan());
		series.add(sample);
		Tick tick = new Tick(sample, scan);
		listeners.forEach(l -> l.accept(tick));
		return tick;
	}

	private void tickQuietly() {
		try {
			sampleNow();
		} catch (IOException e) {
			errorListeners.forEach(l -> l.accept(e));
		} catch (RuntimeException e) {
			errorListeners.forEach(l -> l.accept(new IOException(e)));
		}
	}

	/** Whether sampling runs. */
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/** Stops sampling; the series stays readable. */
	@Override
	public synchronized void close() {
		ScheduledExecutorService running = executor;
		if (running != null) {
			running.shutdownNow();
			executor = null;
		}
	}
}
