package org.ksmstudio.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The KSM Studio perspective: the scenario editor in the middle, the tunables and properties on
 * the left, the rmap chains on the right, counters, latency, problems and progress below.
 */
public final class KsmStudioPerspective implements IPerspectiveFactory {

	/** Perspective id, opened by the product. */
	public static final String ID = "org.ksmstudio.ui.perspective"; //$NON-NLS-1$
	/** View ids, as in plugin.xml. */
	public static final String TUNABLES = "org.ksmstudio.ui.views.tunables"; //$NON-NLS-1$
	public static final String COUNTERS = "org.ksmstudio.ui.views.counters"; //$NON-NLS-1$
	public static final String RMAP_CHAINS = "org.ksmstudio.ui.views.rmapChains"; //$NON-NLS-1$
	public static final String LATENCY = "org.ksmstudio.ui.views.latency"; //$NON-NLS-1$

	private static final String PROGRESS = "org.eclipse.ui.views.ProgressView"; //$NON-NLS-1$

	@Override
	@NonNullByDefault({})
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.38f, editors); //$NON-NLS-1$
		left.addView(TUNABLES);
		IFolderLayout properties = layout.createFolder("properties", IPageLayout.BOTTOM, 0.55f, "left"); //$NON-NLS-1$ //$NON-NLS-2$
		properties.addView(IPageLayout.ID_PROP_SHEET);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.50f, editors); //$NON-NLS-1$
		bottom.addView(COUNTERS);
		bottom.addView(LATENCY);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addPlaceholder(PROGRESS);
		IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.55f, editors); //$NON-NLS-1$
		right.addView(RMAP_CHAINS);

		for (String view : new String[] { TUNABLES, COUNTERS, RMAP_CHAINS, LATENCY, IPageLayout.ID_PROP_SHEET,
				IPageLayout.ID_PROBLEM_VIEW, PROGRESS }) {
			layout.addShowViewShortcut(view);
		}
		layout.addNewWizardShortcut("org.ksmstudio.ui.wizard.newScenario"); //$NON-NLS-1$
	}
}
