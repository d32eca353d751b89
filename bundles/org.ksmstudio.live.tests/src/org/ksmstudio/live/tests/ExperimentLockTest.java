package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.live.sysfs.ExperimentLock;

class ExperimentLockTest {

	@TempDir
	Path temp;

	@Test
	void aHeldLockIsNotTakenTwiceAndIsFreedOnClose() throws Exception {
		Path file = temp.resolve("sysfs.lock");
		try (ExperimentLock held = ExperimentLock.acquire(file, Duration.ofSeconds(5))) {
			assertThrows(IOException.class, () -> ExperimentLock.acquire(file, Duration.ofSeconds(1)));
		}
		ExperimentLock.acquire(file, Duration.ofSeconds(5)).close();
	}
}
