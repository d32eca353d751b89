package org.ksmstudio.ui.internal.emf;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DragSourceListener;

/**
 * Starts a drag of a viewer's selected model objects through {@link ModelTransfer}. The
 * equivalent of EMF.Edit.UI's ViewerDragAdapter, which is not on Maven Central.
 */
public final class ModelDragAdapter implements DragSourceListener {

	private final StructuredViewer viewer;

	/** Drags the selection of {@code viewer}. */
	public ModelDragAdapter(StructuredViewer viewer) {
		this.viewer = viewer;
	}

	@Override
	@NonNullByDefault({})
	public void dragStart(DragSourceEvent event) {
		event.doit = start();
	}

	/** Puts the viewer's selection into the transfer; false when nothing is selected. */
	public boolean start() {
		var selection = viewer.getStructuredSelection();
		ModelTransfer.getInstance().start(selection.toList());
		return !selection.isEmpty();
	}

	@Override
	@NonNullByDefault({})
	public void dragSetData(DragSourceEvent event) {
		if (ModelTransfer.getInstance().isSupportedType(event.dataType)) {
			event.data = ModelTransfer.getInstance().objects();
		}
	}

	@Override
	@NonNullByDefault({})
	public void dragFinished(DragSourceEvent event) {
		ModelTransfer.getInstance().finish();
	}
}
