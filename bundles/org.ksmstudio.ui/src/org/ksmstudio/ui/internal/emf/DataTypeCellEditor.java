package org.ksmstudio.ui.internal.emf;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.ksmstudio.ui.internal.Messages;

/**
 * A text cell editor for a value of an EMF data type (numbers, strings): the text is converted
 * with the type's factory; text that does not convert is refused with a message naming the type.
 */
final class DataTypeCellEditor extends TextCellEditor {

	private final EDataType type;

	DataTypeCellEditor(Composite parent, EDataType type, boolean multiLine) {
		super(parent, multiLine ? SWT.MULTI | SWT.WRAP : SWT.SINGLE);
		this.type = type;
		setValidator(value -> {
			try {
				EcoreUtil.createFromString(type, (String) value);
				return null;
			} catch (RuntimeException e) {
				return NLS.bind(Messages.invalidValue, value, type.getInstanceClass() == null ? type.getName()
						: type.getInstanceClass().getSimpleName());
			}
		});
	}

	@Override
	protected Object doGetValue() {
		String text = (String) super.doGetValue();
		try {
			return EcoreUtil.createFromString(type, text);
		} catch (RuntimeException e) {
			return null;
		}
	}

	@Override
	protected void doSetValue(Object value) {
		super.doSetValue(value == null ? "" : EcoreUtil.convertToString(type, value)); //$NON-NLS-1$
	}
}
