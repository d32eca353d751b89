package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ksmstudio.engine.CounterSeries;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.run.PolicyRun;
import org.ksmstudio.ui.internal.run.RunSlot;
import org.ksmstudio.ui.internal.run.ScenarioRun;

/**
 * Tunable writes during a run compared across two policies: none is lost when it comes as the run
 * ends, and every policy's simulation applies it at the same simulated instant.
 */
class RunRacesTest extends WorkbenchTestCase {

	/** The 2000-page reference scenario compared under stock and no-limit, sampled every 10 ms. */
	private Scenario twoPolicies() throws Exception {
		Path file = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		ScenarioModel.init();
		Scenario model = ScenarioResources.load(file);
		model.getRuns().get(0).getPolicies().clear();
		model.getRuns().get(0).getPolicies().addAll(List.of("stock", "no-limit")); //$NON-NLS-1$ //$NON-NLS-2$
		model.getRuns().get(0).setSamplingIntervalMillis(10);
		return model;
	}

	@Test
	void aWriteAsTheRunEndsIsSimulatedByEveryPolicy() throws Exception {
		Scenario model = twoPolicies();
		RunSlot slot = new RunSlot();
		for (int round = 0; round < 5; round++) {
			ScenarioRun run = slot.start(model, 0);
			ui.waitUntil(() -> run.status() == ScenarioRun.Status.RUNNING || run.status() == ScenarioRun.Status.DONE,
					() -> "the run starts: " + run.status()); //$NON-NLS-1$
			// write without pause from the start until after the run ended: some writes land as it ends
			ScenarioRun.TunableWrite last = null;
			int afterDone = 0;
			for (int n = 0; afterDone < 3 && n < 10_000; n++) {
				boolean done = run.status() == ScenarioRun.Status.DONE;
				last = run.writeTunable("pages_to_scan", Integer.toString(100 + n % 400)); //$NON-NLS-1$
				assertTrue(last.result().ok(), last.toString());
				afterDone += done ? 1 : 0;
			}
			assertTrue(afterDone == 3, "writes reached the finished run"); //$NON-NLS-1$
			ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "ends again: " + run.status()); //$NON-NLS-1$
			for (PolicyRun policy : run.policies()) {
				assertEquals(last.value(), policy.simulation().readSysfs("pages_to_scan"), policy.policy()); //$NON-NLS-1$
				assertTrue(policy.simulation().nowNanos() > last.timeNanos(),
						policy.policy() + ": the last write was simulated (the run converged again after it)"); //$NON-NLS-1$
			}
		}
		slot.dispose();
	}

	@Test
	void aWriteReachesEveryComparedPolicyAtTheSameInstant() throws Exception {
		Scenario model = twoPolicies();
		RunSlot slot = new RunSlot();
		slot.setSpeed(2);
		ScenarioRun run = slot.start(model, 0);
		ui.waitUntil(() -> run.simulation() != null && run.simulation().nowNanos() > 300_000_000L,
				() -> "the paced run gets going: " + run.status()); //$NON-NLS-1$
		ScenarioRun.TunableWrite write = run.writeTunable("pages_to_scan", "333"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(write.result().ok(), write.toString());
		run.setSpeed(0);
		ui.waitUntil(() -> run.status() == ScenarioRun.Status.DONE, () -> "ends: " + run.status()); //$NON-NLS-1$
		long[] firstRow = new long[run.policies().size()];
		for (int p = 0; p < firstRow.length; p++) {
			CounterSeries.View series = run.policies().get(p).simulation().series();
			firstRow[p] = -1;
			for (int i = 0; i < series.size() && firstRow[p] < 0; i++) {
				if (series.value("pages_to_scan", i) == 333) { //$NON-NLS-1$
					firstRow[p] = series.timeNanos(i);
				}
			}
			assertTrue(firstRow[p] >= 0, run.policies().get(p).policy() + ": a sample shows the write"); //$NON-NLS-1$
			assertTrue(firstRow[p] >= write.timeNanos() && firstRow[p] - write.timeNanos() <= 10_000_000L,
					"the first sample after the write's instant shows it: " + firstRow[p] + " for a write at " //$NON-NLS-1$ //$NON-NLS-2$
							+ write.timeNanos());
		}
		assertEquals(firstRow[0], firstRow[1], "both policies' series show the write from the same sample"); //$NON-NLS-1$
		slot.dispose();
	}
}
