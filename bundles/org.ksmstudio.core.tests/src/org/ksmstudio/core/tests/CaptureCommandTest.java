package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.headless.HeadlessMain;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.ConvergenceWatcher;
import org.ksmstudio.live.replay.ReplayWorkload.Layout;
import org.ksmstudio.live.replay.WorkloadGenerator;
import org.ksmstudio.live.replay.WorkloadProcess;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.CapturedContent;
import org.ksmstudio.model.scenario.Scenario;

/**
 * {@code --capture} end to end on this machine's kernel: processes of the workload generator
 * with known contents (several processes, contents shared between them, unique and zero pages,
 * a forked child, a transparent-huge-page region) merged by the real ksmd, captured, and the
 * captured scenario simulated to the counters the kernel reached. As root, holding the
 * experiment lock; every tunable is restored.
 */
class CaptureCommandTest {

	@TempDir
	Path dir;

	private final List<WorkloadProcess> processes = new ArrayList<>();
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@AfterEach
	void end() {
		processes.forEach(WorkloadProcess::close);
	}

	private WorkloadProcess start() throws IOException {
		WorkloadProcess p = WorkloadProcess.start(WorkloadGenerator.binary(dir.resolve("cache")));
		processes.add(p);
		return p;
	}

	private int capture(String... args) {
		List<String> line = new ArrayList<>(List.of("--headless", "--capture"));
		line.addAll(List.of(args));
		return HeadlessMain.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aCaptureOfMergedProcessesSimulatesToTheKernelsCounters() throws Exception {
		KsmSysfs sysfs = KsmSysfs.system();
		assumeTrue(sysfs.access().canWrite(), "needs a writable /sys/kernel/mm/ksm (root): " + sysfs.access().message());
		try (ExperimentLock lock = ExperimentLock.acquire(ExperimentLock.defaultFile(), Duration.ofMinutes(10));
				RestoreGuard guard = RestoreGuard.begin(new KsmSysfsWriter(sysfs), dir.resolve("restore.properties"))) {
			KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
			assertTrue(writer.write(KsmSysfsFile.RUN, "2").isOk());
			assertTrue(writer.write(KsmSysfsFile.PAGES_TO_SCAN, "1000").isOk());
			assertTrue(writer.write(KsmSysfsFile.SLEEP_MILLISECS, "10").isOk());
			assertTrue(writer.write(KsmSysfsFile.MAX_PAGE_SHARING, "256").isOk());
			WorkloadProcess a = start();
			a.map(300);
			a.fill(10, 20, Layout.BLOCK, 50, 30, 0);
			WorkloadProcess b = start();
			b.map(150);
			b.fill(10, 5, Layout.INTERLEAVE, 40, 10, 0);
			int child = b.fork();
			WorkloadProcess h = start();
			h.mapHuge(1024);
			h.fill(4, 128, Layout.BLOCK, 0, 512, 7);
			assertTrue(writer.write(KsmSysfsFile.RUN, "1").isOk());
			KsmSample settled = ConvergenceWatcher.await(sysfs, Duration.ofMillis(20), Duration.ofMinutes(2)).latest();
			assertTrue(settled.value(KsmSysfsFile.PAGES_SHARING) > 0, "the kernel merged: " + settled.values());

			Path file = dir.resolve("merged.ksm");
			int code = capture(a.pid() + "," + b.pid() + "," + child + "," + h.pid(), "--out", file.toString(),
					"--window", "0");

			assertEquals(0, code, printed());
			String printed = printed();
			assertTrue(printed.contains("captured 4 processes: 1504 pages read, 104 distinct contents"), printed);
			assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+pages_sharing\\s+(\\d+)\\s+\\1\\s+same")), printed);
			assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+pid " + child + " ksm_merging_pages\\s+(\\d+)\\s+\\1\\s+same")),
					printed);
			assertTrue(printed.lines().anyMatch(l -> l.matches("verdict: (\\d+) of \\1 counters equal.*")), printed);
			assertTrue(Files.size(ContentIdsFile.besides(file)) < 20_000, "page-contents file size");

			ScenarioModel.init();
			Scenario model = ScenarioResources.load(file);
			assertEquals(3, model.getWorkload().getProcesses().size(), "the child is a fork of its parent");
			assertEquals(child, model.getWorkload().getProcesses().get(1).getForks().get(0).getFirstPid());
			CapturedContent captured = (CapturedContent) model.getWorkload().getProcesses().get(0).getRegions().get(0)
					.getContents().get(0);
			assertEquals(280, captured.getPages());
			assertEquals(60, captured.getDistinct());
			assertEquals(300, model.getWorkload().getProcesses().get(0).getRegions().get(0).getSizePages());
			var huge = model.getWorkload().getProcesses().get(2).getRegions().get(0);
			assertEquals(1024, huge.getSizePages());
			assertEquals(512, ((CapturedContent) huge.getContents().get(0)).getPages(),
					"the zero-filled huge page is mapped to the zero page (split as underused), which ksmd skips");
		}
	}

	@Test
	void badCommandLinesAreOneLine() {
		assertEquals(2, capture("--out", dir.resolve("x.ksm").toString()));
		assertEquals("ksmstudio: --capture needs the process ids; usage: ksmstudio --headless --capture PID[,PID...] --out FILE.ksm [--window DURATION] [--all-anonymous]",
				err.toString(StandardCharsets.UTF_8).strip());
		err.reset();
		assertEquals(2, capture("12,x", "--out", dir.resolve("x.ksm").toString()));
		assertEquals("ksmstudio: --capture: 'x' is not a process id", err.toString(StandardCharsets.UTF_8).strip());
		err.reset();
		assertEquals(2, capture("1", "--out", dir.resolve("no/such/dir/x.ksm").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).strip().startsWith("ksmstudio: --out "), printed());
		err.reset();
		assertEquals(2, capture("999999999", "--out", dir.resolve("x.ksm").toString(), "--window", "0"));
		assertEquals("ksmstudio: Cannot capture process 999999999: there is no such process", err.toString(StandardCharsets.UTF_8).strip());
		assertTrue(!Files.exists(dir.resolve("x.ksm")));
		err.reset();
		assertEquals(2, capture("1", "--out", dir.toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).strip().startsWith("ksmstudio: --out " + dir + ": is a directory"), printed());
		err.reset();
		assertEquals(2, capture("1", "--out", dir.resolve("x.ksm").toString(), "--window", "2h"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--window"), printed());
		err.reset();
		assertEquals(2, capture("1", "--out", dir.resolve("x.ksm").toString(), "--bogus"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bogus"), printed());
	}

	@Test
	void aProcessEvenRootMayNotReadIsNamedWithoutAskingForRoot() throws IOException {
		assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")), "not root");
		int pid = unreadableByRoot();
		assumeTrue(pid > 0, "every process here is readable by root");
		assertEquals(2, capture(Integer.toString(pid), "--out", dir.resolve("x.ksm").toString(), "--window", "0"));
		String printed = err.toString(StandardCharsets.UTF_8).strip();
		assertTrue(printed.startsWith("ksmstudio: Cannot capture process " + pid + ": ") && printed.contains("even as root")
				&& !printed.contains("needs root") && printed.lines().count() == 1, printed);
		assertTrue(!Files.exists(dir.resolve("x.ksm")));
	}

	/** A process whose smaps root cannot read (ptrace access refused, e.g. a container's init), or 0. */
	private static int unreadableByRoot() throws IOException {
		try (var entries = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) entries::iterator) {
				String name = p.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					Files.readAllBytes(p.resolve("smaps"));
				} catch (java.nio.file.AccessDeniedException e) {
					return Integer.parseInt(name);
				} catch (IOException e) {
					// gone meanwhile
				}
			}
		}
		return 0;
	}
}
