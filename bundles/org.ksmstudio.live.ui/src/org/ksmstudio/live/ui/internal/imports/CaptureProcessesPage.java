package org.ksmstudio.live.ui.internal.imports;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ksmstudio.live.capture.CaptureOptions;
import org.ksmstudio.live.proc.ProcessKsmStat;
import org.ksmstudio.live.proc.ProcessScan;
import org.ksmstudio.live.ui.internal.LiveSources;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * The second page of "Scenario from this machine": the processes whose pages are captured (those
 * that use KSM are listed and checked; other pids can be typed), the window watched for writes and
 * whether to capture every anonymous VMA. With no process chosen the wizard imports the topology,
 * tunables and mergeable VMAs only.
 */
public final class CaptureProcessesPage extends WizardPage {

	/** Widget data keys, for tests. */
	public static final String TABLE_KEY = "org.ksmstudio.live.ui.capture.processes"; //$NON-NLS-1$
	public static final String PIDS_KEY = "org.ksmstudio.live.ui.capture.pids"; //$NON-NLS-1$
	public static final String WINDOW_KEY = "org.ksmstudio.live.ui.capture.window"; //$NON-NLS-1$
	public static final String ALL_ANONYMOUS_KEY = "org.ksmstudio.live.ui.capture.allAnonymous"; //$NON-NLS-1$

	private final LiveSources sources;
	private @Nullable CheckboxTableViewer processes;
	private @Nullable Text otherPids;
	private @Nullable Spinner window;
	private @Nullable Button allAnonymous;

	CaptureProcessesPage(LiveSources sources) {
		super("captureProcesses"); //$NON-NLS-1$
		this.sources = sources;
		setTitle(Messages.captureTitle);
		setDescription(Messages.captureDescription);
	}

	@Override
	@NonNullByDefault({})
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
		Label label = new Label(page, SWT.WRAP);
		label.setText(Messages.captureProcesses);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(label);
		CheckboxTableViewer processes = CheckboxTableViewer.newCheckList(page,
				SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		this.processes = processes;
		processes.getTable().setData(TABLE_KEY, Boolean.TRUE);
		processes.getTable().setHeaderVisible(true);
		processes.setContentProvider(ArrayContentProvider.getInstance());
		column(processes, Messages.captureColumnPid, 80, p -> Integer.toString(p.pid()));
		column(processes, Messages.captureColumnCommand, 200, ProcessKsmStat::command);
		column(processes, Messages.captureColumnMerging, 140,
				p -> p.mergingPages() == ProcessKsmStat.NOT_REPORTED ? "" : Long.toString(p.mergingPages())); //$NON-NLS-1$
		column(processes, Messages.captureColumnMergeAny, 100,
				p -> p.mergeAny() ? Messages.captureYes : ""); //$NON-NLS-1$
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(600, 180).applyTo(processes.getTable());
		new Label(page, SWT.NONE).setText(Messages.captureOtherPids);
		Text otherPids = new Text(page, SWT.BORDER);
		this.otherPids = otherPids;
		otherPids.setData(PIDS_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(otherPids);
		new Label(page, SWT.NONE).setText(Messages.captureWindow);
		Spinner window = new Spinner(page, SWT.BORDER);
		this.window = window;
		window.setData(WINDOW_KEY, Boolean.TRUE);
		window.setValues((int) CaptureOptions.DEFAULT_WINDOW.toSeconds(), 0, 600, 0, 1, 10);
		Button allAnonymous = new Button(page, SWT.CHECK);
		this.allAnonymous = allAnonymous;
		allAnonymous.setData(ALL_ANONYMOUS_KEY, Boolean.TRUE);
		allAnonymous.setText(Messages.captureAllAnonymous);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(allAnonymous);
		Label privacy = new Label(page, SWT.WRAP);
		privacy.setText(Messages.capturePrivacy);
		GridDataFactory.fillDefaults().span(2, 1).hint(600, SWT.DEFAULT).applyTo(privacy);
		otherPids.addModifyListener(e -> validate());
		read(processes);
		setControl(page);
		validate();
	}

	private static void column(CheckboxTableViewer processes, String title, int width,
			java.util.function.Function<ProcessKsmStat, String> text) {
		TableViewerColumn column = new TableViewerColumn(processes, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return text.apply((ProcessKsmStat) element);
			}
		});
	}

	/** Lists the processes that use KSM (read only, quick) and checks them all. */
	private void read(CheckboxTableViewer processes) {
		try {
			ProcessScan scan = sources.processes().scan();
			processes.setInput(scan.processes());
			processes.setAllChecked(true);
			if (scan.unreadable() > 0) {
				setMessage(scan.unreadableMessage(), WARNING);
			}
		} catch (IOException e) {
			processes.setInput(List.of());
			setMessage(NLS.bind(Messages.importReadFailed, e.getMessage()), WARNING);
		}
	}

	private void validate() {
		try {
			typedPids();
			setErrorMessage(null);
			setPageComplete(true);
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			setPageComplete(false);
		}
	}

	private List<Integer> typedPids() {
		List<Integer> pids = new ArrayList<>();
		Text otherPids = this.otherPids;
		if (otherPids == null) {
			return pids;
		}
		for (String word : otherPids.getText().split("[,\\s]+")) { //$NON-NLS-1$
			if (word.isEmpty()) {
				continue;
			}
			try {
				int pid = Integer.parseInt(word);
				if (pid > 0) {
					pids.add(pid);
					continue;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			throw new IllegalArgumentException(NLS.bind(Messages.captureBadPid, word));
		}
		return pids;
	}

	/** The processes to capture: the checked ones, then the typed ones; empty for no capture. */
	List<Integer> pids() {
		Set<Integer> pids = new LinkedHashSet<>();
		CheckboxTableViewer processes = this.processes;
		if (processes != null) {
			for (Object checked : processes.getCheckedElements()) {
				pids.add(((ProcessKsmStat) checked).pid());
			}
		}
		pids.addAll(typedPids());
		return List.copyOf(pids);
	}

	/** The options of the capture, or null when no process is chosen. */
	@Nullable CaptureOptions options() {
		List<Integer> pids = pids();
		Spinner window = this.window;
		Button allAnonymous = this.allAnonymous;
		if (pids.isEmpty() || window == null || allAnonymous == null) {
			return null;
		}
		return new CaptureOptions(pids, Duration.ofSeconds(window.getSelection()), allAnonymous.getSelection());
	}
}
