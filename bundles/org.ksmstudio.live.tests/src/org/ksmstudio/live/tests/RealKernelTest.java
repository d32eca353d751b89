package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayListener;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.replay.ReplayWorkload;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.PendingSnapshot;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.live.sysfs.RestoreReport;
import org.ksmstudio.live.sysfs.TunableSnapshot;
import org.ksmstudio.live.sysfs.WriteOutcome;
import org.ksmstudio.live.sysfs.WriteResult;

/**
 * Runs small replays on the machine's own kernel. Writes /sys/kernel/mm/ksm, so it runs only
 * where that is writable (root) and skips with the reason otherwise; holds the experiment lock
 * for the whole class, and checks after every test that every tunable reads as before.
 */
class RealKernelTest {

	private static final KsmSysfs SYSFS = KsmSysfs.system();
	private static ExperimentLock lock;

	@TempDir
	Path temp;

	private TunableSnapshot before;

	@BeforeAll
	static void takeTheKernel() throws Exception {
		KsmAccess access = SYSFS.access();
		if (!access.canWrite()) {
			System.out.println("RealKernelTest skipped: " + access.message());
		}
		assumeTrue(access.canWrite(), "needs a writable /sys/kernel/mm/ksm (root): " + access.message());
		Path lockFile = ExperimentLock.defaultFile();
		lock = ExperimentLock.acquire(lockFile, Duration.ofMinutes(10));
	}

	@AfterAll
	static void releaseTheKernel() throws Exception {
		if (lock != null) {
			lock.close();
		}
	}

	@BeforeEach
	void snapshot() throws Exception {
		before = TunableSnapshot.capture(SYSFS);
	}

	@AfterEach
	void everyTunableIsAsBefore() throws Exception {
		assertEquals(before, TunableSnapshot.capture(SYSFS), "the kernel's KSM tunables were not restored");
		assertTrue(ProcessHandle.current().children().noneMatch(
				p -> p.isAlive() && p.info().command().map(c -> c.contains("ksm-workload")).orElse(false)),
				"a workload generator outlived its replay");
	}

	private ReplayRunner runner() {
		return new ReplayRunner(SYSFS, ProcessKsmReader.system(),
				ReplayRunner.Options.defaults().withRestoreFile(temp.resolve("restore.properties"))
						.withGeneratorCacheDirectory(temp.resolve("cache")).withPhaseTimeout(Duration.ofSeconds(20)));
	}

	/** A reference case sped up: more pages per wake-up and shorter sleeps change timing, not counters. */
	private static ReplayCase fast(ReplayCase c) {
		Map<KsmSysfsFile, String> tunables = new LinkedHashMap<>(c.tunables());
		tunables.put(KsmSysfsFile.PAGES_TO_SCAN, "1000");
		tunables.put(KsmSysfsFile.SLEEP_MILLISECS, "10");
		return new ReplayCase(c.name(), tunables, c.workload(), c.phases());
	}

	@Test
	void replaysAReferenceCaseWithRuntimeSysfsWritesExactly() throws Exception {
		ReferenceDocument reference = ReferenceFormat.read(ReferenceData.kernelReference());
		RecordedCase expected = reference.cases().stream()
				.filter(c -> c.replayCase().name().equals("i_2000x1_runtime_sysfs")).findFirst().orElseThrow();
		List<String> seen = new ArrayList<>();
		RecordedCase actual = runner().run(fast(expected.replayCase()), new ReplayListener() {
			@Override
			public void phaseFinished(ReplayCase c, RecordedPhase p) {
				seen.add(p.name());
			}
		}, () -> false);

		assertEquals(expected.phases().size(), actual.phases().size());
		assertEquals(expected.phases().stream().map(RecordedPhase::name).toList(), seen);
		for (int i = 0; i < expected.phases().size(); i++) {
			RecordedPhase want = expected.phases().get(i);
			RecordedPhase got = actual.phases().get(i);
			assertTrue(got.converged(), got.name() + " did not converge");
			assertEquals(want.expect(), got.expect(), got.name());
			assertEquals(want.tunablesReadBack(), got.tunablesReadBack(), got.name());
			assertEquals(want.perProcess(), got.perProcess(), got.name());
			assertEquals(want.action(), got.action(), got.name() + ": each write's result");
		}
		WriteOutcome busy = actual.phases().get(1).outcomes().get(0);
		assertEquals(WriteResult.EBUSY, busy.result());
		assertTrue(busy.fix().orElseThrow().contains("write 2 to run"), busy.fix().toString());
		assertEquals(WriteResult.EINVAL, actual.phases().get(3).outcomes().get(0).result());
		RecordedPhase start = actual.phases().get(0);
		assertTrue(start.fullScansToLastChange() >= 1 && start.fullScansToLastChange() <= 2,
				"full scans to the last change: " + start.fullScansToLastChange());
		assertTrue(start.series().size() > 1);

		Path out = temp.resolve("recorded.json");
		ReferenceFormat.write(new ReferenceDocument("test", 4096, ReferenceDocument.HOW_RECORDED, "", List.of(actual),
				List.of()), out);
		assertEquals(actual.phases().get(4).expect(),
				ReferenceFormat.read(out).cases().get(0).phases().get(4).expect());
	}

	/**
	 * Every format-2 case (unequal processes, forks after the fill, volatile writers, a captured
	 * scenario's duplicate structure) reaches on this kernel exactly the counters and ksm_stat values
	 * recorded, at the recorded tunables (a faster scan would let volatile pages settle between writes).
	 */
	@Test
	void replaysEveryShapeOfTheFormat2FileExactly() throws Exception {
		ReferenceDocument reference = ReferenceFormat.read(ReferenceData.shapesReference());
		assertTrue(reference.cases().size() >= 4, "a case of each shape");
		replaysExactly(reference);
	}

	/**
	 * Every case of transparent huge pages and pinned pages reaches the recorded counters, ksm_stat
	 * values and THP split events (thp_split_page, thp_split_page_failed) on this kernel; skipped when
	 * THP is not available for MADV_HUGEPAGE regions.
	 */
	@Test
	void replaysEveryHugeAndPinnedCaseExactly() throws Exception {
		Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
		assumeTrue(Files.isReadable(thp) && !Files.readString(thp).contains("[never]"),
				"needs transparent huge pages for MADV_HUGEPAGE regions");
		ReferenceDocument reference = ReferenceFormat.read(ReferenceData.hugeAndPinnedReference());
		assertTrue(reference.cases().size() >= 5, "huge pages, mixed, pinned, pinned and forked, zero subpages");
		replaysExactly(reference);
	}

	private void replaysExactly(ReferenceDocument reference) throws Exception {
		for (RecordedCase expected : reference.cases()) {
			RecordedCase actual = runner().run(expected.replayCase(), new ReplayListener() {
			}, () -> false);
			for (int i = 0; i < expected.phases().size(); i++) {
				RecordedPhase want = expected.phases().get(i);
				RecordedPhase got = actual.phases().get(i);
				String at = expected.replayCase().name() + "/" + got.name();
				assertTrue(got.converged(), at + " did not converge");
				assertEquals(comparable(want.expect()), comparable(got.expect()), at);
				assertEquals(want.perProcess(), got.perProcess(), at);
				assertEquals(want.vmstat(), got.vmstat(), at);
			}
		}
	}

	/** The counters of a phase, with pages_unshared and pages_volatile as their sum (smart_scan moves pages between them). */
	private static Map<String, Long> comparable(Map<String, Long> expect) {
		Map<String, Long> m = new LinkedHashMap<>(expect);
		m.put("pages_unshared+pages_volatile", m.getOrDefault("pages_unshared", 0L) + m.getOrDefault("pages_volatile", 0L));
		m.remove("pages_unshared");
		m.remove("pages_volatile");
		return m;
	}

	@Test
	void replaysCopyOnWriteOfEveryThirdPage() throws Exception {
		Map<KsmSysfsFile, String> tunables = new LinkedHashMap<>();
		tunables.put(KsmSysfsFile.MAX_PAGE_SHARING, "256");
		tunables.put(KsmSysfsFile.PAGES_TO_SCAN, "1000");
		tunables.put(KsmSysfsFile.SLEEP_MILLISECS, "10");
		tunables.put(KsmSysfsFile.SMART_SCAN, "1");
		ReplayCase cow = new ReplayCase("cow3", tunables,
				new ReplayWorkload(1, 3000, 1, 3000, ReplayWorkload.Layout.BLOCK, 0, 0, true),
				List.of(new ReplayCase.Phase("initial", new PhaseAction.Start()),
						new ReplayCase.Phase("after_cow", new PhaseAction.Write(0, 3000, 3, true, true)),
						new ReplayCase.Phase("plus_half_a_second", new PhaseAction.Wait(0.5, null)),
						new ReplayCase.Phase("plus_3_scans", new PhaseAction.Wait(null, 3L))));
		RecordedCase recorded = runner().run(cow, new ReplayListener() {
		}, () -> false);
		Map<String, Long> initial = recorded.phases().get(0).expect();
		assertEquals(12, initial.get("pages_shared")); // ceil(3000 / 256) dups
		assertEquals(2988, initial.get("pages_sharing"));
		assertEquals(12, initial.get("stable_node_dups"));
		Map<String, Long> afterCow = recorded.phases().get(1).expect();
		assertEquals(12, afterCow.get("pages_shared"));
		assertEquals(2000 - 12, afterCow.get("pages_sharing"));
		assertEquals(1000, afterCow.get("pages_unshared") + afterCow.get("pages_volatile"));
		assertEquals(2000, recorded.phases().get(1).perProcess().get(0).get("ksm_merging_pages"));
		for (RecordedPhase wait : recorded.phases().subList(2, 4)) {
			assertTrue(wait.converged(), wait.name());
			assertEquals(afterCow.get("pages_sharing"), wait.expect().get("pages_sharing"), wait.name());
		}
	}

	@Test
	void aCancelledReplayRestoresTheKernel() throws Exception {
		ReplayCase c = new ReplayCase("cancel", Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "16", KsmSysfsFile.PAGES_TO_SCAN, "50"),
				new ReplayWorkload(2, 1000, 1, 1000, ReplayWorkload.Layout.BLOCK, 0, 0, true),
				List.of(new ReplayCase.Phase("initial", new PhaseAction.Start())));
		AtomicInteger samples = new AtomicInteger();
		List<RestoreReport> restores = new ArrayList<>();
		assertThrows(CancellationException.class, () -> runner().run(c, new ReplayListener() {
			@Override
			public void sampled(KsmSample sample) {
				samples.incrementAndGet();
			}

			@Override
			public void restored(RestoreReport report) {
				restores.add(report);
			}
		}, () -> samples.get() >= 20));
		assertEquals(1, restores.size());
		assertTrue(restores.get(0).verified(), restores.get(0).mismatches().toString());
		// everyTunableIsAsBefore() checks the kernel itself
	}

	@Test
	void aPendingRestoreFileIsRecovered() throws Exception {
		KsmSysfsWriter writer = new KsmSysfsWriter(SYSFS);
		Path restoreFile = temp.resolve("pending.properties");
		TunableSnapshot.capture(SYSFS).store(restoreFile);
		try {
			assertTrue(writer.write(KsmSysfsFile.SLEEP_MILLISECS, "37").isOk());
			assertTrue(writer.write(KsmSysfsFile.STABLE_NODE_CHAINS_PRUNE_MILLISECS, "1234").isOk());
			WriteOutcome invalid = writer.write(KsmSysfsFile.MAX_PAGE_SHARING, "1");
			assertEquals(WriteResult.EINVAL, invalid.result());
			assertEquals(before.values().get(KsmSysfsFile.MAX_PAGE_SHARING), invalid.valueAfter().orElseThrow());
		} finally {
			RestoreReport report = RestoreGuard.recoverPending(writer, restoreFile).orElseThrow();
			assertTrue(report.verified(), report.mismatches().toString());
		}
		assertFalse(Files.exists(restoreFile));
	}

	@Test
	void aPendingSnapshotIsRecoveredAtTheStartOfACommand() throws Exception {
		KsmSysfsWriter writer = new KsmSysfsWriter(SYSFS);
		Path restoreFile = temp.resolve("killed.properties");
		TunableSnapshot.capture(SYSFS).store(restoreFile);
		assertTrue(writer.write(KsmSysfsFile.SLEEP_MILLISECS, "41").isOk());
		// the class holds the real experiment lock; the recovery takes its own
		PendingSnapshot.Outcome outcome = PendingSnapshot
				.recover(SYSFS, restoreFile, temp.resolve("recovery.lock"), Duration.ofSeconds(10)).orElseThrow();
		assertEquals(PendingSnapshot.Kind.RESTORED, outcome.kind(), outcome.detail());
		assertEquals(before.values().get(KsmSysfsFile.SLEEP_MILLISECS), SYSFS.read(KsmSysfsFile.SLEEP_MILLISECS));
		assertFalse(Files.exists(restoreFile));
		assertTrue(PendingSnapshot.recover(SYSFS, restoreFile, temp.resolve("recovery.lock"), Duration.ofSeconds(10))
				.isEmpty(), "nothing pending any more");
	}
}
