package org.ksmstudio.ui.internal.emf;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** A drop-down of the allowed values (enum literals, booleans, references); its value is the chosen object. */
final class ChoiceCellEditor extends ComboBoxCellEditor {

	private final List<Object> values;

	ChoiceCellEditor(Composite parent, List<Object> values, ILabelProvider labels) {
		super(parent, values.stream().map(labels::getText).toArray(String[]::new), SWT.READ_ONLY);
		this.values = values;
	}

	@Override
	@NonNullByDefault({})
	protected Object doGetValue() {
		int index = (Integer) super.doGetValue();
		return index < 0 || index >= values.size() ? null : values.get(index);
	}

	@Override
	@NonNullByDefault({})
	protected void doSetValue(Object value) {
		super.doSetValue(Math.max(0, values.indexOf(value)));
	}
}
