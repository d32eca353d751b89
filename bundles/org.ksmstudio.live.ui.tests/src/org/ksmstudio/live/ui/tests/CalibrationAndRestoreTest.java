package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.TunableSnapshot;
import org.ksmstudio.live.ui.internal.PendingRestore;
import org.ksmstudio.live.ui.internal.actions.CalibrationDialog;
import org.ksmstudio.live.ui.internal.actions.CostModelWriter;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.Scenario;

/** A calibration saved as a named cost model (undoable), and the restore of an unfinished experiment at start. */
class CalibrationAndRestoreTest {

	@TempDir
	Path temp;

	private static final ScanCostCalibration FIT = new ScanCostCalibration("this machine (calibrated)",
			new org.ksmstudio.engine.scenario.CostModel(250, 1_750_000, 20_000, 300, 330, 1_250, 310, 1_690, 25, 78, 0, 0, 60),
			1.25, true, 4, 0.0123, 0.02, List.of());

	@Test
	void savesTheFitAsANamedCostModelThroughAnUndoableCommand() {
		Scenario scenario = Scenarios.create("calibrate", 2, 1024);
		CostModel cost = scenario.getCostModel();
		String name = cost.getName();
		long latency = cost.getWakeupLatencyNs();
		long checksum = cost.getChecksumNs();
		long merge = cost.getMergeNs();
		long walkPte = cost.getWalkPteNs();
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(
				new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack());
		domain.getCommandStack().execute(CostModelWriter.command(domain, cost, FIT, "my box"));
		assertEquals("my box", cost.getName());
		assertEquals(1_750_000, cost.getWakeupLatencyNs());
		assertEquals(1_250, cost.getChecksumNs());
		assertEquals(1_690, cost.getMergeNs());
		assertEquals(walkPte, cost.getWalkPteNs(), "walk terms unchanged");
		domain.getCommandStack().undo();
		assertEquals(name, cost.getName());
		assertEquals(latency, cost.getWakeupLatencyNs());
		assertEquals(checksum, cost.getChecksumNs());
		assertEquals(merge, cost.getMergeNs());
	}

	@Test
	void aFitWithoutPerPageCostKeepsChecksumNs() {
		ScanCostCalibration noPageCost = new ScanCostCalibration("n",
				new org.ksmstudio.engine.scenario.CostModel(250, 4_500_000, 0, 1, 1, 1, 1, 1, 25, 78, 0, 0, 60), 1, false, 2,
				0.1, 0.15, List.of("No phase ran with sleep_millisecs 0"));
		Scenario scenario = Scenarios.create("calibrate", 2, 1024);
		long checksum = scenario.getCostModel().getChecksumNs();
		CostModelWriter.apply(scenario.getCostModel(), noPageCost, "n");
		assertEquals(checksum, scenario.getCostModel().getChecksumNs());
		assertEquals(4_500_000, scenario.getCostModel().getWakeupLatencyNs());
		String text = CalibrationDialog.text(noPageCost);
		assertTrue(text.contains("page costs: \u2013") && text.contains("sleep_millisecs 0"), text);
		assertTrue(CalibrationDialog.text(FIT).contains("page costs: 1.250") && CalibrationDialog.text(FIT).contains(
				"checksumNs (first visit) = 1250") && CalibrationDialog.text(FIT).contains("= 1750000"),
				CalibrationDialog.text(FIT));
	}

	@Test
	void restoresTheTunablesOfAnUnfinishedExperimentOnce() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.MAX_PAGE_SHARING, "16", KsmSysfsFile.RUN, "1"),
				Set.of());
		Path restoreFile = machine.sources().restoreFile();
		// the experiment snapshotted the defaults (run=0, max_page_sharing=256) and was killed after its writes
		new TunableSnapshot(Map.of(KsmSysfsFile.RUN, "0", KsmSysfsFile.MAX_PAGE_SHARING, "256", KsmSysfsFile.PAGES_TO_SCAN, "100"))
				.store(restoreFile);
		PendingRestore.recoverOnce(machine.sources());
		assertEquals("256", machine.read(KsmSysfsFile.MAX_PAGE_SHARING));
		assertEquals("0", machine.read(KsmSysfsFile.RUN));
		assertFalse(Files.exists(restoreFile), "deleted once verified");
		assertTrue(PendingRestore.message().orElse("").contains("were restored and verified"),
				PendingRestore.message().toString());

		machine.set(KsmSysfsFile.MAX_PAGE_SHARING, "32");
		new TunableSnapshot(new KsmSysfs(machine.ksm).sample().values().entrySet().stream()
				.filter(e -> e.getKey().writable()).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
						e -> e.getKey() == KsmSysfsFile.MAX_PAGE_SHARING ? "8" : e.getValue())))
				.store(restoreFile);
		PendingRestore.recoverOnce(machine.sources());
		assertEquals("32", machine.read(KsmSysfsFile.MAX_PAGE_SHARING), "only once per start");
	}
}
