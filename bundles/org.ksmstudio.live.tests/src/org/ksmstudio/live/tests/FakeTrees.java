package org.ksmstudio.live.tests;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;


/** Builds fake /sys and /proc trees in a temporary directory. */
final class FakeTrees {

	private FakeTrees() {
	}

	/** A KSM directory of a 6.18 kernel with defaults and the given counters. */
	static Path ksm(Path root, Map<KsmSysfsFile, String> counters) throws IOException {
		Path dir = Files.createDirectories(root.resolve("sys/kernel/mm/ksm"));
		for (KsmSysfsFile file : KsmSysfsFile.values()) {
			String value = file.defaultValue().orElse("0");
			if (file == KsmSysfsFile.ADVISOR_MODE) {
				value = "[none] scan-time";
			}
			Files.writeString(dir.resolve(file.fileName()), counters.getOrDefault(file, value) + "\n");
		}
		return dir;
	}

	static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}
}
