package org.ksmstudio.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.ui.internal.Messages;

/** Shown instead of the tree when a scenario file cannot be read: the file, line, column and problem. */
final class LoadErrorPanel {

	/** Widget data key of the text holding the message (for tests). */
	static final String MESSAGE_KEY = "org.ksmstudio.ui.loadError"; //$NON-NLS-1$

	private LoadErrorPanel() {
	}

	static Composite create(Composite parent, ScenarioLoadException error) {
		Composite panel = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(panel);
		Label icon = new Label(panel, SWT.NONE);
		icon.setImage(parent.getDisplay().getSystemImage(SWT.ICON_ERROR));
		GridDataFactory.swtDefaults().span(1, 2).align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
		Label title = new Label(panel, SWT.NONE);
		title.setText(Messages.loadErrorTitle);
		title.setFont(JFaceResources.getBannerFont());
		Text message = new Text(panel, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
		message.setText(error.getMessage());
		message.setData(MESSAGE_KEY, Boolean.TRUE);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(message);
		Label hint = new Label(panel, SWT.WRAP);
		hint.setText(Messages.loadErrorHint);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 12).applyTo(hint);
		return panel;
	}
}
