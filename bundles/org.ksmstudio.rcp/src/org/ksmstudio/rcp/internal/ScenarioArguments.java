package org.ksmstudio.rcp.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenario files named on the command line, in the order given. */
record ScenarioArguments(List<Path> scenarios, List<String> missing) {

	static final String SCENARIO_EXTENSION = ".ksm"; //$NON-NLS-1$

	/**
	 * Picks the {@code .ksm} arguments out of the application arguments; options
	 * (starting with {@code -}) and other files are ignored, missing files are remembered.
	 */
	static ScenarioArguments parse(String[] args) {
		List<Path> scenarios = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		if (args != null) {
			for (String arg : args) {
				if (arg.startsWith("-") || !arg.endsWith(SCENARIO_EXTENSION)) { //$NON-NLS-1$
					continue;
				}
				Path path = Path.of(arg).toAbsolutePath().normalize();
				if (Files.isRegularFile(path)) {
					scenarios.add(path);
				} else {
					missing.add(arg);
				}
			}
		}
		return new ScenarioArguments(List.copyOf(scenarios), List.copyOf(missing));
	}
}
