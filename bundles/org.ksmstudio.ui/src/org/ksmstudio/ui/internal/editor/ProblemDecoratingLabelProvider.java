package org.ksmstudio.ui.internal.editor;

import java.util.function.Supplier;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.ksmstudio.ui.internal.emf.EmfLabelProvider;

import org.eclipse.emf.common.notify.AdapterFactory;

/** The model's labels with an error or warning overlay on objects that have (or contain) a validation problem. */
final class ProblemDecoratingLabelProvider extends EmfLabelProvider {

	private final Supplier<ScenarioProblems> problems;
	private final ResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

	ProblemDecoratingLabelProvider(AdapterFactory adapterFactory, Supplier<ScenarioProblems> problems) {
		super(adapterFactory);
		this.problems = problems;
	}

	@Override
	@NonNullByDefault({})
	public Image getImage(Object element) {
		Image base = super.getImage(element);
		int severity = problems.get().severity(element);
		if (base == null || severity < Diagnostic.WARNING) {
			return base;
		}
		ImageDescriptor overlay = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(
				severity >= Diagnostic.ERROR ? ISharedImages.IMG_DEC_FIELD_ERROR : ISharedImages.IMG_DEC_FIELD_WARNING);
		return resources.create(new DecorationOverlayIcon(base, overlay, IDecoration.BOTTOM_LEFT));
	}

	@Override
	public void dispose() {
		resources.dispose();
		super.dispose();
	}
}
