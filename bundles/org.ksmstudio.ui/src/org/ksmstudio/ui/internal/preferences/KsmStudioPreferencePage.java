package org.ksmstudio.ui.internal.preferences;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.ksmstudio.ui.internal.Messages;

/** Window > Preferences > KSM Studio: the category of the product's pages. */
public final class KsmStudioPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** A page without defaults or apply. */
	public KsmStudioPreferencePage() {
		noDefaultAndApplyButton();
	}

	@Override
	@NonNullByDefault({})
	public void init(IWorkbench workbench) {
		// nothing to read
	}

	@Override
	@NonNullByDefault({})
	protected Control createContents(Composite parent) {
		Label text = new Label(parent, SWT.WRAP);
		text.setText(Messages.preferencesCategory);
		return text;
	}
}
