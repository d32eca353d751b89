package org.ksmstudio.ui.internal.emf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.swt.dnd.ByteArrayTransfer;
import org.eclipse.swt.dnd.TransferData;

/**
 * Drags model objects within this process: the objects stay in memory and only a marker crosses
 * the native drag and drop; a drop elsewhere (another application) gets nothing. The equivalent of
 * EMF.Edit.UI's LocalTransfer, which is not on Maven Central.
 */
public final class ModelTransfer extends ByteArrayTransfer {

	private static final String TYPE_NAME = "org.ksmstudio.ui.modelTransfer"; //$NON-NLS-1$
	private static final int TYPE_ID = registerType(TYPE_NAME);
	private static final ModelTransfer INSTANCE = new ModelTransfer();
	private static final byte[] MARKER = TYPE_NAME.getBytes(StandardCharsets.US_ASCII);

	private Collection<?> objects = List.of();

	private ModelTransfer() {
	}

	/** The one instance. */
	public static ModelTransfer getInstance() {
		return INSTANCE;
	}

	/** The objects being dragged (empty when no drag started here). */
	public Collection<?> objects() {
		return objects;
	}

	/** Starts a drag of {@code dragged}. */
	public void start(Collection<?> dragged) {
		objects = List.copyOf(dragged);
	}

	/** Ends the current drag. */
	public void finish() {
		objects = List.of();
	}

	@Override
	@NonNullByDefault({})
	protected void javaToNative(Object object, TransferData transferData) {
		super.javaToNative(MARKER, transferData);
	}

	@Override
	@NonNullByDefault({})
	protected Object nativeToJava(TransferData transferData) {
		Object data = super.nativeToJava(transferData);
		return data instanceof byte[] bytes && Arrays.equals(bytes, MARKER) ? objects : null;
	}

	@Override
	protected int[] getTypeIds() {
		return new int[] { TYPE_ID };
	}

	@Override
	protected String[] getTypeNames() {
		return new String[] { TYPE_NAME };
	}
}
