package org.ksmstudio.ui.internal.perspective;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "KSM Studio" perspective: scenario editors in the middle, the Properties view
 * below them. The KSM Studio views (tunables, counters, rmap chains, latency) join it
 * as they are contributed.
 */
public final class KsmStudioPerspectiveFactory implements IPerspectiveFactory {

	/** Id of this perspective, as declared in plugin.xml. */
	public static final String ID = "org.ksmstudio.ui.perspective"; //$NON-NLS-1$

	private static final String BOTTOM = "org.ksmstudio.ui.perspective.bottom"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.BOTTOM, 0.7f, layout.getEditorArea());
		bottom.addView(IPageLayout.ID_PROP_SHEET);
		bottom.addPlaceholder(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
	}
}
