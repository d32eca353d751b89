package org.ksmstudio.ui.internal.emf;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;

/** The properties of one model object, read from its item property source, set through commands. */
public class EmfPropertySource implements IPropertySource {

	private final Object object;
	private final IItemPropertySource itemSource;
	private final EditingDomain domain;

	EmfPropertySource(Object object, IItemPropertySource itemSource, EditingDomain domain) {
		this.object = object;
		this.itemSource = itemSource;
		this.domain = domain;
	}

	@Override
	public Object getEditableValue() {
		return itemSource.getEditableValue(object);
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IItemPropertyDescriptor> descriptors = itemSource.getPropertyDescriptors(object);
		IPropertyDescriptor[] result = new IPropertyDescriptor[descriptors.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = new EmfPropertyDescriptor(object, descriptors.get(i));
		}
		return result;
	}

	@Override
	@NonNullByDefault({})
	public Object getPropertyValue(Object id) {
		IItemPropertyDescriptor descriptor = descriptor(id);
		if (descriptor == null) {
			return null;
		}
		Object value = descriptor.getPropertyValue(object);
		return value instanceof IItemPropertySource wrapper ? wrapper.getEditableValue(object) : value;
	}

	@Override
	@NonNullByDefault({})
	public boolean isPropertySet(Object id) {
		IItemPropertyDescriptor descriptor = descriptor(id);
		return descriptor != null && descriptor.isPropertySet(object);
	}

	@Override
	@NonNullByDefault({})
	public void resetPropertyValue(Object id) {
		IItemPropertyDescriptor descriptor = descriptor(id);
		if (descriptor != null && descriptor.getFeature(object) instanceof EStructuralFeature feature) {
			execute(SetCommand.create(domain, object, feature, SetCommand.UNSET_VALUE));
		}
	}

	@Override
	@NonNullByDefault({})
	public void setPropertyValue(Object id, Object value) {
		IItemPropertyDescriptor descriptor = descriptor(id);
		if (descriptor == null || !(descriptor.getFeature(object) instanceof EStructuralFeature feature)) {
			return;
		}
		Object old = getPropertyValue(id);
		if (value == null ? old == null : value.equals(old)) {
			return;
		}
		execute(SetCommand.create(domain, object, feature, value));
	}

	private void execute(Command command) {
		if (command.canExecute()) {
			domain.getCommandStack().execute(command);
		}
	}

	private @Nullable IItemPropertyDescriptor descriptor(Object id) {
		return itemSource.getPropertyDescriptor(object, id);
	}
}
