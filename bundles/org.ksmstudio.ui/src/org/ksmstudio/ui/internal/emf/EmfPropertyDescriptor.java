package org.ksmstudio.ui.internal.emf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;

/**
 * One property of the Properties view over an {@link IItemPropertyDescriptor}: display name,
 * description, category, the value's label (with its unit) and a cell editor for its type.
 */
public class EmfPropertyDescriptor implements IPropertyDescriptor {

	private final Object object;
	private final IItemPropertyDescriptor descriptor;

	EmfPropertyDescriptor(Object object, IItemPropertyDescriptor descriptor) {
		this.object = object;
		this.descriptor = descriptor;
	}

	@Override
	@NonNullByDefault({})
	public CellEditor createPropertyEditor(Composite parent) {
		if (!descriptor.canSetProperty(object) || !(descriptor.getFeature(object) instanceof EStructuralFeature feature)
				|| feature.isMany()) {
			return null;
		}
		EClassifier type = feature.getEType();
		if (type instanceof EDataType dataType && isBoolean(dataType)) {
			return new ChoiceCellEditor(parent, List.of(Boolean.FALSE, Boolean.TRUE), getLabelProvider());
		}
		Collection<?> choices = descriptor.getChoiceOfValues(object);
		if (choices != null || type instanceof EEnum) {
			List<Object> values = new ArrayList<>();
			if (choices != null) {
				values.addAll(choices);
			} else {
				((EEnum) type).getELiterals().forEach(literal -> values.add(literal.getInstance()));
			}
			return new ChoiceCellEditor(parent, values, getLabelProvider());
		}
		if (type instanceof EDataType dataType) {
			return new DataTypeCellEditor(parent, dataType, descriptor.isMultiLine(object));
		}
		return null;
	}

	private static boolean isBoolean(EDataType type) {
		Class<?> c = type.getInstanceClass();
		return c == boolean.class || c == Boolean.class;
	}

	@Override
	public String getCategory() {
		return descriptor.getCategory(object);
	}

	@Override
	public String getDescription() {
		return descriptor.getDescription(object);
	}

	@Override
	public String getDisplayName() {
		return descriptor.getDisplayName(object);
	}

	@Override
	public String[] getFilterFlags() {
		return descriptor.getFilterFlags(object);
	}

	@Override
	@NonNullByDefault({})
	public Object getHelpContextIds() {
		return null;
	}

	@Override
	public Object getId() {
		return descriptor.getId(object);
	}

	@Override
	public ILabelProvider getLabelProvider() {
		IItemLabelProvider itemLabels = descriptor.getLabelProvider(object);
		return new LabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return itemLabels.getText(element);
			}
		};
	}

	@Override
	@NonNullByDefault({})
	public boolean isCompatibleWith(IPropertyDescriptor other) {
		return other instanceof EmfPropertyDescriptor o && o.getId().equals(getId())
				&& java.util.Objects.equals(o.getCategory(), getCategory());
	}
}
