package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmTimeSeries;
import org.ksmstudio.live.sysfs.KsmUnavailableException;

class KsmSysfsTest {

	@TempDir
	Path root;

	@Test
	void readsEveryRowOfTheTableOnThisKernel() throws Exception {
		KsmSysfs sysfs = KsmSysfs.system();
		org.junit.jupiter.api.Assumptions.assumeTrue(sysfs.access().canRead(), sysfs.access().message());
		assertEquals(List.of(), sysfs.unknownFiles(), "every file of this kernel is a row of the table");
		for (KsmSysfsFile row : KsmSysfsFile.values()) {
			if (!sysfs.presentFiles().contains(row)) {
				assertTrue(older(System.getProperty("os.version"), row.since()) || row == KsmSysfsFile.MERGE_ACROSS_NODES,
						row + " since " + row.since() + " is missing on " + System.getProperty("os.version"));
				continue;
			}
			String value = sysfs.read(row);
			sysfs.readNumber(row);
			if (row.writable()) {
				assertTrue(row.parse(value).ok(), row + " = " + value + " is a value the table's rules accept");
			}
		}
	}

	/** Whether kernel release {@code kernel} ("6.18.44-x") is older than version {@code since} ("6.7"). */
	private static boolean older(String kernel, String since) {
		String[] k = kernel.split("[^0-9]+");
		String[] v = since.split("\\.");
		for (int i = 0; i < v.length; i++) {
			int a = i < k.length && !k[i].isEmpty() ? Integer.parseInt(k[i]) : 0;
			int b = Integer.parseInt(v[i]);
			if (a != b) {
				return a < b;
			}
		}
		return false;
	}

	@Test
	void readsEveryFileOfAFakeTree() throws Exception {
		Path dir = FakeTrees.ksm(root, Map.of(KsmSysfsFile.PAGES_SHARED, "8", KsmSysfsFile.PAGES_SHARING, "1992",
				KsmSysfsFile.GENERAL_PROFIT, "-4096"));
		KsmSysfs sysfs = new KsmSysfs(dir);
		KsmSample sample = sysfs.sample();
		assertEquals(8, sample.value(KsmSysfsFile.PAGES_SHARED));
		assertEquals(1992, sample.value(KsmSysfsFile.PAGES_SHARING));
		assertEquals(-4096, sample.value(KsmSysfsFile.GENERAL_PROFIT));
		assertEquals("none", sample.text(KsmSysfsFile.ADVISOR_MODE).orElseThrow());
		assertEquals(0, sample.value(KsmSysfsFile.ADVISOR_MODE));
		assertEquals(256, sysfs.readNumber(KsmSysfsFile.MAX_PAGE_SHARING));
		assertTrue(sample.hasSharedPages());
		assertTrue(sysfs.missingFiles().isEmpty());
		assertTrue(sysfs.access().canRead());
	}

	@Test
	void advisorModeSelectionIsNormalized() {
		assertEquals("scan-time", KsmSysfsFile.ADVISOR_MODE.normalize("none [scan-time]\n"));
		assertEquals(1, KsmSysfsFile.ADVISOR_MODE.toNumber("scan-time"));
		assertThrows(NumberFormatException.class, () -> KsmSysfsFile.ADVISOR_MODE.toNumber("bogus"));
		assertEquals("100", KsmSysfsFile.PAGES_TO_SCAN.normalize(" 100\n"));
	}

	@Test
	void anOlderKernelShowsWhatExistsAndNamesWhatIsMissing() throws Exception {
		Path dir = FakeTrees.ksm(root, Map.of());
		List<KsmSysfsFile> newer = List.of(KsmSysfsFile.ADVISOR_MODE, KsmSysfsFile.ADVISOR_MAX_CPU, KsmSysfsFile.ADVISOR_MIN_PAGES_TO_SCAN,
				KsmSysfsFile.ADVISOR_MAX_PAGES_TO_SCAN, KsmSysfsFile.ADVISOR_TARGET_SCAN_TIME, KsmSysfsFile.SMART_SCAN,
				KsmSysfsFile.PAGES_SKIPPED, KsmSysfsFile.PAGES_SCANNED);
		for (KsmSysfsFile f : newer) {
			Files.delete(dir.resolve(f.fileName()));
		}
		Files.writeString(dir.resolve("some_future_counter"), "3\n");
		KsmSysfs sysfs = new KsmSysfs(dir);
		assertEquals(EnumSet.copyOf(newer), sysfs.missingFiles());
		assertEquals(List.of("some_future_counter"), sysfs.unknownFiles());
		KsmSample sample = sysfs.sample();
		assertFalse(sample.has(KsmSysfsFile.SMART_SCAN));
		assertEquals(7, sample.valueOr(KsmSysfsFile.SMART_SCAN, 7));
		NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> sample.value(KsmSysfsFile.SMART_SCAN));
		assertTrue(e.getMessage().contains("smart_scan"), e.getMessage());
		KsmUnavailableException missing = assertThrows(KsmUnavailableException.class,
				() -> sysfs.read(KsmSysfsFile.ADVISOR_MODE));
		assertTrue(missing.getMessage().contains("advisor_mode is not present on this kernel"), missing.getMessage());
		assertTrue(sysfs.missingFileMessages().stream().anyMatch(m -> m.startsWith("smart_scan is not present")));
	}

	@Test
	void absentKsmGivesAClearMessage() {
		KsmSysfs sysfs = new KsmSysfs(root.resolve("no/ksm"));
		KsmAccess access = sysfs.access();
		assertEquals(KsmAccess.Level.ABSENT, access.level());
		assertFalse(access.canRead());
		assertTrue(access.message().contains("built without KSM (CONFIG_KSM)"), access.message());
		KsmUnavailableException e = assertThrows(KsmUnavailableException.class, sysfs::sample);
		assertTrue(e.getMessage().contains("CONFIG_KSM"), e.getMessage());
		assertEquals(EnumSet.allOf(KsmSysfsFile.class), sysfs.missingFiles());
	}

	@Test
	void unprivilegedAccessIsReadOnly() throws Exception {
		assumeFalse("root".equals(System.getProperty("user.name")),
				"root may write any file: the read-only mode is checked when the tests run unprivileged");
		Path dir = FakeTrees.ksm(root, Map.of());
		Files.setPosixFilePermissions(dir.resolve("run"), PosixFilePermissions.fromString("r--r--r--"));
		KsmAccess access = new KsmSysfs(dir).access();
		assertEquals(KsmAccess.Level.READ_ONLY, access.level());
		assertTrue(access.message().contains("needs root"), access.message());
	}

	@Test
	void timeSeriesKeepsTheLatestSamplesAsColumns() throws Exception {
		Path dir = FakeTrees.ksm(root, Map.of());
		KsmSysfs sysfs = new KsmSysfs(dir);
		KsmTimeSeries series = new KsmTimeSeries(3);
		for (int i = 1; i <= 5; i++) {
			Files.writeString(dir.resolve("full_scans"), i + "\n");
			series.add(sysfs.sample());
		}
		assertEquals(3, series.size());
		assertEquals(List.of(3L, 4L, 5L), java.util.Arrays.stream(series.values(KsmSysfsFile.FULL_SCANS)).boxed().toList());
		assertEquals(5, series.latest(KsmSysfsFile.FULL_SCANS));
		long[] times = series.times();
		assertTrue(times[0] <= times[1] && times[1] <= times[2]);
		Files.delete(dir.resolve("smart_scan"));
		series.add(sysfs.sample());
		assertEquals(KsmTimeSeries.ABSENT, series.latest(KsmSysfsFile.SMART_SCAN));
	}
}
