package org.ksmstudio.ui.internal.emf;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.IItemColorProvider;
import org.eclipse.emf.edit.provider.IItemFontProvider;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IColorProvider;
import org.eclipse.jface.viewers.IFontProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/**
 * A JFace label provider over EMF.Edit's item label providers: text, image, and the optional
 * colours ({@link IItemColorProvider}) and fonts ({@link IItemFontProvider}).
 */
public class EmfLabelProvider extends LabelProvider implements IColorProvider, IFontProvider {

	private final AdapterFactory adapterFactory;
	private final ItemImages images = new ItemImages();

	/** Creates a label provider for the item providers of {@code adapterFactory}. */
	public EmfLabelProvider(AdapterFactory adapterFactory) {
		this.adapterFactory = adapterFactory;
	}

	@Override
	@NonNullByDefault({})
	public String getText(Object element) {
		IItemLabelProvider provider = (IItemLabelProvider) adapterFactory.adapt(element, IItemLabelProvider.class);
		return provider == null ? String.valueOf(element) : provider.getText(element);
	}

	@Override
	@NonNullByDefault({})
	public Image getImage(Object element) {
		IItemLabelProvider provider = (IItemLabelProvider) adapterFactory.adapt(element, IItemLabelProvider.class);
		return provider == null ? null : images.image(provider.getImage(element));
	}

	@Override
	@NonNullByDefault({})
	public Color getForeground(Object element) {
		IItemColorProvider provider = (IItemColorProvider) adapterFactory.adapt(element, IItemColorProvider.class);
		return provider == null ? null : color(provider.getForeground(element));
	}

	@Override
	@NonNullByDefault({})
	public Color getBackground(Object element) {
		IItemColorProvider provider = (IItemColorProvider) adapterFactory.adapt(element, IItemColorProvider.class);
		return provider == null ? null : color(provider.getBackground(element));
	}

	@Override
	@NonNullByDefault({})
	public Font getFont(Object element) {
		IItemFontProvider provider = (IItemFontProvider) adapterFactory.adapt(element, IItemFontProvider.class);
		Object font = provider == null ? null : provider.getFont(element);
		if (font == IItemFontProvider.BOLD_FONT) {
			return JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		}
		if (font == IItemFontProvider.ITALIC_FONT) {
			return JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT);
		}
		return null;
	}

	private static @Nullable Color color(Object color) {
		if (color instanceof Color swt) {
			return swt;
		}
		if (color == IItemColorProvider.GRAYED_OUT_COLOR) {
			return Display.getCurrent().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND);
		}
		return null;
	}

	@Override
	public void dispose() {
		images.dispose();
		super.dispose();
	}
}
