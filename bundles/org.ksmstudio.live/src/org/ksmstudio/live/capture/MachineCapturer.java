package org.ksmstudio.live.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.live.Messages;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.proc.Vma;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmUnavailableException;
import org.ksmstudio.live.topology.KernelConfig;
import org.ksmstudio.live.topology.NumaTopology;
import org.ksmstudio.live.topology.NumaTopologyReader;

/**
 * Captures running processes for a scenario: their KSM-scannable VMAs (or every anonymous
 * private VMA), the NUMA placement of each, the duplicate structure of their present pages
 * (contents reduced to fingerprints and numbered, never kept), which pages are KSM pages and
 * huge pages now, which pages are written over a window, and the kernel's KSM tunables, counters
 * and topology. Reads only, except {@code /proc/PID/clear_refs} (soft-dirty reset) where the
 * kernel tracks soft-dirty bits.
 */
public final class MachineCapturer {

	private final Path proc;
	private final ProcessKsmReader reader;
	private final NumaTopologyReader topologyReader;
	private final KsmSysfs sysfs;

	/**
	 * @param sys  where sysfs is mounted (normally {@code /sys})
	 * @param proc where proc is mounted (normally {@code /proc})
	 */
	public MachineCapturer(Path sys, Path proc) {
		this(sys, proc, new KsmSysfs(sys.resolve("kernel/mm/ksm")));
	}

	/**
	 * @param sys   where sysfs is mounted (normally {@code /sys})
	 * @param proc  where proc is mounted (normally {@code /proc})
	 * @param sysfs the KSM directory
	 */
	public MachineCapturer(Path sys, Path proc, KsmSysfs sysfs) {
		this.proc = proc;
		this.reader = new ProcessKsmReader(proc);
		this.topologyReader = new NumaTopologyReader(sys, proc);
		this.sysfs = sysfs;
	}

	/** A capturer of this machine. */
	public static MachineCapturer system() {
		return new MachineCapturer(Path.of("/sys"), Path.of("/proc"));
	}

	/** One process being captured. */
	private static final class Target {
		final int pid;
		final ProcessStatus status;
		final @Nullable ProcessKsmStat stat;
		final List<Vma> vmas;
		final Map<Long, Map<Integer, Long>> numa;
		final List<RegionReader.Pass> passes = new ArrayList<>();
		final List<RegionReader.Pass> later = new ArrayList<>();

		Target(int pid, ProcessStatus status, @Nullable ProcessKsmStat stat, List<Vma> vmas, Map<Long, Map<Integer, Long>> numa) {
			this.pid = pid;
			this.status = status;
			this.stat = stat;
			this.vmas = vmas;
			this.numa = numa;
		}
	}

	/**
	 * Captures the processes.
	 *
	 * @throws IOException naming the process and file when a process is absent or not readable
	 * @throws CancellationException when {@code cancelled} became true
	 */
	public MachineCapture capture(CaptureOptions options, CaptureListener listener, BooleanSupplier cancelled)
			throws IOException, InterruptedException {
		NumaTopology topology = topologyReader.read();
		int pageSize = (int) topology.pageSizeBytes();
		List<String> warnings = new ArrayList<>();
		List<Target> targets = new ArrayList<>();
		long total = 0;
		for (int pid : new LinkedHashSet<>(options.pids())) {
			Target t = target(pid, options.allAnonymous());
			targets.add(t);
			total += t.vmas.stream().mapToLong(v -> v.sizeBytes() / pageSize).sum();
		}
		KernelPageFlags flags = pageFlags(warnings);
		boolean softDirty = !options.window().isZero() && softDirtySupported(warnings)
				&& clearSoftDirty(targets, warnings);
		long[] done = { 0 };
		long grandTotal = total;
		long startNanos = System.nanoTime();
		long readNanos;
		try {
			for (Target t : targets) {
				listener.step(NLS.bind(Messages.CAPTURE_STEP_PROCESS, Integer.toString(t.pid), t.status.name()));
				readAll(t, flags, pageSize, null, n -> listener.pages(done[0] += n, grandTotal), cancelled);
			}
			readNanos = System.nanoTime() - startNanos;
			if (!options.window().isZero()) {
				listener.step(NLS.bind(Messages.CAPTURE_STEP_WINDOW, options.window().toMillis() / 1000.0));
				sleep(options.window(), cancelled);
				listener.step(Messages.CAPTURE_STEP_VOLATILE);
				for (Target t : targets) {
					readAll(t, flags, pageSize, t.passes, n -> {
					}, cancelled);
				}
			}
		} finally {
			if (flags != null) {
				flags.close();
			}
		}
		long pagesRead = targets.stream().flatMap(t -> t.passes.stream()).mapToLong(p -> p.presentCount).sum();
		if (flags != null
				&& targets.stream().flatMap(t -> t.passes.stream()).anyMatch(p -> p.pfnsHidden && p.presentCount > 0)) {
			warnings.add(Messages.CAPTURE_PFNS_HIDDEN);
		}
		ContentNumbering numbering = new ContentNumbering();
		List<CapturedProcess> processes = new ArrayList<>();
		for (Target t : targets) {
			processes.add(process(t, numbering, softDirty, pageSize));
		}
		processes = withForks(processes);
		KsmSample ksm = null;
		try {
			ksm = sysfs.sample();
		} catch (KsmUnavailableException e) {
			warnings.add(e.getMessage());
		}
		otherKsmProcesses(targets, warnings);
		return new MachineCapture(topology, ksm, processes, numbering.size(), options.window(), pagesRead, readNanos,
				warnings);
	}

	/** A warning when processes that were not captured use KSM: the kernel's counters include them. */
	private void otherKsmProcesses(List<Target> targets, List<String> warnings) throws IOException {
		java.util.Set<Integer> captured = new java.util.HashSet<>();
		targets.forEach(t -> captured.add(t.pid));
		List<String> others = new ArrayList<>();
		for (ProcessKsmStat stat : reader.scan().processes()) {
			if (!captured.contains(stat.pid()) && (stat.mergingPages() > 0 || stat.rmapItems() > 0)) {
				others.add(stat.pid() + " " + stat.command());
			}
		}
		if (!others.isEmpty()) {
			warnings.add(NLS.bind(Messages.CAPTURE_OTHER_KSM_PROCESSES, Integer.toString(others.size()),
					String.join(", ", others.subList(0, Math.min(5, others.size())))
							+ (others.size() > 5 ? ", ..." : "")));
		}
	}

	private Target target(int pid, boolean allAnonymous) throws IOException {
		Path dir = proc.resolve(Integer.toString(pid));
		if (!Files.isDirectory(dir)) {
			throw new IOException(NLS.bind(Messages.CAPTURE_NO_PROCESS, Integer.toString(pid)));
		}
		try {
			ProcessStatus status = ProcessStatus.read(dir.resolve("status"));
			Optional<ProcessKsmStat> stat = reader.read(pid);
			List<Vma> vmas = new ArrayList<>();
			boolean mergeAny = stat.map(ProcessKsmStat::mergeAny).orElse(false);
			for (Vma v : reader.vmas(pid)) {
				if (v.mergeable() || (allAnonymous || mergeAny) && v.anonymousPrivate()) {
					vmas.add(v);
				}
			}
			return new Target(pid, status, stat.isPresent() ? stat.get() : null, vmas, NumaMaps.read(dir.resolve("numa_maps")));
		} catch (AccessDeniedException e) {
			throw denied(pid, e);
		} catch (NoSuchFileException e) {
			throw new IOException(NLS.bind(Messages.CAPTURE_NO_PROCESS, Integer.toString(pid)), e);
		}
	}

	private IOException denied(int pid, IOException e) {
		String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile()
				: String.valueOf(e.getMessage());
		String message = runsAsRoot() ? Messages.CAPTURE_DENIED_AS_ROOT : Messages.CAPTURE_DENIED;
		return new IOException(NLS.bind(message, Integer.toString(pid), file), e);
	}

	/** Whether this process runs as root: the owner of {@code /proc/self} is its effective uid. */
	private boolean runsAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(proc.resolve("self"), "unix:uid")); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return false;
		}
	}

	private void readAll(Target t, @Nullable KernelPageFlags flags, int pageSize,
			@Nullable List<RegionReader.Pass> earlier,
			java.util.function.LongConsumer progress, BooleanSupplier cancelled) throws IOException {
		Path dir = proc.resolve(Integer.toString(t.pid));
		try (FileChannel pagemap = FileChannel.open(dir.resolve("pagemap"), StandardOpenOption.READ);
				FileChannel mem = FileChannel.open(dir.resolve("mem"), StandardOpenOption.READ)) {
			RegionReader regions = new RegionReader(pagemap, mem, flags, pageSize);
			for (int i = 0; i < t.vmas.size(); i++) {
				Vma v = t.vmas.get(i);
				RegionReader.Pass pass = regions.read(v.start(), v.end(), earlier == null ? null : earlier.get(i),
						progress, cancelled);
				(earlier == null ? t.passes : t.later).add(pass);
			}
		} catch (AccessDeniedException e) {
			throw denied(t.pid, e);
		} catch (NoSuchFileException e) {
			throw new IOException(NLS.bind(Messages.CAPTURE_NO_PROCESS, Integer.toString(t.pid)), e);
		}
	}

	private CapturedProcess process(Target t, ContentNumbering numbering, boolean softDirty, int pageSize) {
		List<CapturedRegion> regions = new ArrayList<>();
		// Pages mapped to the zero page are not anonymous pages and ksmd skips them, except the
		// process's KSM zero pages (use_zero_pages), which stay zero-filled pages of the region.
		long ksmZeroPages = t.stat == null ? 0 : Math.max(0, t.stat.zeroPages());
		for (int i = 0; i < t.vmas.size(); i++) {
			Vma v = t.vmas.get(i);
			RegionReader.Pass pass = t.passes.get(i);
			int[] ids = new int[pass.presentCount];
			int n = 0;
			for (int k = 0; k < pass.presentCount; k++) {
				long fingerprint = pass.fingerprints[k];
				if (fingerprint != RegionReader.ZERO_PAGE_MAPPED) {
					ids[n++] = numbering.id(fingerprint);
				} else if (ksmZeroPages > 0) {
					ksmZeroPages--;
					ids[n++] = 0;
				}
			}
			ids = java.util.Arrays.copyOf(ids, n);
			long written = 0;
			if (softDirty) {
				written = t.later.get(i).softDirty;
			} else if (!t.later.isEmpty()) {
				long[] after = t.later.get(i).fingerprints;
				for (int k = 0; k < after.length; k++) {
					written += after[k] != pass.fingerprints[k] ? 1 : 0;
				}
			}
			boolean flagsRead = !pass.pfnsHidden || pass.presentCount == 0;
			regions.add(new CapturedRegion(v.start(), v.end(), v.name(), v.mergeable(), ids, pass.notFaulted,
					pass.swapped, flagsRead ? pass.ksm : -1, flagsRead ? pass.thp : -1, flagsRead ? pass.zeroPage : -1,
					written, t.numa.getOrDefault(v.start(), Map.of()), pass.frameSignature));
		}
		return new CapturedProcess(t.pid, t.status.parentPid(), t.status.name(), t.stat, 0, regions);
	}

	/**
	 * Marks as a fork each process whose parent was captured too and whose regions are the
	 * parent's: the same ranges mapping the same frames ({@link CapturedRegion#frameSignature()})
	 * with the same contents. That is a child forked after the fill that has not written yet.
	 */
	static List<CapturedProcess> withForks(List<CapturedProcess> processes) {
		Map<Integer, CapturedProcess> byPid = new HashMap<>();
		processes.forEach(p -> byPid.put(p.pid(), p));
		List<CapturedProcess> result = new ArrayList<>();
		for (CapturedProcess p : processes) {
			CapturedProcess parent = byPid.get(p.parentPid());
			boolean fork = parent != null && parent.pid() != p.pid() && !p.regions().isEmpty()
					&& parent.regions().size() == p.regions().size();
			for (int i = 0; fork && i < p.regions().size(); i++) {
				CapturedRegion a = p.regions().get(i);
				CapturedRegion b = parent.regions().get(i);
				fork = a.start() == b.start() && a.end() == b.end() && a.frameSignature() != 0
						&& a.frameSignature() == b.frameSignature() && java.util.Arrays.equals(a.contentIds(), b.contentIds());
			}
			result.add(fork ? new CapturedProcess(p.pid(), p.parentPid(), p.command(), p.stat(), parent.pid(), p.regions())
					: p);
		}
		return result;
	}

	private @Nullable KernelPageFlags pageFlags(List<String> warnings) {
		try {
			return KernelPageFlags.open(proc);
		} catch (IOException e) {
			warnings.add(NLS.bind(Messages.CAPTURE_NO_PAGE_FLAGS,
					e instanceof AccessDeniedException ? "permission denied" : e.getMessage()));
			return null;
		}
	}

	/** Whether the kernel config (/proc/config.gz or /boot/config-RELEASE) has CONFIG_MEM_SOFT_DIRTY=y. */
	private boolean softDirtySupported(List<String> warnings) {
		boolean supported = KernelConfig.read(proc).map(c -> c.isSet("CONFIG_MEM_SOFT_DIRTY")).orElse(false);
		if (!supported) {
			warnings.add(Messages.CAPTURE_NO_SOFT_DIRTY);
		}
		return supported;
	}

	/** {@code echo 4 > /proc/PID/clear_refs} for each process; false (with a warning) when one fails. */
	private boolean clearSoftDirty(List<Target> targets, List<String> warnings) {
		for (Target t : targets) {
			try {
				Files.writeString(proc.resolve(t.pid + "/clear_refs"), "4", StandardCharsets.US_ASCII,
						StandardOpenOption.WRITE);
			} catch (IOException e) {
				warnings.add(NLS.bind(Messages.CAPTURE_CLEAR_REFS_FAILED, Integer.toString(t.pid), e.getMessage()));
				return false;
			}
		}
		return true;
	}

	private static void sleep(java.time.Duration window, BooleanSupplier cancelled) throws InterruptedException {
		long until = System.nanoTime() + window.toNanos();
		for (long left; (left = until - System.nanoTime()) > 0;) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException("capture cancelled");
			}
			Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
		}
	}
}
