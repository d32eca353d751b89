package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.ApplyPlan;
import org.ksmstudio.live.sysfs.ApplyPlanner;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.live.sysfs.RestoreReport;
import org.ksmstudio.live.sysfs.TunableSnapshot;
import org.ksmstudio.live.sysfs.WriteOutcome;
import org.ksmstudio.live.sysfs.WriteResult;

class ApplyAndRestoreTest {

	@TempDir
	Path root;

	private static List<String> steps(ApplyPlan plan) {
		return plan.steps().stream().map(s -> s.file().fileName() + "=" + s.value()).toList();
	}

	@Test
	void sharingLimitsAreWrittenAfterAnUnmergeAndRunLast() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of(KsmSysfsFile.RUN, "1", KsmSysfsFile.PAGES_SHARED, "8")));
		Map<KsmSysfsFile, String> desired = new LinkedHashMap<>();
		desired.put(KsmSysfsFile.RUN, "1");
		desired.put(KsmSysfsFile.PAGES_TO_SCAN, "1000");
		desired.put(KsmSysfsFile.MAX_PAGE_SHARING, "512");
		desired.put(KsmSysfsFile.SLEEP_MILLISECS, "20"); // unchanged: not written
		ApplyPlan plan = ApplyPlanner.plan(desired, sysfs.sample());
		assertEquals(List.of("run=2", "max_page_sharing=512", "pages_to_scan=1000", "run=1"), steps(plan));
		assertTrue(plan.steps().get(0).reason().contains("EBUSY"));
	}

	@Test
	void noUnmergeWithoutSharedPages() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of()));
		ApplyPlan plan = ApplyPlanner.plan(Map.of(KsmSysfsFile.MERGE_ACROSS_NODES, "0"), sysfs.sample());
		assertEquals(List.of("merge_across_nodes=0"), steps(plan));
	}

	@Test
	void advisorModeComesBeforePagesToScanAndManagesIt() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of(KsmSysfsFile.ADVISOR_MODE, "none [scan-time]")));
		Map<KsmSysfsFile, String> toNone = new LinkedHashMap<>();
		toNone.put(KsmSysfsFile.PAGES_TO_SCAN, "300");
		toNone.put(KsmSysfsFile.ADVISOR_MODE, "none");
		assertEquals(List.of("advisor_mode=none", "pages_to_scan=300"), steps(ApplyPlanner.plan(toNone, sysfs.sample())));

		Map<KsmSysfsFile, String> toAdvisor = new LinkedHashMap<>();
		toAdvisor.put(KsmSysfsFile.ADVISOR_MODE, "scan-time");
		toAdvisor.put(KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN, "1000");
		toAdvisor.put(KsmSysfsFile.PAGES_TO_SCAN, "300");
		ApplyPlan plan = ApplyPlanner.plan(toAdvisor, null);
		assertEquals(List.of("advisor_min_pages_to_scan=1000", "advisor_mode=scan-time"), steps(plan));
		assertTrue(plan.notes().get(0).contains("advisor manages it"), plan.notes().toString());
	}

	@Test
	void writesAreReadBackAndErrnosAreNamed() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of()));
		KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
		WriteOutcome ok = writer.write(KsmSysfsFile.SLEEP_MILLISECS, "7");
		assertEquals(WriteResult.OK, ok.result());
		assertEquals("7", ok.valueAfter().orElseThrow());
		assertEquals(WriteResult.EACCES, writer.write(KsmSysfsFile.PAGES_SHARED, "1").result());
		Files.delete(sysfs.path(KsmSysfsFile.SMART_SCAN));
		WriteOutcome missing = writer.write(KsmSysfsFile.SMART_SCAN, "0");
		assertEquals(WriteResult.ENOENT, missing.result());
		assertTrue(missing.message().contains("not present"), missing.message());
	}

	@Test
	void restoreGuardPutsBackAndVerifies() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of(KsmSysfsFile.RUN, "1")));
		KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
		Path restoreFile = root.resolve("state/restore.properties");
		try (RestoreGuard guard = RestoreGuard.begin(writer, restoreFile)) {
			assertTrue(Files.exists(restoreFile), "the snapshot is on disk before any write");
			writer.write(KsmSysfsFile.SLEEP_MILLISECS, "0");
			writer.write(KsmSysfsFile.MAX_PAGE_SHARING, "16");
			writer.write(KsmSysfsFile.ADVISOR_MODE, "scan-time");
			writer.write(KsmSysfsFile.RUN, "0");
		}
		assertEquals("20", sysfs.read(KsmSysfsFile.SLEEP_MILLISECS));
		assertEquals("256", sysfs.read(KsmSysfsFile.MAX_PAGE_SHARING));
		assertEquals("1", sysfs.read(KsmSysfsFile.RUN));
		assertFalse(Files.exists(restoreFile), "the snapshot is deleted once the restore is verified");
	}

	@Test
	void aCrashedExperimentIsRecoveredAtTheNextStart() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of()));
		KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
		Path restoreFile = root.resolve("restore.properties");
		TunableSnapshot.capture(sysfs).store(restoreFile);
		writer.write(KsmSysfsFile.PAGES_TO_SCAN, "5000");
		writer.write(KsmSysfsFile.RUN, "1");
		RestoreReport report = RestoreGuard.recoverPending(writer, restoreFile).orElseThrow();
		assertTrue(report.verified(), report.mismatches().toString());
		// run was 0 before: unmerge first, so nothing merged meanwhile stays merged
		assertEquals("run=2", report.writes().get(0).file() + "=" + report.writes().get(0).value());
		assertEquals("0", sysfs.read(KsmSysfsFile.RUN));
		assertEquals("100", sysfs.read(KsmSysfsFile.PAGES_TO_SCAN));
		assertFalse(Files.exists(restoreFile));
		assertTrue(RestoreGuard.recoverPending(writer, restoreFile).isEmpty());
	}

	@Test
	void aRestoreThatDoesNotHoldIsReportedAndTheFileKept() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of()));
		KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
		Path restoreFile = root.resolve("restore.properties");
		TunableSnapshot.capture(sysfs).store(restoreFile);
		Files.delete(sysfs.path(KsmSysfsFile.SMART_SCAN)); // the restore cannot write it back
		RestoreReport report = RestoreGuard.recoverPending(writer, restoreFile).orElseThrow();
		assertFalse(report.verified());
		assertTrue(report.mismatches().get(0).startsWith("smart_scan reads (missing)"), report.mismatches().toString());
		assertTrue(Files.exists(restoreFile));
	}

	@Test
	void snapshotFilesAreValidated() throws IOException {
		Path bad = root.resolve("bad.properties");
		Files.writeString(bad, "hello=world\n");
		IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> TunableSnapshot.load(bad));
		assertTrue(e.getMessage().contains("bad.properties"), e.getMessage());
	}

	@Test
	void aStoppedWriterRefusesOtherThreads() throws Exception {
		KsmSysfs sysfs = new KsmSysfs(FakeTrees.ksm(root, Map.of()));
		KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
		writer.stopOthers();
		WriteOutcome[] other = new WriteOutcome[1];
		Thread experiment = new Thread(() -> other[0] = writer.write(KsmSysfsFile.SLEEP_MILLISECS, "5"));
		experiment.start();
		experiment.join();
		assertEquals(WriteResult.EACCES, other[0].result(), other[0].message());
		assertEquals("20", sysfs.read(KsmSysfsFile.SLEEP_MILLISECS), "the other thread wrote nothing");
		assertTrue(writer.write(KsmSysfsFile.SLEEP_MILLISECS, "7").isOk(), "the restoring thread still writes");
	}

	@Test
	void theSnapshotLivesWhereEveryUserFindsIt() {
		Path file = RestoreGuard.defaultRestoreFile();
		if (Files.isWritable(Path.of("/run"))) {
			assertEquals(Path.of("/run/ksmstudio/ksm-tunables-restore.properties"), file);
		} else {
			assertTrue(file.startsWith(Path.of(System.getProperty("user.home"))), file.toString());
		}
	}
}
