package org.ksmstudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;
import org.ksmstudio.ui.internal.wizards.NewScenarioWizard;
import org.ksmstudio.ui.internal.emf.EmfPropertySourceProvider;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;

/** The New Scenario wizard (empty and from an example), and Problems-view markers for workspace files. */
class WizardAndMarkersTest extends WorkbenchTestCase {


	@Test
	void newScenarioFromAnExampleIsSavedAndOpened() {
		Path file = folder.resolve("consolidation.ksm"); //$NON-NLS-1$
		openWizard();
		Table examples = ui.find(Table.class, t -> t.getData("org.ksmstudio.ui.newScenario.examples") != null, //$NON-NLS-1$
				"the examples list"); //$NON-NLS-1$
		ui.clickButton("Copy of an example:"); //$NON-NLS-1$
		// every example's description is shown whole
		for (org.ksmstudio.model.Examples.Example example : org.ksmstudio.model.Examples.all()) {
			ui.run(() -> {
				examples.setSelection(UiDriver.row(examples, example.name()));
				examples.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			});
			org.eclipse.swt.widgets.Label description = ui.find(org.eclipse.swt.widgets.Label.class,
					l -> example.description().equals(l.getText()), "the description of " + example.name()); //$NON-NLS-1$
			ui.flush();
			ui.run(() -> assertTrue(description.computeSize(description.getSize().x, org.eclipse.swt.SWT.DEFAULT).y
					<= description.getSize().y, example.name() + "'s description is cut: " + description.getSize())); //$NON-NLS-1$
		}
		ui.run(() -> {
			int row = UiDriver.row(examples, "VM consolidation host"); //$NON-NLS-1$
			assertTrue(row >= 0, "the examples are listed by name"); //$NON-NLS-1$
			examples.setSelection(row);
			examples.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		});
		Text name = ui.find(Text.class, t -> t.getData("org.ksmstudio.ui.newScenario.file") != null, "the file field"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.waitUntil(() -> name.getText().endsWith("vm-consolidation.ksm"), () -> "the example's file name is proposed: " //$NON-NLS-1$ //$NON-NLS-2$
				+ name.getText());
		ui.type(name, file.toString());
		ui.clickButton("Finish"); //$NON-NLS-1$
		ui.waitUntil(() -> Files.exists(file) && TestScenarios.page().getActiveEditor() instanceof ScenarioEditor e
				&& e.getScenario() != null && "VM consolidation".equals(e.getScenario().getName()), //$NON-NLS-1$
				() -> "the scenario is written and opened: " + TestScenarios.page().getActiveEditor()); //$NON-NLS-1$
	}

	@Test
	void newEmptyScenarioRefusesAnExistingFile() throws Exception {
		Path existing = Files.writeString(folder.resolve("taken.ksm"), "keep me"); //$NON-NLS-1$ //$NON-NLS-2$
		openWizard();
		Text name = ui.find(Text.class, t -> t.getData("org.ksmstudio.ui.newScenario.file") != null, "the file field"); //$NON-NLS-1$ //$NON-NLS-2$
		ui.type(name, existing.toString());
		ui.waitUntil(() -> !finishEnabled(), () -> "Finish is disabled for an existing file"); //$NON-NLS-1$
		Path fresh = folder.resolve("fresh.ksm"); //$NON-NLS-1$
		ui.type(name, fresh.toString());
		ui.clickButton("Finish"); //$NON-NLS-1$
		ui.waitUntil(() -> Files.exists(fresh), () -> "the empty scenario is written"); //$NON-NLS-1$
		assertEquals("fresh", ScenarioResources.load(fresh).getName()); //$NON-NLS-1$
		assertEquals("keep me", Files.readString(existing)); //$NON-NLS-1$
	}

	@Test
	void workspaceFileGetsProblemMarkers() throws IOException, CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("markers"); //$NON-NLS-1$
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile file = project.getFile("scenario.ksm"); //$NON-NLS-1$
		Path source = TestScenarios.copyExample("reference-a-b-2000x1-mps256.ksm", folder); //$NON-NLS-1$
		if (file.exists()) {
			file.delete(true, null);
		}
		file.create(Files.newInputStream(source), true, null);
		ScenarioEditor editor = ui.sync(() -> {
			try {
				IEditorPart part = IDE.openEditor(TestScenarios.page(), file);
				return (ScenarioEditor) part;
			} catch (PartInitException e) {
				throw new AssertionError(e);
			}
		});
		ui.run(() -> {
			IPropertySource source2 = new EmfPropertySourceProvider(
					((org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain) editor.getEditingDomain()).getAdapterFactory(),
					editor.getEditingDomain()).getPropertySource(editor.getScenario().getKsm());
			for (IPropertyDescriptor d : source2.getPropertyDescriptors()) {
				if ("max_page_sharing".equals(d.getDisplayName())) { //$NON-NLS-1$
					source2.setPropertyValue(d.getId(), 1);
				}
			}
		});
		ui.waitUntil(() -> markers(file).length == 1, () -> "one problem marker on the file: " + markers(file).length); //$NON-NLS-1$
		IMarker marker = markers(file)[0];
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("max_page_sharing"), //$NON-NLS-1$ //$NON-NLS-2$
				"the marker names the tunable: " + marker.getAttribute(IMarker.MESSAGE, "")); //$NON-NLS-1$ //$NON-NLS-2$
		ui.run(() -> IDE.gotoMarker(editor, marker));
		assertEquals(editor.getScenario().getKsm(), ui.sync(() -> editor.getTreeViewer().getStructuredSelection().getFirstElement()),
				"going to the marker selects the object"); //$NON-NLS-1$
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	private boolean finishEnabled() {
		return !ui.findAll(org.eclipse.swt.widgets.Button.class, b -> "Finish".equals(b.getText().replace("&", "")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				&& b.isEnabled()).isEmpty();
	}

	private void openWizard() {
		ui.async(() -> {
			NewScenarioWizard wizard = new NewScenarioWizard();
			wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
			new WizardDialog(TestScenarios.page().getWorkbenchWindow().getShell(), wizard).open();
		});
	}
}
