package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.actions.ReplayHandler;
import org.ksmstudio.live.ui.internal.actions.ScenarioChoice;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.scenario.Scenario;

/** What "Replay Scenario on This Kernel" prepares before asking: the case, the confirmation, or why not. */
class ReplayPreparationTest {

	private static ScenarioChoice example(String file) throws Exception {
		Scenario scenario = Examples.byFile(file).orElseThrow().load();
		return new ScenarioChoice(scenario, null, scenario.getName());
	}

	@Test
	void aReferenceCaseIsReplayableAndTheConfirmationSaysWhatIsWritten() throws Exception {
		ReplayHandler.Prepared prepared = ReplayHandler.prepare(example("reference-a-b-2000x1-mps256.ksm"));
		assertEquals(1, prepared.replayCase().workload().processes().size());
		assertEquals(2000, prepared.replayCase().pages());
		assertEquals("256", prepared.replayCase().tunables().get(KsmSysfsFile.MAX_PAGE_SHARING));
		LiveSources sources = new LiveSources(Path.of("/sys/kernel/mm/ksm"), Path.of("/sys"), Path.of("/proc"),
				Path.of("restore"), Path.of("lock"));
		String text = ReplayHandler.confirmation(prepared.replayCase(), "a_b", sources);
		assertTrue(text.contains("max_page_sharing = 256"), text);
		assertTrue(text.contains("1 process, 2,000 MADV_MERGEABLE pages in all"), text);
		assertTrue(text.contains("the scenario's phases ("), "one quote, as written: " + text);
		assertTrue(text.contains("restore and verify the previous tunables"), text);
	}

	@Test
	void aScenarioTheGeneratorCannotReproduceIsRefusedWithTheReason() throws Exception {
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> ReplayHandler.prepare(example("2016-sharing-limit.ksm")));
		assertTrue(refused.getMessage().startsWith("Scenario \"2016 sharing limit\" cannot be replayed on the kernel:"),
				refused.getMessage());
		assertTrue(refused.getMessage().contains("KVM guest") || refused.getMessage().contains("region"),
				refused.getMessage());
	}
}
