package org.ksmstudio.ui.internal.emf;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.ksmstudio.ui.internal.Messages;

/**
 * A text cell editor for a value of an EMF data type (numbers, strings): the text is converted
 * with the type's factory; text that does not convert is refused with a message naming the type.
 * The value it opens with is the model's (a Long for an ELong), valid as it is.
 */
final class DataTypeCellEditor extends TextCellEditor {

	private final EDataType type;

	DataTypeCellEditor(Composite parent, EDataType type, boolean multiLine) {
		super(parent, multiLine ? SWT.MULTI | SWT.WRAP : SWT.SINGLE);
		this.type = type;
		setValidator(this::check);
	}

	/**
	 * Null when {@code value} is valid: the model's value the editor opens with (a Long, an Integer)
	 * always is; typed text is when the type's factory converts it.
	 */
	private @Nullable String check(@Nullable Object value) {
		if (!(value instanceof String text)) {
			return null;
		}
		try {
			EcoreUtil.createFromString(type, text);
			return null;
		} catch (RuntimeException e) {
			// the Properties view formats the message with MessageFormat: quote what it would interpret
			String typed = text.replace("'", "''").replace("{", "'{'").replace("}", "'}'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			return NLS.bind(Messages.invalidValue, typed, type.getInstanceClass() == null ? type.getName()
					: type.getInstanceClass().getSimpleName());
		}
	}

	@Override
	@NonNullByDefault({})
	protected Object doGetValue() {
		String text = (String) super.doGetValue();
		try {
			return EcoreUtil.createFromString(type, text);
		} catch (RuntimeException e) {
			return null;
		}
	}

	@Override
	@NonNullByDefault({})
	protected void doSetValue(Object value) {
		super.doSetValue(value == null ? "" : EcoreUtil.convertToString(type, value)); //$NON-NLS-1$
	}
}
