package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.capture.CaptureListener;
import org.ksmstudio.live.capture.CaptureOptions;
import org.ksmstudio.live.capture.CapturedProcess;
import org.ksmstudio.live.capture.CapturedRegion;
import org.ksmstudio.live.capture.MachineCapture;
import org.ksmstudio.live.capture.MachineCapturer;
import org.ksmstudio.live.replay.ReplayWorkload.Layout;
import org.ksmstudio.live.replay.WorkloadGenerator;
import org.ksmstudio.live.replay.WorkloadProcess;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSysfs;

/**
 * Captures processes of the project's workload generator with known contents: several
 * processes, contents shared between them, unique and zero pages, pages never faulted in, a
 * forked child and a transparent-huge-page region. As root (page frame numbers and
 * /proc/kpageflags), holding the experiment lock so that no other experiment's ksmd merges
 * these pages meanwhile.
 */
class CaptureTest {

	@TempDir
	Path temp;

	private ExperimentLock lock;
	private final List<WorkloadProcess> processes = new ArrayList<>();

	@BeforeEach
	void takeTheKernel() throws Exception {
		assumeTrue(KsmSysfs.system().access().canWrite(), "needs root: " + KsmSysfs.system().access().message());
		lock = ExperimentLock.acquire(ExperimentLock.defaultFile(), Duration.ofMinutes(10));
		assumeTrue("0".equals(KsmSysfs.system().read(org.ksmstudio.engine.sysfs.KsmSysfsFile.RUN).trim()),
				"ksmd must be stopped (run=0) so that it does not merge the captured pages");
	}

	@AfterEach
	void end() throws Exception {
		processes.forEach(WorkloadProcess::close);
		if (lock != null) {
			lock.close();
		}
	}

	private WorkloadProcess start() throws IOException {
		WorkloadProcess p = WorkloadProcess.start(WorkloadGenerator.binary(temp.resolve("cache")));
		processes.add(p);
		return p;
	}

	@Test
	void capturesTheDuplicateStructureOfKnownProcessesExactly() throws Exception {
		WorkloadProcess a = start();
		long aStart = a.map(300);
		a.fill(10, 20, Layout.BLOCK, 50, 30, 0); // 200 duplicates, 50 unique, 30 zero, 20 not faulted
		WorkloadProcess b = start();
		b.map(150);
		b.fill(10, 5, Layout.INTERLEAVE, 40, 10, 0); // the same 10 contents as a
		int child = b.fork();
		WorkloadProcess h = start();
		long hStart = h.mapHuge(1024);
		h.fill(4, 128, Layout.BLOCK, 0, 512, 7); // two huge pages: 4 other contents, then zeroes

		MachineCapture capture = MachineCapturer.system().capture(
				new CaptureOptions(List.of(a.pid(), b.pid(), child, h.pid()), Duration.ZERO, false),
				CaptureListener.NONE, () -> false);

		assertEquals(List.of(), capture.warnings().stream().filter(w -> !w.contains("soft-dirty")).toList());
		assertEquals(4, capture.processes().size());
		CapturedRegion ra = only(capture.processes().get(0));
		assertEquals(aStart, ra.start());
		assertEquals(280, ra.presentPages());
		assertEquals(20, ra.notFaulted());
		assertEquals(0, ra.ksmPages());
		assertEquals(0, ra.thpPages());
		int[] ids = ra.contentIds();
		for (int i = 0; i < 200; i++) {
			assertEquals(ids[i / 20 * 20], ids[i], "page " + i + " holds content " + i / 20);
		}
		Set<Integer> distinct = new HashSet<>();
		for (int i = 0; i < 250; i++) {
			distinct.add(ids[i]);
		}
		assertEquals(60, distinct.size(), "10 repeated contents and 50 unique ones");
		assertTrue(!distinct.contains(0));
		for (int i = 250; i < 280; i++) {
			assertEquals(0, ids[i], "zero page " + i);
		}

		CapturedProcess pb = capture.processes().get(1);
		int[] bIds = only(pb).contentIds();
		assertEquals(100, bIds.length);
		for (int i = 0; i < 50; i++) {
			assertEquals(ids[i % 10 * 20], bIds[i], "b's page " + i + " holds a's content " + i % 10);
		}
		for (int i = 50; i < 90; i++) {
			assertTrue(bIds[i] > 0 && !distinct.contains(bIds[i]), "b's unique page " + i);
		}
		assertEquals(0, pb.forkOf());

		CapturedProcess forked = capture.processes().get(2);
		assertEquals(b.pid(), forked.parentPid());
		assertEquals(b.pid(), forked.forkOf(), "the child maps its parent's frames");
		assertArrayEquals(bIds, only(forked).contentIds());

		CapturedRegion rh = only(capture.processes().get(3));
		assertEquals(hStart, rh.start());
		assertEquals(1024, rh.presentPages());
		assertEquals(1024, rh.thpPages(), "the MADV_HUGEPAGE region is two transparent huge pages");
		for (int i = 0; i < 512; i++) {
			assertEquals(rh.contentIds()[i / 128 * 128], rh.contentIds()[i]);
			assertTrue(rh.contentIds()[i] > 0 && !distinct.contains(rh.contentIds()[i]), "salted content " + i);
		}
		assertEquals(60 + 40 + 4, capture.contentCount());
		assertEquals(280 + 100 + 100 + 1024, capture.pagesRead());
		assertTrue(capture.pagesPerSecond() > 0);
		assertNotEquals(null, capture.ksm());
	}

	@Test
	void countsThePagesWrittenDuringTheWindow() throws Exception {
		WorkloadProcess a = start();
		a.map(100);
		a.fill(2, 40, Layout.BLOCK, 20, 0, 0);
		MachineCapture capture = MachineCapturer.system().capture(
				new CaptureOptions(List.of(a.pid()), Duration.ofMillis(300), false), new CaptureListener() {
					@Override
					public void step(String description) {
						if (description.startsWith("Watching")) {
							try {
								a.write(0, 30, 3, true); // 10 pages
							} catch (IOException e) {
								throw new IllegalStateException(e);
							}
						}
					}
				}, () -> false);
		assertEquals(10, only(capture.processes().get(0)).volatilePages());
	}

	@Test
	void refusesAMissingProcessInOneLineAndStopsWhenCancelled() throws Exception {
		IOException missing = assertThrows(IOException.class, () -> MachineCapturer.system()
				.capture(new CaptureOptions(List.of(999_999_999), Duration.ZERO, false), CaptureListener.NONE, () -> false));
		assertEquals("Cannot capture process 999999999: there is no such process", missing.getMessage());
		WorkloadProcess a = start();
		a.map(10);
		a.fill(1, 10, Layout.BLOCK, 0, 0, 0);
		assertThrows(CancellationException.class, () -> MachineCapturer.system()
				.capture(new CaptureOptions(List.of(a.pid()), Duration.ZERO, false), CaptureListener.NONE, () -> true));
	}

	private static CapturedRegion only(CapturedProcess p) {
		assertEquals(1, p.regions().size(), "process " + p.pid() + "'s regions");
		return p.regions().get(0);
	}
}
