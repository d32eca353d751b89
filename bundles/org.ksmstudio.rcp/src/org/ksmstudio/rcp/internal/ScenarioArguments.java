package org.ksmstudio.rcp.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario files named on the command line, in the order given.
 *
 * @param scenarios existing {@code .ksm} files, absolute and normalized
 * @param missing   {@code .ksm} arguments, as given, that name no regular file
 */
public record ScenarioArguments(List<Path> scenarios, List<String> missing) {

	/** The file name extension of scenario files. */
	public static final String SCENARIO_EXTENSION = ".ksm"; //$NON-NLS-1$

	/**
	 * Picks the {@code .ksm} arguments out of the application arguments; options
	 * (starting with {@code -}) and other files are ignored, missing files are remembered.
	 */
	public static ScenarioArguments parse(String[] args) {
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
