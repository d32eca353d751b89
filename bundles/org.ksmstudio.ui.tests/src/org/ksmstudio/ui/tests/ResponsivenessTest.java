package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.run.ScenarioRun;
import org.ksmstudio.ui.internal.views.CountersView;
import org.ksmstudio.ui.internal.views.LatencyView;
import org.ksmstudio.ui.internal.views.RmapChainsView;
import org.ksmstudio.ui.internal.views.TunablesView;

/**
 * Measures how long the UI thread is busy at a time while a 1-million-page scenario (8 KVM guests
 * of 512 MiB) runs as fast as possible with every view open: a probe posts a runnable with
 * {@code asyncExec} every 5 ms and records how late it runs; the worst delay bounds the longest
 * task the UI thread ran. The figures are printed and written to target/ui-responsiveness.txt
 * (docs/performance.md quotes them). Wall time depends on the machine's load and is only reported;
 * the test asserts that the probe ran throughout and that no runnable took more than 50 ms of the UI
 * thread's CPU time (work done, whatever else the machine runs).
 */
class ResponsivenessTest extends WorkbenchTestCase {

	/** The most CPU time one task may take on the UI thread: 50 ms (issue 10). */
	private static final long MAX_TASK_CPU_NANOS = 50_000_000L;

	/**
	 * Times every runnable posted with {@code asyncExec} (the views' updates among them) on the UI
	 * thread: wall time and the UI thread's CPU time, so that time lost to other processes on a
	 * loaded machine can be told from work done.
	 */
	private static final class TimingSynchronizer extends org.eclipse.swt.widgets.Synchronizer {
		final org.eclipse.swt.widgets.Synchronizer original;
		private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long count;
		long longestWall;
		long longestCpu;
		String longestName = ""; //$NON-NLS-1$
		long overWall;
		long overCpu;
		long mostCpu;
		String mostCpuName = ""; //$NON-NLS-1$

		TimingSynchronizer(Display display, org.eclipse.swt.widgets.Synchronizer original) {
			super(display);
			this.original = original;
		}

		@Override
		protected void asyncExec(Runnable runnable) {
			if (runnable == null) {
				super.asyncExec(null);
				return;
			}
			super.asyncExec(() -> {
				long wall = System.nanoTime();
				long cpu = threads.getCurrentThreadCpuTime();
				try {
					runnable.run();
				} finally {
					record(runnable, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu);
				}
			});
		}

		private void record(Runnable runnable, long wall, long cpu) {
			count++;
			if (wall > 50_000_000L) {
				overWall++;
			}
			if (cpu > MAX_TASK_CPU_NANOS) {
				overCpu++;
			}
			if (cpu > mostCpu) {
				mostCpu = cpu;
				mostCpuName = runnable.toString();
			}
			if (wall > longestWall) {
				longestWall = wall;
				longestCpu = cpu;
				longestName = runnable.toString();
			}
		}
	}

	/** Longest garbage-collection pause while it listens (GC notifications of the platform MBeans). */
	private static final class GcPauses implements javax.management.NotificationListener {
		private final java.util.List<javax.management.NotificationEmitter> emitters = new java.util.ArrayList<>();
		private long count;
		private long longest;

		GcPauses() {
			for (java.lang.management.GarbageCollectorMXBean bean : java.lang.management.ManagementFactory
					.getGarbageCollectorMXBeans()) {
				if (bean instanceof javax.management.NotificationEmitter emitter) {
					emitter.addNotificationListener(this, null, null);
					emitters.add(emitter);
				}
			}
		}

		@Override
		public synchronized void handleNotification(javax.management.Notification notification, Object handback) {
			if (notification.getUserData() instanceof javax.management.openmbean.CompositeData data
					&& data.get("gcInfo") instanceof javax.management.openmbean.CompositeData info //$NON-NLS-1$
					&& !String.valueOf(data.get("gcName")).contains("Concurrent")) { //$NON-NLS-1$ //$NON-NLS-2$
				count++;
				longest = Math.max(longest, (Long) info.get("duration")); //$NON-NLS-1$
			}
		}

		synchronized void stop() {
			for (javax.management.NotificationEmitter emitter : emitters) {
				try {
					emitter.removeNotificationListener(this);
				} catch (javax.management.ListenerNotFoundException e) {
					// already gone
				}
			}
		}

		synchronized long count() {
			return count;
		}

		synchronized long longestMillis() {
			return longest;
		}
	}

	@Test
	void uiThreadStaysFreeDuringAMillionPageRun() throws IOException {
		ScenarioEditor editor = TestScenarios.open(ui, TestScenarios.copyExample("vm-consolidation.ksm", folder)); //$NON-NLS-1$
		TestScenarios.showView(ui, TunablesView.ID, TunablesView.class);
		TestScenarios.showView(ui, RmapChainsView.ID, RmapChainsView.class);
		TestScenarios.showView(ui, LatencyView.ID, LatencyView.class);
		TestScenarios.showView(ui, CountersView.ID, CountersView.class);
		ui.run(() -> TestScenarios.page().activate(editor));

		Display display = ui.display();
		long[] delays = new long[200_000];
		int[] count = { 0 };
		int[] stalls = { 0 };
		AtomicBoolean probing = new AtomicBoolean(true);
		Thread probe = new Thread(() -> {
			while (probing.get()) {
				long posted = System.nanoTime();
				AtomicBoolean ran = new AtomicBoolean();
				display.asyncExec(() -> {
					synchronized (delays) {
						if (count[0] < delays.length) {
							delays[count[0]++] = System.nanoTime() - posted;
						}
					}
					ran.set(true);
				});
				boolean reported = false;
				while (!ran.get() && probing.get()) {
					LockSupport.parkNanos(200_000L);
					if (!reported && System.nanoTime() - posted > 50_000_000L && stalls[0] < 5) {
						reported = true;
						stalls[0]++;
						StringBuilder trace = new StringBuilder("UI thread busy for 50 ms, at:\n"); //$NON-NLS-1$
						for (StackTraceElement frame : display.getThread().getStackTrace()) {
							trace.append("    ").append(frame).append('\n'); //$NON-NLS-1$
							if (trace.length() > 6000) {
								break;
							}
						}
						System.out.print(trace);
					}
				}
				LockSupport.parkNanos(5_000_000L);
			}
		}, "ui-latency-probe"); //$NON-NLS-1$
		probe.setDaemon(true);
		probe.start();

		TimingSynchronizer timing = ui.sync(() -> {
			TimingSynchronizer t = new TimingSynchronizer(display, display.getSynchronizer());
			display.setSynchronizer(t);
			return t;
		});
		GcPauses gc = new GcPauses();
		long started = System.nanoTime();
		TestScenarios.command(ui, "org.ksmstudio.ui.command.run"); //$NON-NLS-1$
		ScenarioRun run = ui.sync(() -> editor.getRunSlot().current());
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "the run ends: " + run.status(), //$NON-NLS-1$
				java.time.Duration.ofMinutes(10));
		// let the views show the final sample
		ui.flush();
		probing.set(false);
		gc.stop();
		ui.run(() -> display.setSynchronizer(timing.original));
		long wall = System.nanoTime() - started;

		long[] sorted;
		synchronized (delays) {
			sorted = Arrays.copyOf(delays, count[0]);
		}
		Arrays.sort(sorted);
		assertTrue(sorted.length > 100, "the probe ran on the UI thread throughout the run: " + sorted.length); //$NON-NLS-1$
		long max = sorted[sorted.length - 1];
		long p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
		long pages = run.simulation().snapshot().processes().stream().mapToLong(p -> p.ksmRmapItems()).sum();
		String report = String.format(
				"vm-consolidation (1,048,576 pages, 8 KVM guests), as fast as possible, every view open:%n" //$NON-NLS-1$
						+ "  run: %.1f s wall for %.0f s simulated, %,d page scans, %,d rmap items at the end%n" //$NON-NLS-1$
						+ "  UI-thread probe every 5 ms: %d samples, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n" //$NON-NLS-1$
						+ "  GC pauses meanwhile (they stop the UI thread too): %d, longest %d ms%n" //$NON-NLS-1$
						+ "  asyncExec runnables on the UI thread: %d, longest %.2f ms wall (%.2f ms CPU) in %s; most CPU %.2f ms in %s; %d over 50 ms wall, %d over 50 ms CPU%n" //$NON-NLS-1$
						+ "  machine load average (1 min) at the end: %.2f on %d CPUs%n", //$NON-NLS-1$
				wall / 1e9, run.simulation().snapshot().timeNanos() / 1e9,
				run.simulation().snapshot().counters().pagesScanned(), pages, sorted.length,
				sorted[sorted.length / 2] / 1e6, p99 / 1e6, max / 1e6, gc.count(), gc.longestMillis(), timing.count,
				timing.longestWall / 1e6, timing.longestCpu / 1e6, timing.longestName, timing.mostCpu / 1e6,
				timing.mostCpuName, timing.overWall, timing.overCpu,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		System.out.print(report);
		Path target = Path.of(System.getProperty("user.home")).getParent().resolve("ui-responsiveness.txt"); //$NON-NLS-1$ //$NON-NLS-2$
		Files.writeString(target, report);
		assertTrue(timing.mostCpu <= MAX_TASK_CPU_NANOS,
				String.format("no UI-thread task over 50 ms of CPU: %s took %.2f ms (%d tasks over)", //$NON-NLS-1$
						timing.mostCpuName, timing.mostCpu / 1e6, timing.overCpu));
	}
}
