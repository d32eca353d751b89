package org.ksmstudio.live.ui.internal.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.KsmUnavailableException;
import org.ksmstudio.live.topology.MachineImport;
import org.ksmstudio.live.topology.MachineImporter;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;
import org.ksmstudio.ui.internal.export.FileDialogs;

/** The page of the import wizard: where to save, the name, what to import, and a preview of what was read. */
public final class ImportMachinePage extends WizardPage {

	/** Widget data key of the preview, for tests. */
	public static final String PREVIEW_KEY = "org.ksmstudio.live.ui.import.preview"; //$NON-NLS-1$

	private final Path initialFile;
	private final LiveSources sources;
	private @Nullable MachineImport machine;
	private @Nullable KsmSample tunables;
	private @Nullable Text file;
	private @Nullable Text name;
	private @Nullable Button processes;
	private @Nullable Button useTunables;
	private @Nullable Text preview;

	ImportMachinePage(Path initialFile, LiveSources sources) {
		super("importMachine"); //$NON-NLS-1$
		this.initialFile = initialFile;
		this.sources = sources;
		setTitle(Messages.importTitle);
		setDescription(Messages.importDescription);
	}

	@Override
	@NonNullByDefault({})
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
		new Label(page, SWT.NONE).setText(Messages.importFile);
		Text file = new Text(page, SWT.BORDER);
		this.file = file;
		file.setText(initialFile.toString());
		GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
		Button browse = new Button(page, SWT.PUSH);
		browse.setText(Messages.importBrowse);
		browse.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> browse()));
		new Label(page, SWT.NONE).setText(Messages.importName);
		Text name = new Text(page, SWT.BORDER);
		this.name = name;
		name.setText(stem(initialFile));
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(name);
		processes = check(page, Messages.importProcesses);
		useTunables = check(page, Messages.importTunables);
		Label label = new Label(page, SWT.NONE);
		label.setText(Messages.importPreview);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(label);
		Text preview = new Text(page, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		this.preview = preview;
		preview.setData(PREVIEW_KEY, Boolean.TRUE);
		preview.setFont(JFaceResources.getTextFont());
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(600, 220).applyTo(preview);
		file.addModifyListener(e -> validate());
		name.addModifyListener(e -> validate());
		read(preview);
		setControl(page);
		validate();
	}

	private Button check(Composite page, String text) {
		Button check = new Button(page, SWT.CHECK);
		check.setText(text);
		check.setSelection(true);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(check);
		check.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> validate()));
		return check;
	}

	/** Reads the machine (read only, quick: sysfs and proc files). */
	private void read(Text preview) {
		MachineImport read;
		try {
			read = new MachineImporter(sources.sys(), sources.proc()).importMachine();
		} catch (IOException e) {
			machine = null;
			preview.setText(NLS.bind(Messages.importReadFailed, e.getMessage()));
			return;
		}
		machine = read;
		KsmSample sample;
		try {
			sample = sources.sysfs().sample();
		} catch (KsmUnavailableException e) {
			sample = null;
		}
		tunables = sample;
		preview.setText(MachineSummary.text(read,
				MachineModelConverter.convert("preview", read, sample, true).notes())); //$NON-NLS-1$
	}

	private void browse() {
		Text file = this.file;
		if (file == null) {
			return;
		}
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.ksm" }); //$NON-NLS-1$
		Path current = Path.of(file.getText().trim()).toAbsolutePath();
		if (current.getParent() != null) {
			dialog.setFilterPath(current.getParent().toString());
		}
		dialog.setFileName(current.getFileName() == null ? "" : current.getFileName().toString()); //$NON-NLS-1$
		String chosen = FileDialogs.open(dialog);
		if (chosen != null) {
			file.setText(chosen);
		}
	}

	private void validate() {
		Text file = this.file;
		Text preview = this.preview;
		if (file == null || preview == null) {
			return;
		}
		String path = file.getText().trim();
		String error = null;
		String warning = null;
		if (machine == null) {
			error = preview.getText();
		} else if (path.isEmpty()) {
			error = Messages.importNoFile;
		} else if (!path.endsWith(".ksm")) { //$NON-NLS-1$
			error = Messages.importNotKsm;
		} else if (Files.exists(Path.of(path))) {
			warning = NLS.bind(Messages.importExists, path);
		}
		setErrorMessage(error);
		setMessage(warning, warning == null ? IMessageProvider.NONE : IMessageProvider.WARNING);
		setPageComplete(error == null);
	}

	/** The file to create (the initial one until the page is shown). */
	Path file() {
		Text file = this.file;
		return file == null ? initialFile : Path.of(file.getText().trim());
	}

	/** The scenario's name (the file's stem when left empty). */
	String scenarioName() {
		Text name = this.name;
		return name == null || name.getText().isBlank() ? stem(file()) : name.getText().trim();
	}

	/** What was read from this machine, or null when it could not be read (the page is then not complete). */
	@Nullable MachineImport machine() {
		return machine;
	}

	/** The kernel's tunables to use, or null for the kernel defaults. */
	@Nullable KsmSample tunables() {
		Button useTunables = this.useTunables;
		return useTunables != null && useTunables.getSelection() ? tunables : null;
	}

	boolean importProcesses() {
		Button processes = this.processes;
		return processes != null && processes.getSelection();
	}

	static String stem(Path file) {
		String n = file.getFileName() == null ? "" : file.getFileName().toString(); //$NON-NLS-1$
		return n.endsWith(".ksm") ? n.substring(0, n.length() - 4) : n; //$NON-NLS-1$
	}
}
