package org.ksmstudio.ui.internal.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ksmstudio.model.Examples;
import org.ksmstudio.ui.internal.Messages;

/** The one page of the New Scenario wizard: empty or an example, and where to save it. */
final class NewScenarioPage extends WizardPage {

	/** Widget data keys (for tests). */
	static final String FILE_KEY = "org.ksmstudio.ui.newScenario.file"; //$NON-NLS-1$
	static final String EXAMPLES_KEY = "org.ksmstudio.ui.newScenario.examples"; //$NON-NLS-1$
	static final String EMPTY_KEY = "org.ksmstudio.ui.newScenario.empty"; //$NON-NLS-1$

	/** Width of the example's description, px. */
	private static final int DESCRIPTION_WIDTH = 480;
	private static final String INITIAL_FILE = "scenario.ksm"; //$NON-NLS-1$

	private final Path initialFolder;
	private @Nullable Widgets widgets;

	NewScenarioPage(Path initialFolder) {
		super("newScenario"); //$NON-NLS-1$
		this.initialFolder = initialFolder;
		setTitle(Messages.wizardTitle);
		setDescription(Messages.wizardDescription);
	}

	@Override
	@NonNullByDefault({})
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
		Widgets made = new Widgets(page);
		widgets = made;
		setControl(page);
		made.update();
	}

	/** The chosen example, or null for an empty scenario. */
	Examples.@Nullable Example example() {
		Widgets shown = widgets;
		return shown == null ? null : shown.example();
	}

	/** Where to save the new scenario. */
	Path file() {
		Widgets shown = widgets;
		return (shown == null ? initialFolder.resolve(INITIAL_FILE) : Path.of(shown.file.getText().trim()))
				.toAbsolutePath();
	}

	/** The page's widgets, made with its control. */
	private final class Widgets {
		private final Button empty;
		private final TableViewer examples;
		private final Label description;
		private final Text file;

		Widgets(Composite page) {
			empty = new Button(page, SWT.RADIO);
			empty.setText(Messages.wizardEmpty);
			empty.setData(EMPTY_KEY, Boolean.TRUE);
			GridDataFactory.fillDefaults().span(3, 1).applyTo(empty);
			Button fromExample = new Button(page, SWT.RADIO);
			fromExample.setText(Messages.wizardExample);
			GridDataFactory.fillDefaults().span(3, 1).applyTo(fromExample);

			examples = new TableViewer(page, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
			examples.getTable().setData(EXAMPLES_KEY, Boolean.TRUE);
			examples.setContentProvider(ArrayContentProvider.getInstance());
			examples.setLabelProvider(new LabelProvider() {
				@Override
				@NonNullByDefault({})
				public String getText(Object element) {
					return ((Examples.Example) element).name();
				}
			});
			examples.setInput(Examples.all());
			GridDataFactory.fillDefaults().span(3, 1).grab(true, true).indent(16, 0).hint(SWT.DEFAULT, 140)
					.applyTo(examples.getControl());
			description = new Label(page, SWT.WRAP);
			GridDataFactory.fillDefaults().span(3, 1).grab(true, false).indent(16, 0)
					.hint(DESCRIPTION_WIDTH, descriptionHeight()).applyTo(description);

			Label fileLabel = new Label(page, SWT.NONE);
			fileLabel.setText(Messages.wizardFile);
			file = new Text(page, SWT.BORDER);
			file.setData(FILE_KEY, Boolean.TRUE);
			file.setText(initialFolder.resolve(INITIAL_FILE).toString());
			GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
			Button browse = new Button(page, SWT.PUSH);
			browse.setText(Messages.wizardBrowse);
			browse.addListener(SWT.Selection, e -> browse());

			empty.setSelection(true);
			examples.getControl().setEnabled(false);
			empty.addListener(SWT.Selection, e -> update());
			fromExample.addListener(SWT.Selection, e -> {
				examples.getControl().setEnabled(fromExample.getSelection());
				if (fromExample.getSelection() && examples.getStructuredSelection().isEmpty()
						&& !Examples.all().isEmpty()) {
					examples.setSelection(new StructuredSelection(Examples.all().get(0)));
				}
				update();
			});
			examples.addSelectionChangedListener(e -> {
				Examples.Example example = example();
				if (example != null) {
					file.setText(folder().resolve(example.file()).toString());
				}
				update();
			});
			file.addListener(SWT.Modify, e -> update());
		}

		/** The height of the longest description at {@link #DESCRIPTION_WIDTH}: none is cut. */
		private int descriptionHeight() {
			int height = 0;
			List<String> texts = new java.util.ArrayList<>(List.of(Messages.wizardEmptyDescription));
			Examples.all().forEach(e -> texts.add(e.description()));
			for (String text : texts) {
				description.setText(text);
				height = Math.max(height, description.computeSize(DESCRIPTION_WIDTH, SWT.DEFAULT).y);
			}
			return height;
		}

		private Path folder() {
			Path current = Path.of(file.getText().trim()).toAbsolutePath().getParent();
			return current == null ? initialFolder : current;
		}

		private void browse() {
			FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
			dialog.setFilterExtensions(new String[] { "*.ksm" }); //$NON-NLS-1$
			dialog.setFilterPath(folder().toString());
			String chosen = org.ksmstudio.ui.internal.export.FileDialogs.open(dialog);
			if (chosen != null) {
				file.setText(chosen.endsWith(".ksm") ? chosen : chosen + ".ksm"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}

		private void update() {
			Examples.Example example = example();
			description.setText(example == null ? Messages.wizardEmptyDescription : example.description());
			String text = file.getText().trim();
			String error = null;
			if (text.isEmpty()) {
				error = Messages.wizardNoFile;
			} else if (!text.endsWith(".ksm")) { //$NON-NLS-1$
				error = Messages.wizardNotKsm;
			} else if (Files.exists(Path.of(text))) {
				error = NLS.bind(Messages.wizardExists, text);
			} else if (!empty.getSelection() && example == null) {
				error = Messages.wizardPickExample;
			}
			setErrorMessage(error);
			setPageComplete(error == null);
		}

		private Examples.@Nullable Example example() {
			if (empty.getSelection()) {
				return null;
			}
			return (Examples.Example) examples.getStructuredSelection().getFirstElement();
		}
	}
}
