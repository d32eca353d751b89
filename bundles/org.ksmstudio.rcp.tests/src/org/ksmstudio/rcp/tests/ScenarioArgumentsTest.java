package org.ksmstudio.rcp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.rcp.internal.ScenarioArguments;

/** Which command-line arguments the product application opens as scenarios. */
class ScenarioArgumentsTest {

	@TempDir
	Path dir;

	@Test
	void opensEveryExistingScenarioInTheOrderGiven() throws IOException {
		Path b = scenario("b.ksm");
		Path a = scenario("a.ksm");

		ScenarioArguments parsed = ScenarioArguments.parse(new String[] { b.toString(), a.toString() });

		assertEquals(List.of(b, a), parsed.scenarios());
		assertEquals(List.of(), parsed.missing());
	}

	@Test
	void leavesOptionsAndOtherFilesToThePlatform() throws IOException {
		Path scenario = scenario("vm.ksm");
		Path notes = Files.writeString(dir.resolve("notes.txt"), "not a scenario");

		ScenarioArguments parsed = ScenarioArguments.parse(new String[] { "-consoleLog", "-data",
				dir.toString(), notes.toString(), "--weird.ksm", scenario.toString(), "-nosplash" });

		assertEquals(List.of(scenario), parsed.scenarios());
		assertEquals(List.of(), parsed.missing());
	}

	@Test
	void makesRelativePathsAbsoluteAndNormal() throws IOException {
		Path scenario = scenario("relative.ksm");
		Path workingDirectory = Path.of("").toAbsolutePath();
		String relative = workingDirectory.relativize(dir.resolve("sub/../relative.ksm")).toString();
		assertTrue(!Path.of(relative).isAbsolute(), relative);

		ScenarioArguments parsed = ScenarioArguments.parse(new String[] { relative });

		assertEquals(List.of(scenario.toAbsolutePath().normalize()), parsed.scenarios());
		assertTrue(parsed.scenarios().get(0).isAbsolute());
	}

	@Test
	void reportsMissingScenariosAsTheUserWroteThem() throws IOException {
		Path present = scenario("present.ksm");
		String gone = dir.resolve("gone.ksm").toString();
		Path folder = Files.createDirectory(dir.resolve("folder.ksm"));

		ScenarioArguments parsed = ScenarioArguments
				.parse(new String[] { gone, present.toString(), folder.toString() });

		assertEquals(List.of(present), parsed.scenarios());
		assertEquals(List.of(gone, folder.toString()), parsed.missing());
	}

	@Test
	void noArgumentsOpenNothing() {
		assertEquals(new ScenarioArguments(List.of(), List.of()), ScenarioArguments.parse(null));
		assertEquals(new ScenarioArguments(List.of(), List.of()), ScenarioArguments.parse(new String[0]));
	}

	private Path scenario(String name) throws IOException {
		return Files.writeString(dir.resolve(name), "<scenario/>");
	}
}
