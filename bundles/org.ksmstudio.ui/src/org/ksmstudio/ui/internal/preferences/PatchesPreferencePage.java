package org.ksmstudio.ui.internal.preferences;

import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ksmstudio.core.policy.PatchFolder;
import org.ksmstudio.ui.internal.Messages;

/**
 * Window > Preferences > KSM Studio > Patches: the folder of patch jars ({@code --patches} of the
 * headless runner). Applying a folder loads its patches at once, so that every policy chooser and
 * new run knows them; a folder that cannot be loaded is refused with the loader's one-line message.
 */
public final class PatchesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
	/** Page id. */
	public static final String ID = "org.ksmstudio.ui.preferences.patches"; //$NON-NLS-1$

	private @Nullable DirectoryFieldEditor folder;

	/** A grid page over the core bundle's instance preferences. */
	public PatchesPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, PatchFolder.NODE));
		setDescription(Messages.patchesDescription);
	}

	@Override
	@NonNullByDefault({})
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		DirectoryFieldEditor editor = new DirectoryFieldEditor(PatchFolder.PREFERENCE, Messages.patchesFolder,
				getFieldEditorParent());
		editor.setEmptyStringAllowed(true);
		addField(editor);
		folder = editor;
	}

	@Override
	public boolean performOk() {
		DirectoryFieldEditor editor = folder;
		String path = editor == null ? "" : editor.getStringValue().strip(); //$NON-NLS-1$
		if (!path.isEmpty()) {
			try {
				List<String> names = PatchFolder.load(path);
				setMessage(names.isEmpty() ? null : NLS.bind(Messages.patchesLoaded, String.join(", ", names)), //$NON-NLS-1$
						INFORMATION);
			} catch (IllegalArgumentException e) {
				setErrorMessage(e.getMessage());
				return false;
			}
		}
		setErrorMessage(null);
		return super.performOk();
	}
}
