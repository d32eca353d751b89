package org.ksmstudio.live.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of {@code /proc/PID/status} a capture needs.
 *
 * @param name      {@code Name}
 * @param parentPid {@code PPid}
 */
record ProcessStatus(String name, int parentPid) {

	static ProcessStatus read(Path status) throws IOException {
		String name = "";
		int parent = 0;
		for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
			if (line.startsWith("Name:")) {
				name = line.substring(5).trim();
			} else if (line.startsWith("PPid:")) {
				try {
					parent = Integer.parseInt(line.substring(5).trim());
				} catch (NumberFormatException e) {
					throw new IOException(status + ": PPid is not a number: '" + line + "'", e);
				}
			}
		}
		return new ProcessStatus(name, parent);
	}
}
