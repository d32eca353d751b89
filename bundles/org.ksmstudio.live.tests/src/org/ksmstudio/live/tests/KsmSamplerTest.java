package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.sysfs.KsmSampler;
import org.ksmstudio.live.sysfs.KsmSysfs;

class KsmSamplerTest {

	@TempDir
	Path root;

	@Test
	void samplesPeriodicallyIntoTheSeries() throws Exception {
		Path dir = FakeTrees.ksm(root, Map.of(KsmSysfsFile.PAGES_SHARING, "42"));
		FakeTrees.write(root.resolve("proc/77/ksm_stat"), "ksm_rmap_items 3\nksm_mergeable: yes\n");
		CountDownLatch three = new CountDownLatch(3);
		List<Integer> processes = new CopyOnWriteArrayList<>();
		try (KsmSampler sampler = new KsmSampler(new KsmSysfs(dir), new ProcessKsmReader(root.resolve("proc")),
				Duration.ofMillis(20), 100)) {
			sampler.addListener(t -> {
				processes.add(t.processes().orElseThrow().processes().size());
				three.countDown();
			});
			sampler.start();
			assertTrue(sampler.isRunning());
			assertTrue(three.await(10, TimeUnit.SECONDS));
			sampler.close();
			assertFalse(sampler.isRunning());
			assertTrue(sampler.series().size() >= 3);
			assertEquals(42, sampler.series().latest(KsmSysfsFile.PAGES_SHARING));
			assertEquals(1, processes.get(0));
		}
	}

	@Test
	void reportsAbsentKsmToErrorListeners() throws Exception {
		CountDownLatch failed = new CountDownLatch(1);
		List<IOException> errors = new CopyOnWriteArrayList<>();
		try (KsmSampler sampler = new KsmSampler(new KsmSysfs(root.resolve("none")), null, Duration.ofMillis(20), 10)) {
			sampler.addErrorListener(e -> {
				errors.add(e);
				failed.countDown();
			});
			sampler.start();
			assertTrue(failed.await(10, TimeUnit.SECONDS));
		}
		assertTrue(errors.get(0).getMessage().contains("CONFIG_KSM"));
	}

	@Test
	void samplesTheRealKernelReadOnly() throws Exception {
		KsmSysfs sysfs = KsmSysfs.system();
		org.junit.jupiter.api.Assumptions.assumeTrue(sysfs.access().canRead(), sysfs.access().message());
		byte[] runBefore = Files.readAllBytes(sysfs.path(KsmSysfsFile.RUN));
		try (KsmSampler sampler = new KsmSampler(sysfs, ProcessKsmReader.system(), Duration.ofSeconds(1), 10)) {
			sampler.sampleNow();
			assertEquals(1, sampler.series().size());
			for (KsmSysfsFile file : sysfs.presentFiles()) {
				assertTrue(sampler.series().latest(file) != Long.MIN_VALUE, file.fileName());
			}
		}
		assertEquals(new String(runBefore), new String(Files.readAllBytes(sysfs.path(KsmSysfsFile.RUN))));
	}
}
