package org.ksmstudio.rcp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPerspectiveFactory;
import org.junit.jupiter.api.Test;
import org.ksmstudio.rcp.internal.KsmStudioApplication;
import org.ksmstudio.rcp.internal.ScenarioArguments;

/**
 * What the product opens exists in the installation: the perspective of its first window, and an
 * editor for the {@code .ksm} files given on the command line (opened by content type).
 */
class PerspectiveAndEditorTest {

	@Test
	void thePerspectiveTheProductOpensIsContributed() throws CoreException {
		IConfigurationElement perspective = contributions("org.eclipse.ui.perspectives").stream() //$NON-NLS-1$
				.filter(e -> KsmStudioApplication.PERSPECTIVE_ID.equals(e.getAttribute("id"))) //$NON-NLS-1$
				.findFirst().orElse(null);
		assertNotNull(perspective, "no perspective " + KsmStudioApplication.PERSPECTIVE_ID); //$NON-NLS-1$
		assertEquals("KSM Studio", perspective.getAttribute("name")); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(perspective.createExecutableExtension("class") instanceof IPerspectiveFactory); //$NON-NLS-1$
	}

	@Test
	void scenarioFilesHaveADefaultEditor() throws ClassNotFoundException {
		String file = "scenario" + ScenarioArguments.SCENARIO_EXTENSION; //$NON-NLS-1$
		IContentType type = Platform.getContentTypeManager().findContentTypeFor(file);
		assertNotNull(type, "no content type for " + file); //$NON-NLS-1$

		Optional<IConfigurationElement> editor = contributions("org.eclipse.ui.editors").stream() //$NON-NLS-1$
				.filter(e -> Arrays.stream(e.getChildren("contentTypeBinding")) //$NON-NLS-1$
						.anyMatch(b -> type.getId().equals(b.getAttribute("contentTypeId")))) //$NON-NLS-1$
				.findFirst();
		assertTrue(editor.isPresent(), "no editor bound to " + type.getId()); //$NON-NLS-1$
		assertEquals("true", editor.get().getAttribute("default")); //$NON-NLS-1$ //$NON-NLS-2$
		String extensions = editor.get().getAttribute("extensions"); //$NON-NLS-1$
		assertTrue(extensions != null && List.of(extensions.split(",")).contains("ksm"), extensions); //$NON-NLS-1$ //$NON-NLS-2$
		Class<?> part = Platform.getBundle(editor.get().getContributor().getName())
				.loadClass(editor.get().getAttribute("class")); //$NON-NLS-1$
		assertTrue(IEditorPart.class.isAssignableFrom(part), part.getName());
	}

	private static List<IConfigurationElement> contributions(String extensionPoint) {
		return List.of(Platform.getExtensionRegistry().getConfigurationElementsFor(extensionPoint));
	}
}
