package org.ksmstudio.live.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.reference.ReferenceCase;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;
import org.ksmstudio.live.proc.KsmdThread;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.sysfs.ApplyPlan;
import org.ksmstudio.live.sysfs.ApplyPlanner;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.KsmTimeSeries;
import org.ksmstudio.live.sysfs.KsmUnavailableException;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.live.sysfs.RestoreReport;
import org.ksmstudio.live.sysfs.WriteOutcome;

/**
 * Runs a case on the real kernel and records it in the terms of the reference format: takes
 * the experiment lock, snapshots the tunables ({@link RestoreGuard}), unmerges (run=2), writes
 * the case's tunables, starts its processes ({@link GeneratedWorkload}), then
 * performs each phase and waits for the counters to settle ({@link ConvergenceWatcher}).
 * The generators are ended and the previous tunables restored and verified afterwards, also
 * when a phase fails or the replay is cancelled. Writes /sys: call only on a user's explicit
 * request (needs root).
 */
public final class ReplayRunner {

	/**
	 * How a replay runs.
	 *
	 * @param restoreFile             where the tunables snapshot is kept during the replay
	 * @param lockFile                experiment lock taken for the whole replay, or null for none
	 * @param lockTimeout             how long to wait for the lock
	 * @param phaseTimeout            longest wait for a phase to settle; the phase is then recorded as not converged
	 * @param pollInterval            time between counter readings while waiting
	 * @param seriesInterval          time between samples kept in each phase's series
	 * @param generatorCacheDirectory where the compiled workload generator is kept
	 */
	public record Options(Path restoreFile, @Nullable Path lockFile, Duration lockTimeout, Duration phaseTimeout,
			Duration pollInterval, Duration seriesInterval, Path generatorCacheDirectory) {

		/** The application's defaults: restore file in the home directory, no lock, 5 minutes per phase. */
		public static Options defaults() {
			return new Options(RestoreGuard.defaultRestoreFile(), null, Duration.ofMinutes(5), Duration.ofMinutes(5),
					Duration.ofMillis(10), Duration.ofMillis(100), WorkloadGenerator.defaultCacheDirectory());
		}

		public Options withRestoreFile(Path file) {
			return new Options(file, lockFile, lockTimeout, phaseTimeout, pollInterval, seriesInterval,
					generatorCacheDirectory);
		}

		public Options withLockFile(Path file) {
			return new Options(restoreFile, file, lockTimeout, phaseTimeout, pollInterval, seriesInterval,
					generatorCacheDirectory);
		}

		public Options withPhaseTimeout(Duration timeout) {
			return new Options(restoreFile, lockFile, lockTimeout, timeout, pollInterval, seriesInterval,
					generatorCacheDirectory);
		}

		public Options withGeneratorCacheDirectory(Path directory) {
			return new Options(restoreFile, lockFile, lockTimeout, phaseTimeout, pollInterval, seriesInterval,
					directory);
		}
	}

	private static final Set<KsmSysfsFile> WATCHED = EnumSet.of(KsmSysfsFile.FULL_SCANS, KsmSysfsFile.PAGES_SCANNED,
			KsmSysfsFile.PAGES_SKIPPED, KsmSysfsFile.RUN, KsmSysfsFile.PAGES_SHARED, KsmSysfsFile.PAGES_SHARING, KsmSysfsFile.PAGES_UNSHARED,
			KsmSysfsFile.PAGES_VOLATILE, KsmSysfsFile.STABLE_NODE_CHAINS, KsmSysfsFile.STABLE_NODE_DUPS, KsmSysfsFile.KSM_ZERO_PAGES,
			KsmSysfsFile.GENERAL_PROFIT);

	/** The vmstat events of huge pages split and splits refused, as the reference format's phase vmstat. */
	private static final List<String> THP_EVENTS = ReferenceCase.Phase.VMSTAT_EVENTS;

	private final KsmSysfs sysfs;
	private final KsmSysfsWriter writer;
	private final ProcessKsmReader proc;
	private final Options options;
	/** ksmd, found when a case starts (empty on a kernel or fake tree without it) */
	private Optional<KsmdThread> ksmd = Optional.empty();
	/**
	 * When the previous phase ended on a full scan: the reading that saw that scan and the reading before it
	 * (the scan ended between them), System.nanoTime; -1 when it did not
	 */
	private long endSeenNanos = -1;
	private long endBeforeNanos = -1;

	/**
	 * @param sysfs   the kernel's KSM directory
	 * @param proc    the kernel's proc, for the generators' ksm_stat
	 * @param options how to run
	 */
	public ReplayRunner(KsmSysfs sysfs, ProcessKsmReader proc, Options options) {
		this.sysfs = sysfs;
		this.writer = new KsmSysfsWriter(sysfs);
		this.proc = proc;
		this.options = options;
	}

	/**
	 * Runs one case.
	 *
	 * @param replayCase the case
	 * @param listener   progress, or a no-op listener
	 * @param cancelled  polled while waiting; when true the replay stops with a {@link CancellationException}
	 *                   (after restoring)
	 * @return the recorded phases
	 * @throws KsmUnavailableException when KSM is absent or not writable, a tunable of the case is
	 *                                 refused, or the restore could not be verified
	 */
	public RecordedCase run(ReplayCase replayCase, ReplayListener listener, BooleanSupplier cancelled)
			throws IOException, InterruptedException {
		KsmAccess access = sysfs.access();
		if (!access.canWrite()) {
			throw new KsmUnavailableException(access.message());
		}
		Path binary = WorkloadGenerator.binary(options.generatorCacheDirectory());
		Path lockFile = options.lockFile();
		// the lock is held for the whole block
		try (@Nullable ExperimentLock lock = lockFile == null ? null
				: ExperimentLock.acquire(lockFile, options.lockTimeout())) {
			RestoreGuard guard = RestoreGuard.begin(writer, options.restoreFile());
			GeneratedWorkload processes = null;
			RecordedCase recorded;
			try {
				processes = setUp(replayCase, binary);
				ksmd = KsmdThread.find(proc.root());
				long cpu = ksmdCpuNanos();
				@Nullable Double cpuBeforeStart = cpu < 0 ? null : Math.round(cpu / 1e5) / 1e4;
				List<RecordedPhase> phases = new ArrayList<>();
				Map<String, Long> eventsBefore = hugeOrPinned(replayCase) ? thpEvents() : Map.of();
				endSeenNanos = -1;
				for (ReplayCase.Phase phase : replayCase.phases()) {
					listener.phaseStarted(replayCase, phase);
					RecordedPhase done = runPhase(replayCase, phase, processes, listener, cancelled);
					if (!eventsBefore.isEmpty()) {
						done = done.withVmstat(since(eventsBefore, thpEvents()));
					}
					phases.add(done);
					listener.phaseFinished(replayCase, done);
				}
				recorded = new RecordedCase(replayCase, phases, cpuBeforeStart);
			} finally {
				if (processes != null) {
					processes.close();
				}
				RestoreReport report = guard.restore();
				listener.restored(report);
				if (!report.verified()) {
					throw new KsmUnavailableException(NLS.bind(Messages.REPLAY_NOT_RESTORED, replayCase.name(),
							String.join("; ", report.mismatches()))); //$NON-NLS-1$
				}
			}
			return recorded;
		}
	}

	private GeneratedWorkload setUp(ReplayCase replayCase, Path binary) throws IOException {
		requireOk(replayCase, writer.write(KsmSysfsFile.RUN, "2"));
		Map<KsmSysfsFile, String> tunables = new LinkedHashMap<>(replayCase.tunables());
		tunables.remove(KsmSysfsFile.RUN);
		ApplyPlan plan = ApplyPlanner.plan(tunables, sysfs.sample());
		for (ApplyPlan.Step step : plan.steps()) {
			requireOk(replayCase, writer.write(step.file(), step.value()));
		}
		return GeneratedWorkload.start(replayCase.workload(), binary, options.generatorCacheDirectory());
	}

	private static void requireOk(ReplayCase replayCase, WriteOutcome outcome) throws KsmUnavailableException {
		if (!outcome.isOk()) {
			throw new KsmUnavailableException("case " + replayCase.name() + ": " + outcome.message()
					+ outcome.fix().map(f -> ". " + f).orElse(""));
		}
	}

	private RecordedPhase runPhase(ReplayCase replayCase, ReplayCase.Phase phase, GeneratedWorkload processes,
			ReplayListener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
		// each phase is measured from the end of its action (a run=2 in a sysfs action resets full_scans)
		switch (phase.action()) {
		case PhaseAction.Start s -> {
			requireOk(replayCase, writer.write(KsmSysfsFile.RUN, "1"));
			return converge(phase.name(), phase.action(), List.of(), Map.of(), sysfs.sample(WATCHED), processes,
					listener, cancelled);
		}
		case PhaseAction.Write w -> {
			List<WorkloadProcess> generators = processes.generators();
			for (WorkloadProcess process : w.inEveryProcess() ? generators : generators.subList(0, 1)) {
				process.write(w.fromPage(), w.toPage(), w.every(), w.unique());
			}
			return converge(phase.name(), phase.action(), List.of(), Map.of(), sysfs.sample(WATCHED), processes,
					listener, cancelled);
		}
		case PhaseAction.Wait w -> {
			waitFor(w, sysfs.sample(WATCHED), cancelled);
			if (w.fullScans() instanceof Long scans && scans > 0) {
				// waitFor kept the readings around the last scan: the next phase's delay counts from there
				// a wait of N full scans is a snapshot right after the N-th, without a convergence wait
				KsmSample after = sysfs.sample(WATCHED);
				listener.sampled(after);
				Map<String, Long> expect = RecordedPhase.countersOf(after);
				expect.put(KsmSysfsFile.FULL_SCANS.fileName(), after.valueOr(KsmSysfsFile.FULL_SCANS, 0));
				return new RecordedPhase(phase.name(), phase.action(), List.of(), expect, Map.of(), true, null, null,
						null, perProcess(processes), null);
			}
			return converge(phase.name(), phase.action(), List.of(), Map.of(), sysfs.sample(WATCHED), processes,
					listener, cancelled);
		}
		case PhaseAction.Sysfs s -> {
			List<WriteOutcome> outcomes = new ArrayList<>();
			List<PhaseAction.SysfsWrite> observed = new ArrayList<>();
			for (PhaseAction.SysfsWrite write : s.writes()) {
				WriteOutcome outcome = writer.write(write.file(), write.value());
				outcomes.add(outcome);
				observed.add(new PhaseAction.SysfsWrite(write.file(), write.value(), outcome.result().referenceName()));
			}
			KsmSample start = sysfs.sample(WATCHED);
			Map<KsmSysfsFile, String> readBack = new EnumMap<>(KsmSysfsFile.class);
			for (PhaseAction.SysfsWrite write : s.writes()) {
				readBack.put(write.file(), sysfs.read(write.file()));
			}
			PhaseAction action = new PhaseAction.Sysfs(observed);
			if ("1".equals(sysfs.read(KsmSysfsFile.RUN))) {
				return converge(phase.name(), action, outcomes, readBack, start, processes, listener, cancelled);
			}
			Thread.sleep(1000);
			endSeenNanos = -1;
			KsmSample after = sysfs.sample(WATCHED);
			listener.sampled(after);
			Map<String, Long> expect = RecordedPhase.countersOf(after);
			expect.put(KsmSysfsFile.FULL_SCANS.fileName(), after.valueOr(KsmSysfsFile.FULL_SCANS, 0));
			return new RecordedPhase(phase.name(), action, outcomes, expect, readBack, true, null, null, null,
					perProcess(processes), null);
		}
		}
	}

	/** Sleeps the wait's seconds, then until full_scans advanced by its full scans since {@code start}. */
	private void waitFor(PhaseAction.Wait wait, KsmSample start, BooleanSupplier cancelled)
			throws IOException, InterruptedException {
		Double seconds = wait.seconds();
		Long fullScans = wait.fullScans();
		long until = start.nanoTime() + (long) ((seconds == null ? 0 : seconds) * 1e9);
		long deadline = until + options.phaseTimeout().toNanos();
		long scans = fullScans == null ? 0 : fullScans;
		long firstScan = start.valueOr(KsmSysfsFile.FULL_SCANS, 0);
		long before = start.nanoTime();
		while (true) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException(Messages.REPLAY_CANCELLED);
			}
			KsmSample now = sysfs.sample(WATCHED);
			if (now.nanoTime() >= until && now.valueOr(KsmSysfsFile.FULL_SCANS, 0) - firstScan >= scans) {
				endSeenNanos = scans > 0 ? now.nanoTime() : -1;
				endBeforeNanos = before;
				return;
			}
			before = now.nanoTime();
			if (now.nanoTime() > deadline) {
				throw new KsmUnavailableException(NLS.bind(Messages.REPLAY_NO_FULL_SCANS, Long.toString(scans),
						Long.toString(options.phaseTimeout().toSeconds())));
			}
			Thread.sleep(options.pollInterval().toMillis());
		}
	}

	private RecordedPhase converge(String name, PhaseAction action, List<WriteOutcome> outcomes,
			Map<KsmSysfsFile, String> readBack, KsmSample start, GeneratedWorkload processes, ReplayListener listener,
			BooleanSupplier cancelled)
			throws IOException, InterruptedException {
		long cpuAtStart = ksmdCpuNanos();
		long cpuAtLastChange = cpuAtStart;
		boolean ksmdSleeps = ksmdSleeps();
		@Nullable Double actionDelay = endSeenNanos < 0 ? null
				: Math.round((start.nanoTime() - (endBeforeNanos + endSeenNanos) / 2) / 1e5) / 1e4;
		endSeenNanos = -1;
		long before = start.nanoTime();
		ConvergenceWatcher watcher = new ConvergenceWatcher(start);
		KsmTimeSeries series = new KsmTimeSeries(
				(int) Math.min(100_000, options.phaseTimeout().toMillis() / Math.max(1, options.seriesInterval().toMillis()) + 2));
		series.add(start);
		long lastKept = start.nanoTime();
		long deadline = start.nanoTime() + options.phaseTimeout().toNanos();
		boolean converged;
		while (true) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException(NLS.bind(Messages.REPLAY_CANCELLED_IN_PHASE, name));
			}
			Thread.sleep(options.pollInterval().toMillis());
			long cpuBefore = ksmdCpuNanos();
			boolean runningBefore = ksmdRunning();
			KsmSample sample = sysfs.sample(WATCHED);
			long cpu = ksmdCpuNanos();
			if (ksmdSleeps && BatchReading.insideBatch(runningBefore, cpuBefore, ksmdRunning(), cpu)
					&& sample.nanoTime() <= deadline) {
				// a reading inside a batch is not what a batch ended with: neither a change nor a settled state
				continue;
			}
			listener.sampled(sample);
			if (sample.nanoTime() - lastKept >= options.seriesInterval().toNanos()) {
				series.add(sample);
				lastKept = sample.nanoTime();
			}
			boolean settled = watcher.offer(sample);
			if (watcher.latestIsLastChange()) {
				cpuAtLastChange = cpu;
			}
			if (settled) {
				converged = true;
				endSeenNanos = sample.nanoTime();
				endBeforeNanos = before;
				break;
			}
			before = sample.nanoTime();
			if (sample.nanoTime() > deadline) {
				converged = false;
				break;
			}
		}
		series.add(watcher.latest());
		RecordedPhase recorded = new RecordedPhase(name, action, outcomes, RecordedPhase.countersOf(watcher.latest()),
				readBack, converged, watcher.fullScansToLastChange(), watcher.pagesScannedToLastChange(),
				watcher.secondsToLastChange(),
				cpuAtStart < 0 || cpuAtLastChange < 0 ? null : Math.round((cpuAtLastChange - cpuAtStart) / 1e5) / 1e4,
				perProcess(processes), series);
		return actionDelay == null ? recorded : recorded.withActionDelay(actionDelay);
	}

	/** Whether a region of the case has transparent huge pages or pinned pages. */
	private static boolean hugeOrPinned(ReplayCase replayCase) {
		return replayCase.workload().processes().stream().flatMap(p -> p.regions().stream())
				.anyMatch(r -> r.backing().hugePages() > 0 || r.backing().pinnedPages() > 0);
	}

	/**
	 * The THP events of {@code /proc/vmstat} that ksmd causes ({@link #THP_EVENTS}), machine-wide; empty
	 * when the file cannot be read.
	 */
	private Map<String, Long> thpEvents() throws IOException {
		Map<String, Long> events = new LinkedHashMap<>();
		Path vmstat = proc.root().resolve("vmstat");
		if (!Files.isReadable(vmstat)) {
			return events;
		}
		for (String line : Files.readAllLines(vmstat)) {
			String[] words = line.split(" ");
			if (words.length == 2 && THP_EVENTS.contains(words[0])) {
				events.put(words[0], Long.parseLong(words[1]));
			}
		}
		return events;
	}

	private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
		Map<String, Long> delta = new LinkedHashMap<>();
		for (String event : THP_EVENTS) {
			if (before.containsKey(event) && now.containsKey(event)) {
				delta.put(event, now.get(event) - before.get(event));
			}
		}
		return delta;
	}

	/**
	 * Whether ksmd sleeps between batches: with sleep_millisecs 0 it hardly ever does, and every reading is
	 * taken as it is.
	 */
	private boolean ksmdSleeps() {
		try {
			return !"0".equals(sysfs.read(KsmSysfsFile.SLEEP_MILLISECS));
		} catch (KsmUnavailableException unreadable) {
			return true;
		}
	}

	/** Whether ksmd is inside a batch now (state R); false when it is not known. */
	private boolean ksmdRunning() {
		return ksmd.map(KsmdThread::running).orElse(false);
	}

	/** ksmd's CPU time now, ns, or -1 when it cannot be read. */
	private long ksmdCpuNanos() {
		return ksmd.map(k -> k.cpuNanos().orElse(-1)).orElse(-1L);
	}

	private List<Map<String, Long>> perProcess(GeneratedWorkload processes) throws IOException {
		List<Map<String, Long>> values = new ArrayList<>();
		for (int pid : processes.pids()) {
			values.add(proc.read(pid).map(RecordedPhase::perProcessOf).orElse(Map.of()));
		}
		return values;
	}
}
