package org.ksmstudio.live.ui.internal.actions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.live.calibrate.ScanCostCalibration;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.Scenarios;
import org.ksmstudio.model.scenario.CostModel;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.ui.internal.export.FileDialogs;

/**
 * Shows a calibration's numbers and saves them as a named cost model: into the active editor's
 * scenario through an undoable command, or into a new .ksm file when no scenario editor is active.
 */
public final class CalibrationDialog extends MessageDialog {

	private static final int SAVE_ID = 0;

	private final IWorkbenchWindow window;
	private final ScanCostCalibration calibration;

	/** A dialog showing {@code calibration}. */
	public CalibrationDialog(IWorkbenchWindow window, ScanCostCalibration calibration) {
		super(window.getShell(), Messages.calibrateResultTitle, null, text(calibration), INFORMATION, SAVE_ID,
				Messages.calibrateSave, IDialogConstants.CLOSE_LABEL);
		this.window = window;
		this.calibration = calibration;
	}

	/** The numbers as the user reads them. */
	public static String text(ScanCostCalibration c) {
		org.ksmstudio.engine.scenario.CostModel m = c.costModel();
		String text = NLS.bind(Messages.calibrateResult,
				new Object[] { c.pageCostFitted() ? String.format(Locale.ROOT, "%.3f", c.pageCostScale()) : "\u2013", //$NON-NLS-1$ //$NON-NLS-2$
						m.checksumNanos(), m.mergeNanos(), m.ksmPageVisitNanos(), m.skipPageNanos(), m.treeSearchNanos(),
						m.hz(), m.wakeupLatencyNanos(), c.phasesUsed(),
						String.format(Locale.ROOT, "%.1f", c.rmsRelativeError() * 100), //$NON-NLS-1$
						String.format(Locale.ROOT, "%.1f", c.worstRelativeError() * 100) }); //$NON-NLS-1$
		if (!c.notes().isEmpty()) {
			text += NLS.bind(Messages.calibrateNotes, String.join("\n", c.notes())); //$NON-NLS-1$
		}
		return text;
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == SAVE_ID && !save()) {
			return;
		}
		super.buttonPressed(buttonId);
	}

	/** Asks the name and saves; false when the user cancelled or it failed (the dialog stays open). */
	private boolean save() {
		InputDialog ask = new InputDialog(getShell(), Messages.calibrateNameTitle, Messages.calibrateNamePrompt,
				calibration.name(), text -> text.isBlank() ? Messages.calibrateNamePrompt : null);
		if (ask.open() != Window.OK) {
			return false;
		}
		String name = ask.getValue().trim();
		Optional<ScenarioChoice> active = ScenarioChoice.ofActiveEditor(window);
		if (active.isPresent()) {
			ScenarioChoice choice = active.get();
			EditingDomain domain = choice.domain();
			CostModel cost = choice.scenario().getCostModel();
			if (domain != null && cost != null) {
				domain.getCommandStack().execute(CostModelWriter.command(domain, cost, calibration, name));
				MessageDialog.openInformation(getShell(), Messages.calibrateResultTitle,
						NLS.bind(Messages.calibrateSaved, name, choice.label()));
				return true;
			}
		}
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.ksm" }); //$NON-NLS-1$
		dialog.setFileName("calibrated.ksm"); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String chosen = FileDialogs.open(dialog);
		if (chosen == null) {
			return false;
		}
		Path file = Path.of(chosen);
		try {
			Scenario scenario = Scenarios.create(name, Runtime.getRuntime().availableProcessors(), 4096);
			CostModelWriter.apply(scenario.getCostModel(), calibration, name);
			ScenarioResources.save(scenario, file);
			IDE.openEditorOnFileStore(window.getActivePage(), EFS.getLocalFileSystem().getStore(file.toUri()));
		} catch (IOException | PartInitException e) {
			MessageDialog.openError(getShell(), Messages.calibrateResultTitle,
					NLS.bind(Messages.importSaveFailed, file, e.getMessage()));
			return false;
		}
		MessageDialog.openInformation(getShell(), Messages.calibrateResultTitle,
				NLS.bind(Messages.calibrateSavedFile, name, file));
		return true;
	}
}
