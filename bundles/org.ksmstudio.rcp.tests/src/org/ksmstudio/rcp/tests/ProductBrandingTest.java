package org.ksmstudio.rcp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.ksmstudio.rcp.internal.KsmStudioApplication;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * The product as the platform sees it, read from the extension registry: its application,
 * name (the window title), about text and image, window icons and preference defaults.
 */
class ProductBrandingTest {

	private static final String RCP = "org.ksmstudio.rcp"; //$NON-NLS-1$
	private static final String PRODUCT_ID = RCP + ".product"; //$NON-NLS-1$
	private static final String APPLICATION_ID = RCP + ".application"; //$NON-NLS-1$

	private final Bundle bundle = Platform.getBundle(RCP);

	@Test
	void productRunsTheKsmStudioApplication() throws CoreException {
		IConfigurationElement product = product();
		assertEquals(APPLICATION_ID, product.getAttribute("application")); //$NON-NLS-1$

		IExtension application = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.applications", //$NON-NLS-1$
				APPLICATION_ID);
		assertNotNull(application, APPLICATION_ID);
		IConfigurationElement run = application.getConfigurationElements()[0].getChildren("run")[0]; //$NON-NLS-1$
		assertTrue(run.createExecutableExtension("class") instanceof KsmStudioApplication); //$NON-NLS-1$
	}

	@Test
	void windowTitleAndApplicationNameAreKsmStudio() {
		IConfigurationElement product = product();
		assertEquals("KSM Studio", product.getAttribute("name")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("KSM Studio", properties(product).get("appName")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aboutTextNamesTheProductAndItsVersion() {
		String about = properties(product()).get("aboutText"); //$NON-NLS-1$
		assertNotNull(about);
		assertTrue(about.startsWith("KSM Studio\n"), about); //$NON-NLS-1$
		Version version = bundle.getVersion();
		String shown = version.getMajor() + "." + version.getMinor() + "." + version.getMicro(); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(about.contains("Version " + shown + "\n"), about); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(about.contains("/sys/kernel/mm/ksm"), about); //$NON-NLS-1$
		assertFalse(about.contains("%"), "untranslated key in " + about); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void aboutImageLoads() throws IOException {
		BufferedImage image = image(properties(product()).get("aboutImage")); //$NON-NLS-1$
		assertTrue(image.getWidth() >= 64 && image.getHeight() >= 64,
				image.getWidth() + "x" + image.getHeight()); //$NON-NLS-1$
	}

	@Test
	void windowIconsLoadAsSquaresOfTheSizeTheirNameSays() throws IOException {
		String[] paths = properties(product()).get("windowImages").split(","); //$NON-NLS-1$ //$NON-NLS-2$
		Set<Integer> sizes = new HashSet<>();
		for (String path : paths) {
			BufferedImage image = image(path);
			assertEquals(image.getWidth(), image.getHeight(), path);
			String digits = path.replaceAll("\\D", ""); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(Integer.parseInt(digits), image.getWidth(), path);
			assertTrue(image.getColorModel().hasAlpha(), path + " has no transparency"); //$NON-NLS-1$
			assertTrue(sizes.add(image.getWidth()), "two window images of size " + image.getWidth()); //$NON-NLS-1$
		}
		assertTrue(sizes.containsAll(List.of(16, 32, 48)), "sizes " + sizes); //$NON-NLS-1$
	}

	@Test
	void preferenceDefaultsOpenTheKsmStudioPerspective() throws IOException {
		String file = properties(product()).get("preferenceCustomization"); //$NON-NLS-1$
		URL entry = bundle.getEntry(file);
		assertNotNull(entry, file);
		Properties defaults = new Properties();
		try (InputStream in = entry.openStream()) {
			defaults.load(in);
		}
		assertEquals(KsmStudioApplication.PERSPECTIVE_ID, defaults.getProperty("org.eclipse.ui/defaultPerspectiveId")); //$NON-NLS-1$
	}

	private IConfigurationElement product() {
		IExtension extension = Platform.getExtensionRegistry().getExtension("org.eclipse.core.runtime.products", //$NON-NLS-1$
				PRODUCT_ID);
		assertNotNull(extension, PRODUCT_ID);
		assertEquals(RCP, extension.getContributor().getName());
		IConfigurationElement[] products = extension.getConfigurationElements();
		assertEquals(1, products.length);
		return products[0];
	}

	private static Map<String, String> properties(IConfigurationElement product) {
		Map<String, String> properties = new HashMap<>();
		Arrays.stream(product.getChildren("property")).forEach(p -> properties.put(p.getAttribute("name"), //$NON-NLS-1$ //$NON-NLS-2$
				p.getAttribute("value"))); //$NON-NLS-1$
		return properties;
	}

	private BufferedImage image(String path) throws IOException {
		assertNotNull(path);
		URL entry = bundle.getEntry(path);
		assertNotNull(entry, "missing from " + RCP + ": " + path); //$NON-NLS-1$ //$NON-NLS-2$
		try (InputStream in = entry.openStream()) {
			BufferedImage image = ImageIO.read(in);
			assertNotNull(image, "not an image: " + path); //$NON-NLS-1$
			return image;
		}
	}
}
