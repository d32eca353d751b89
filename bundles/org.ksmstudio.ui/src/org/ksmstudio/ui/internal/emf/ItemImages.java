package org.ksmstudio.ui.internal.emf;

import java.net.URL;
import java.util.List;

import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.CompositeImageDescriptor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * Turns the images of EMF.Edit item providers (a {@link URL}, a {@link ComposedImage} or an SWT
 * image) into SWT images owned by a resource manager, so they are created once and disposed with it.
 */
public final class ItemImages {

	private final ResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

	/** The SWT image for an item provider's image object, or null. */
	public @Nullable Image image(Object image) {
		if (image instanceof Image swt) {
			return swt;
		}
		ImageDescriptor descriptor = descriptor(image);
		return descriptor == null ? null : resources.create(descriptor);
	}

	/** The descriptor of an item provider's image object, or null. */
	public static @Nullable ImageDescriptor descriptor(Object image) {
		if (image instanceof ImageDescriptor descriptor) {
			return descriptor;
		}
		if (image instanceof URL url) {
			return ImageDescriptor.createFromURL(url);
		}
		if (image instanceof ComposedImage composed) {
			return new ComposedDescriptor(composed);
		}
		return null;
	}

	/** Disposes every image created here. */
	public void dispose() {
		resources.dispose();
	}

	/** Draws the images of a {@link ComposedImage} on top of each other. */
	private static final class ComposedDescriptor extends CompositeImageDescriptor {
		private final ComposedImage composed;

		ComposedDescriptor(ComposedImage composed) {
			this.composed = composed;
		}

		@Override
		protected void drawCompositeImage(int width, int height) {
			for (Object part : composed.getImages()) {
				ImageDescriptor descriptor = descriptor(part);
				if (descriptor != null) {
					drawImage(createCachedImageDataProvider(descriptor), 0, 0);
				}
			}
		}

		@Override
		protected Point getSize() {
			return new Point(16, 16);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof ComposedDescriptor c && c.composed.equals(composed);
		}

		@Override
		public int hashCode() {
			List<Object> images = composed.getImages();
			return images.hashCode();
		}
	}
}
