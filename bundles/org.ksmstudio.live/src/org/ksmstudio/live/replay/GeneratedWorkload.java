package org.ksmstudio.live.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ContentSharing;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.scenario.Workload;

/**
 * The processes of a {@link Workload} running on this machine, started in the workload's order
 * (which is KSM's registration order, as in the engine's scenario loader): each process is a
 * {@link WorkloadProcess} that maps and fills its regions in order (huge-page regions aligned to
 * 2 MiB with MADV_HUGEPAGE, their huge pages checked), pins their pinned pages and starts their
 * volatile writers; a fork (after the fill) is forked from its parent's generator and shares its pages
 * copy-on-write. Contents are equal exactly where the engine's are: the same content space, content
 * index or id, and salt (the pid, for salted groups). Closing it ends every generator and child.
 */
public final class GeneratedWorkload implements AutoCloseable {

	private final List<WorkloadProcess> generators = new ArrayList<>();
	private final List<Integer> pids = new ArrayList<>();

	private GeneratedWorkload() {
	}

	/**
	 * Starts {@code workload}'s processes.
	 *
	 * @param binary    the generator ({@link WorkloadGenerator#binary})
	 * @param directory where the temporary files of captured contents go
	 * @throws IllegalArgumentException naming what the generator cannot reproduce (checked before anything starts)
	 */
	public static GeneratedWorkload start(Workload workload, Path binary, Path directory) throws IOException {
		requireReplayable(workload);
		GeneratedWorkload running = new GeneratedWorkload();
		try {
			Map<Integer, WorkloadProcess> byPid = new HashMap<>();
			for (ProcessSpec p : workload.processes()) {
				if (p.forkOf() != 0) {
					running.pids.add(byPid.get(p.forkOf()).fork());
					continue;
				}
				WorkloadProcess process = WorkloadProcess.start(binary);
				running.generators.add(process);
				running.pids.add(process.pid());
				byPid.put(p.pid(), process);
				for (MergeableRegion r : p.regions()) {
					if (r.backing().hugePages() > 0) {
						process.mapHuge(r.pages());
					} else {
						process.map(r.pages());
					}
					fill(process, r, p.pid(), directory);
					back(process, p, r);
					Volatility v = r.volatility();
					long count = v.volatilePages(r.pages());
					if (v.pagesPerSecond() > 0 && count > 0) {
						process.startVolatileWrites(v.pagesPerSecond(), count, v.fraction(), v.content());
					}
				}
				process.selectRegion(0);
			}
			return running;
		} catch (IOException | RuntimeException e) {
			running.close();
			throw e;
		}
	}

	/**
	 * Checks that the generator can reproduce {@code workload}: every region MADV_MERGEABLE, no KVM
	 * guest, forks after the fill.
	 *
	 * @throws IllegalArgumentException naming what it cannot reproduce, as one line
	 */
	public static void requireReplayable(Workload workload) {
		for (ProcessSpec p : workload.processes()) {
			if (p.kvm()) {
				throw new IllegalArgumentException("process " + p.pid() + " is a KVM guest");
			}
			if (p.forkOf() != 0 && p.forkPoint() != ForkPoint.AFTER_FILL) {
				throw new IllegalArgumentException("process " + p.pid()
						+ " is forked before the fill (the generator forks after it)");
			}
			for (MergeableRegion r : p.regions()) {
				if (r.mode() != MergeMode.MADV_MERGEABLE) {
					throw new IllegalArgumentException("process " + p.pid() + "'s region " + r.name() + " is "
							+ r.mode() + ", not MADV_MERGEABLE");
				}
			}
		}
	}

	/**
	 * Checks that the kernel faulted the region's huge pages in as 2 MiB transparent huge pages (it
	 * falls back to 4 KiB pages when THP is off or no 2 MiB block is free), then pins its pinned pages.
	 */
	private static void back(WorkloadProcess process, ProcessSpec p, MergeableRegion r) throws IOException {
		long huge = r.backing().hugePageSubpages();
		if (huge > 0) {
			long got = process.hugeSubpages();
			if (got != huge) {
				throw new IOException("process " + p.pid() + "'s region " + r.name() + ": the kernel backed " + got
						+ " of its pages with transparent huge pages, not the " + huge + " of its huge_pages ("
						+ r.backing().hugePages() + "); /sys/kernel/mm/transparent_hugepage/enabled must allow madvise");
			}
		}
		if (r.backing().pinnedPages() > 0) {
			process.pin(0, r.backing().pinnedPages());
		}
	}

	private static void fill(WorkloadProcess process, MergeableRegion r, int pid, Path directory)
			throws IOException {
		long page = 0;
		for (ContentGroup g : r.groups()) {
			long key = key(g, pid);
			switch (g.kind()) {
			case DUPLICATES -> process.duplicates(page, g.distinctContents(), g.copiesPerContent(), g.layout(), key);
			case UNIQUE -> process.unique(page, g.pages());
			case ZERO -> process.zero(page, g.pages());
			case EXPLICIT -> process.contents(page, g.explicitIds(), key, directory);
			}
			page += g.pages();
		}
	}

	/** The generator's content space of a group: its space name and, when salted, the pid. */
	private static long key(ContentGroup g, int pid) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < g.contentSpace().length(); i++) {
			h = (h ^ g.contentSpace().charAt(i)) * 0x100000001b3L;
		}
		long salt = g.sharing() == ContentSharing.SALTED ? pid : 0;
		return h ^ (salt + 1) * 0x9E3779B97F4A7C15L;
	}

	/** The pids of the workload's processes, in its order (forks included). */
	public List<Integer> pids() {
		return List.copyOf(pids);
	}

	/** The generators (the processes that are not forks), in the workload's order. */
	public List<WorkloadProcess> generators() {
		return List.copyOf(generators);
	}

	/** Ends every generator (its children die with it). */
	@Override
	public void close() {
		generators.forEach(WorkloadProcess::close);
	}
}
