package org.ksmstudio.ui.internal.emf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.provider.IChangeNotifier;
import org.eclipse.emf.edit.provider.INotifyChangedListener;
import org.eclipse.emf.edit.provider.IStructuredItemContentProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.emf.edit.provider.IViewerNotification;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Control;

/**
 * A JFace tree content provider over EMF.Edit's item content providers. It listens to the adapter
 * factory and refreshes the viewer (in {@code asyncExec}, batched) when the model changes.
 */
public class EmfContentProvider implements ITreeContentProvider, INotifyChangedListener {

	private final AdapterFactory adapterFactory;
	private final List<Notification> pending = new ArrayList<>();
	private @Nullable StructuredViewer viewer;

	/** Creates a content provider for the item providers of {@code adapterFactory}. */
	public EmfContentProvider(AdapterFactory adapterFactory) {
		this.adapterFactory = adapterFactory;
		if (adapterFactory instanceof IChangeNotifier notifier) {
			notifier.addListener(this);
		}
	}

	@Override
	@NonNullByDefault({})
	public Object[] getElements(Object input) {
		if (input instanceof Resource resource) {
			return resource.getContents().toArray();
		}
		if (input instanceof Collection<?> collection) {
			return collection.toArray();
		}
		IStructuredItemContentProvider provider = (IStructuredItemContentProvider) adapterFactory.adapt(input,
				IStructuredItemContentProvider.class);
		return provider == null ? new Object[0] : provider.getElements(input).toArray();
	}

	@Override
	@NonNullByDefault({})
	public Object[] getChildren(Object parent) {
		ITreeItemContentProvider provider = treeProvider(parent);
		return provider == null ? new Object[0] : provider.getChildren(parent).toArray();
	}

	@Override
	@NonNullByDefault({})
	public Object getParent(Object element) {
		ITreeItemContentProvider provider = treeProvider(element);
		return provider == null ? null : provider.getParent(element);
	}

	@Override
	@NonNullByDefault({})
	public boolean hasChildren(Object element) {
		ITreeItemContentProvider provider = treeProvider(element);
		return provider != null && provider.hasChildren(element);
	}

	private @Nullable ITreeItemContentProvider treeProvider(Object object) {
		return (ITreeItemContentProvider) adapterFactory.adapt(object, ITreeItemContentProvider.class);
	}

	@Override
	@NonNullByDefault({})
	public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
		this.viewer = (StructuredViewer) newViewer;
	}

	@Override
	@NonNullByDefault({})
	public void notifyChanged(Notification notification) {
		Control control = viewer == null ? null : viewer.getControl();
		if (control == null || control.isDisposed()) {
			return;
		}
		boolean schedule;
		synchronized (pending) {
			schedule = pending.isEmpty();
			pending.add(notification);
		}
		if (schedule) {
			control.getDisplay().asyncExec(this::refreshPending);
		}
	}

	private void refreshPending() {
		List<Notification> batch;
		synchronized (pending) {
			batch = new ArrayList<>(pending);
			pending.clear();
		}
		StructuredViewer shown = viewer;
		if (shown == null || shown.getControl().isDisposed()) {
			return;
		}
		if (batch.size() > 50) {
			shown.refresh();
			return;
		}
		for (Notification notification : batch) {
			if (notification instanceof IViewerNotification change) {
				Object element = change.getElement();
				if (change.isContentRefresh()) {
					shown.refresh(element, change.isLabelUpdate());
				} else if (change.isLabelUpdate()) {
					shown.update(element, null);
				}
			} else {
				shown.refresh();
			}
		}
	}

	@Override
	public void dispose() {
		if (adapterFactory instanceof IChangeNotifier notifier) {
			notifier.removeListener(this);
		}
		viewer = null;
	}
}
