package org.ksmstudio.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.scenario.ContentGroup;
import org.ksmstudio.engine.scenario.ForkPoint;
import org.ksmstudio.engine.scenario.KsmTunables;
import org.ksmstudio.engine.scenario.Layout;
import org.ksmstudio.engine.scenario.MergeMode;
import org.ksmstudio.engine.scenario.MergeableRegion;
import org.ksmstudio.engine.scenario.NewContent;
import org.ksmstudio.engine.scenario.PageContentIds;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.scenario.TimelineEvent;
import org.ksmstudio.engine.scenario.Volatility;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.PhaseAction;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.scenario.ScenarioReplayConverter;

class ScenarioReplayConverterTest {

	private static MergeableRegion region(List<ContentGroup> groups) {
		return new MergeableRegion("heap", MergeMode.MADV_MERGEABLE, groups, Volatility.NONE);
	}

	@Test
	void aReferenceLikeScenarioBecomesTheReferenceCase() throws Exception {
		Scenario scenario = Scenario.builder().name("f_10000x1_cow3_unique")
				.process(ProcessSpec.of(1, "p1", region(List.of(ContentGroup.duplicates(1, 10000, Layout.BLOCK)))))
				.tunables(KsmTunables.DEFAULTS.withRun(1))
				.event(new TimelineEvent.WritePages(Duration.ofSeconds(30), 0, "heap", 0, 10000, 3, NewContent.UNIQUE))
				.build();
		ReplayCase replay = ScenarioReplayConverter.toReplayCase(scenario);
		RecordedCase reference = ReferenceFormat.read(ReferenceData.kernelReference()).cases().stream()
				.filter(c -> c.replayCase().name().equals("f_10000x1_cow3_unique")).findFirst().orElseThrow();
		assertEquals(groups(reference.replayCase()), groups(replay));
		assertEquals(reference.replayCase().phases().subList(0, 2).stream().map(ReplayCase.Phase::action).toList(),
				replay.phases().stream().map(ReplayCase.Phase::action).toList());
		assertEquals("256", replay.tunables().get(KsmSysfsFile.MAX_PAGE_SHARING));
		assertEquals("none", replay.tunables().get(KsmSysfsFile.ADVISOR_MODE));
	}

	@Test
	void sysfsWritesAtOneTimeFormOnePhase() {
		Scenario scenario = Scenario.builder().name("runtime")
				.process(ProcessSpec.of(1, "p1", region(List.of(ContentGroup.duplicates(1, 2000, Layout.BLOCK),
						ContentGroup.unique(10), ContentGroup.zero(5)))))
				.event(new TimelineEvent.SysfsWrite(Duration.ofSeconds(5), "run", "2"))
				.event(new TimelineEvent.SysfsWrite(Duration.ofSeconds(6), "max_page_sharing", "1"))
				.event(new TimelineEvent.SysfsWrite(Duration.ofSeconds(6), "max_page_sharing", "10"))
				.build();
		ReplayCase replay = ScenarioReplayConverter.toReplayCase(scenario);
		assertEquals(3, replay.phases().size());
		assertEquals(new PhaseAction.Sysfs(List.of(new PhaseAction.SysfsWrite(KsmSysfsFile.MAX_PAGE_SHARING, "1", null),
				new PhaseAction.SysfsWrite(KsmSysfsFile.MAX_PAGE_SHARING, "10", null))), replay.phases().get(2).action());
		assertEquals(2015, replay.workload().processes().get(0).regions().get(0).pages());
		assertEquals(ContentGroup.zero(5), groups(replay).get(2));
	}

	private static List<ContentGroup> groups(ReplayCase c) {
		return c.workload().processes().get(0).regions().get(0).groups();
	}

	@Test
	void unequalProcessesForksVolatileAndCapturedRegionsAreReplayedAsTheyAre() {
		MergeableRegion volatileRegion = new MergeableRegion("hot", MergeMode.MADV_MERGEABLE,
				List.of(ContentGroup.unique(64)), new Volatility(6400, NewContent.UNIQUE, 1));
		Scenario scenario = Scenario.builder().name("shapes")
				.process(ProcessSpec.of(1, "big", region(List.of(ContentGroup.duplicates(4, 500, Layout.BLOCK)))))
				.process(new ProcessSpec(2, "child", 0, List.of(), true, false, 1, ForkPoint.AFTER_FILL, List.of()))
				.process(new ProcessSpec(3, "small", 0, List.of(), true, false, 0, ForkPoint.AFTER_FILL,
						List.of(region(List.of(ContentGroup.explicit(PageContentIds.of(new int[] { 1, 1, 0, 2 }),
								"cap"))), volatileRegion)))
				.event(new TimelineEvent.WritePages(Duration.ofSeconds(1), 1, "heap", 0, 10, 1, NewContent.UNIQUE))
				.build();
		ReplayCase replay = ScenarioReplayConverter.toReplayCase(scenario);
		assertEquals(scenario.workload(), replay.workload());
		assertEquals(new PhaseAction.Write(0, 10, 1, true, false), replay.phases().get(1).action());
	}

	@Test
	void whatTheGeneratorCannotDoIsRefusedByName() {
		Scenario forked = Scenario.builder().name("forky")
				.process(ProcessSpec.of(1, "parent", region(List.of(ContentGroup.unique(10)))))
				.process(new ProcessSpec(2, "child", 0, List.of(), true, false, 1, ForkPoint.BEFORE_FILL, List.of()))
				.build();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ScenarioReplayConverter.toReplayCase(forked));
		assertTrue(e.getMessage().contains("forky") && e.getMessage().contains("process 2 is forked before the fill"),
				e.getMessage());

		Scenario writesInForks = Scenario.builder().name("forks-write")
				.process(ProcessSpec.of(1, "parent", region(List.of(ContentGroup.unique(10)))))
				.process(new ProcessSpec(2, "child", 0, List.of(), true, false, 1, ForkPoint.AFTER_FILL, List.of()))
				.event(new TimelineEvent.WritePages(Duration.ofSeconds(1), 0, "heap", 0, 10, 1, NewContent.UNIQUE))
				.build();
		e = assertThrows(IllegalArgumentException.class, () -> ScenarioReplayConverter.toReplayCase(writesInForks));
		assertTrue(e.getMessage().contains("forked children cannot"), e.getMessage());

		Scenario otherRegion = Scenario.builder().name("second-region")
				.process(new ProcessSpec(1, "p", 0, List.of(), true, false, 0, ForkPoint.AFTER_FILL,
						List.of(region(List.of(ContentGroup.unique(10))), new MergeableRegion("other",
								MergeMode.MADV_MERGEABLE, List.of(ContentGroup.unique(10)), Volatility.NONE))))
				.event(new TimelineEvent.WritePages(Duration.ofSeconds(1), 1, "other", 0, 10, 1, NewContent.UNIQUE))
				.build();
		e = assertThrows(IllegalArgumentException.class, () -> ScenarioReplayConverter.toReplayCase(otherRegion));
		assertTrue(e.getMessage().contains("a write to region other"), e.getMessage());

		Scenario migrating = Scenario.builder().name("migrating")
				.process(ProcessSpec.of(1, "p", region(List.of(ContentGroup.unique(10)))))
				.event(new TimelineEvent.MigratePages(Duration.ofSeconds(1), 1, 0, 0)).build();
		e = assertThrows(IllegalArgumentException.class, () -> ScenarioReplayConverter.toReplayCase(migrating));
		assertTrue(e.getMessage().contains("MigratePages"), e.getMessage());
	}
}
