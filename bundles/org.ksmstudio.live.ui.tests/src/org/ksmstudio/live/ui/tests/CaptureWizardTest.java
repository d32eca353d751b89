package org.ksmstudio.live.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.engine.scenario.ContentIdsFile;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.replay.ConvergenceWatcher;
import org.ksmstudio.live.replay.ReplayWorkload.Layout;
import org.ksmstudio.live.replay.WorkloadGenerator;
import org.ksmstudio.live.replay.WorkloadProcess;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.KsmSysfsWriter;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.live.ui.internal.compare.CompareModel;
import org.ksmstudio.live.ui.internal.compare.CompareView;
import org.ksmstudio.live.ui.internal.imports.CaptureProcessesPage;
import org.ksmstudio.live.ui.internal.imports.ImportMachineWizard;

/**
 * "Scenario from this machine" with a capture: two workload generators with known contents merged
 * by this kernel's ksmd, chosen on the capture page, captured with the wizard's progress, saved with
 * their page-contents file, and the Kernel vs Simulation view showing the kernel's counters equal to
 * the simulation's. As root, holding the experiment lock; every tunable is restored.
 */
class CaptureWizardTest {

	private final Widgets ui = new Widgets();
	private final List<WorkloadProcess> processes = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void end() {
		processes.forEach(WorkloadProcess::close);
		ui.run(() -> {
			for (var shell : PlatformUI.getWorkbench().getDisplay().getShells()) {
				if (shell.getData() instanceof WizardDialog dialog) {
					dialog.close();
				}
			}
		});
	}

	private WorkloadProcess start() throws IOException {
		WorkloadProcess p = WorkloadProcess.start(WorkloadGenerator.binary(temp.resolve("cache")));
		processes.add(p);
		return p;
	}

	@Test
	void capturesChosenProcessesAndShowsTheKernelBesideTheSimulation() throws Exception {
		KsmSysfs sysfs = KsmSysfs.system();
		assumeTrue(sysfs.access().canWrite(), "needs a writable /sys/kernel/mm/ksm (root): " + sysfs.access().message());
		try (ExperimentLock lock = ExperimentLock.acquire(ExperimentLock.defaultFile(), Duration.ofMinutes(10));
				RestoreGuard guard = RestoreGuard.begin(new KsmSysfsWriter(sysfs), temp.resolve("restore.properties"))) {
			KsmSysfsWriter writer = new KsmSysfsWriter(sysfs);
			assertTrue(writer.write(KsmSysfsFile.RUN, "2").isOk());
			assertTrue(writer.write(KsmSysfsFile.PAGES_TO_SCAN, "1000").isOk());
			assertTrue(writer.write(KsmSysfsFile.SLEEP_MILLISECS, "10").isOk());
			WorkloadProcess a = start();
			a.map(200);
			a.fill(5, 30, Layout.BLOCK, 40, 10, 0);
			WorkloadProcess b = start();
			b.map(100);
			b.fill(5, 10, Layout.INTERLEAVE, 30, 0, 0);
			assertTrue(writer.write(KsmSysfsFile.RUN, "1").isOk());
			assertTrue(ConvergenceWatcher.await(sysfs, Duration.ofMillis(20), Duration.ofMinutes(2)).isSettled());

			Path file = temp.resolve("captured.ksm");
			ui.async(() -> {
				ImportMachineWizard wizard = new ImportMachineWizard();
				wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
				new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard).open();
			});
			Text fileText = ui.find(Text.class, t -> t.getText().endsWith("this-machine.ksm"), "the file field");
			ui.run(() -> fileText.setText(file.toString()));
			ui.click("Next >");
			Table table = ui.byData(Table.class, CaptureProcessesPage.TABLE_KEY);
			ui.waitUntil(() -> table.getItemCount() >= 2, () -> "KSM processes listed: " + Widgets.rows(table));
			Text pids = ui.byData(Text.class, CaptureProcessesPage.PIDS_KEY);
			Spinner window = ui.byData(Spinner.class, CaptureProcessesPage.WINDOW_KEY);
			ui.run(() -> {
				for (var item : table.getItems()) {
					item.setChecked(false);
				}
				pids.setText(a.pid() + ", " + b.pid());
				window.setSelection(0);
			});
			ui.click("Finish");
			ui.waitUntil(() -> compare() != null, () -> "the Kernel vs Simulation view shows the capture");

			CompareModel model = ui.sync(this::compare);
			assertTrue(model.matches(), () -> model.rows().toString());
			assertTrue(model.rows().stream().anyMatch(r -> r.counter().equals("pages_sharing") && r.kernel() > 0),
					() -> model.rows().toString());
			assertEquals(2 * 4, model.rows().stream().filter(r -> r.counter().startsWith("pid ")).count(),
					"four ksm_stat fields of each of the two processes");
			assertTrue(Files.exists(file) && Files.exists(ContentIdsFile.besides(file)));
		}
	}

	private CompareModel compare() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		CompareView view = page == null ? null : (CompareView) page.findView(CompareView.ID);
		return view == null ? null : view.model();
	}
}
