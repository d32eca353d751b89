package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.engine.sysfs.SysfsScript;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.WriteOutcome;
import org.ksmstudio.live.sysfs.WriteResult;
import org.ksmstudio.live.ui.internal.actions.ApplyDialog;
import org.ksmstudio.live.ui.internal.actions.ApplyRows;
import org.ksmstudio.live.ui.internal.actions.ScenarioTunables;
import org.ksmstudio.live.ui.internal.actions.ScriptExport;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.Scenario;

/** Apply scenario tunables: the plan's rows, the exported script, the outcomes, and the dialog on a fake tree. */
class ApplyTest {

	private final Widgets ui = new Widgets();

	@TempDir
	Path temp;

	@AfterEach
	void closeDialogs() {
		ui.run(() -> {
			for (Shell shell : PlatformUI.getWorkbench().getDisplay().getShells()) {
				if (shell.getData() instanceof ApplyDialog dialog) {
					dialog.close();
				}
			}
		});
	}

	private static Map<KsmSysfsFile, String> tunables(int maxPageSharing) {
		Scenario scenario = Scenarios.create("apply", 2, 1024);
		scenario.getKsm().setRun(1);
		scenario.getKsm().setMaxPageSharing(maxPageSharing);
		scenario.getKsm().setPagesToScan(1000);
		return ScenarioTunables.of(scenario.getKsm());
	}

	@Test
	void unmergesBeforeChangingMaxPageSharingWhilePagesAreShared() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.RUN, "1", KsmSysfsFile.PAGES_SHARED, "10"), Set.of());
		KsmSysfs sysfs = new KsmSysfs(machine.ksm);
		ApplyRows.Planned planned = ApplyRows.plan(tunables(16), sysfs.sample(), sysfs.presentFiles());
		List<ApplyRows.Row> rows = ApplyRows.rows(planned.plan(), sysfs.sample());
		List<String> writes = rows.stream().map(r -> r.file() + "=" + r.value()).toList();
		assertEquals(List.of("run=2", "max_page_sharing=16", "pages_to_scan=1000", "run=1"), writes);
		assertEquals("256", rows.get(1).now());
		assertTrue(rows.get(0).reason().contains("EBUSY"), rows.get(0).reason());
	}

	@Test
	void leavesOutFilesTheKernelLacks() throws Exception {
		Set<KsmSysfsFile> missing = EnumSet.of(KsmSysfsFile.SMART_SCAN, KsmSysfsFile.ADVISOR_MAX_CPU);
		FakeMachine machine = new FakeMachine(temp, Map.of(), missing);
		KsmSysfs sysfs = new KsmSysfs(machine.ksm);
		Map<KsmSysfsFile, String> desired = new EnumMap<>(tunables(256));
		desired.put(KsmSysfsFile.SMART_SCAN, "0");
		ApplyRows.Planned planned = ApplyRows.plan(desired, sysfs.sample(), sysfs.presentFiles());
		assertTrue(planned.plan().steps().stream().noneMatch(s -> missing.contains(s.file())));
		assertTrue(planned.notes().stream().anyMatch(n -> n.startsWith("smart_scan is not on this kernel")),
				planned.notes().toString());
	}

	/** The script is the engine's (its writes are run and checked in the engine's SysfsScriptTest). */
	@Test
	void exportsTheEnginesScriptOfTheTunables() {
		assertEquals(SysfsScript.of("test", new EnumMap<>(tunables(16))), ScriptExport.script("test", tunables(16)));
	}

	@Test
	void explainsEbusyWithItsFix() {
		WriteOutcome busy = new WriteOutcome(KsmSysfsFile.MAX_PAGE_SHARING, "16", WriteResult.EBUSY, Optional.of("256"),
				"max_page_sharing: the kernel refused 16 because KSM pages are in use (EBUSY); the value stays 256",
				Optional.of("Unmerge first: write 2 to run"));
		String text = ApplyRows.outcomeText(busy);
		assertTrue(text.contains("EBUSY") && text.contains("Unmerge first"), text);
		WriteOutcome ok = new WriteOutcome(KsmSysfsFile.RUN, "2", WriteResult.OK, Optional.of("2"), "run = 2",
				Optional.empty());
		assertEquals("ok, reads 2", ApplyRows.outcomeText(ok));
		assertEquals("1 of 2 writes refused; the refused tunables keep their old values.",
				ApplyRows.summary(List.of(ok, busy)));
		assertEquals("1 of 1 write refused; the refused tunables keep their old values.",
				ApplyRows.summary(List.of(busy)), "in the singular");
		assertEquals("The one write was taken by the kernel.", ApplyRows.summary(List.of(ok)));
	}

	@Test
	void dialogListsTheWritesAppliesThemAndShowsEachOutcome() throws Exception {
		FakeMachine machine = new FakeMachine(temp, Map.of(KsmSysfsFile.RUN, "1", KsmSysfsFile.PAGES_SHARED, "10"), Set.of());
		ui.run(() -> {
			ApplyDialog dialog = new ApplyDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
					machine.sources(), tunables(16), "apply");
			dialog.setBlockOnOpen(false);
			dialog.open();
			dialog.getShell().setData(dialog);
		});
		Table table = ui.byData(Table.class, ApplyDialog.TABLE_KEY);
		assertEquals(4, ui.sync(table::getItemCount), () -> ui.sync(() -> Widgets.rows(table)).toString());
		assertEquals("max_page_sharing", ui.sync(() -> table.getItem(1).getText(1)));
		assertEquals("", ui.sync(() -> table.getItem(1).getText(5)), "no outcome before Apply");
		assertEquals("256", machine.read(KsmSysfsFile.MAX_PAGE_SHARING), "nothing written before Apply");

		ui.click("Apply");
		Label summary = ui.byData(Label.class, ApplyDialog.SUMMARY_KEY);
		ui.waitUntil(() -> summary.getText().startsWith("All 4 writes"), summary::getText);
		assertEquals("ok, reads 16", ui.sync(() -> table.getItem(1).getText(5)));
		assertEquals(List.of(), ui.sync(() -> Widgets.clipped(table)), "every step, file, value, reason and outcome whole");
		assertEquals("16", machine.read(KsmSysfsFile.MAX_PAGE_SHARING));
		assertEquals("1000", machine.read(KsmSysfsFile.PAGES_TO_SCAN));
		assertEquals("1", machine.read(KsmSysfsFile.RUN));
		assertTrue(Files.exists(machine.root.resolve("sysfs.lock")), "the experiment lock was taken");
	}
}
