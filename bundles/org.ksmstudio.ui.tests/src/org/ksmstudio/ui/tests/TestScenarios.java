package org.ksmstudio.ui.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.ksmstudio.model.Examples;
import org.ksmstudio.ui.internal.editor.ScenarioEditor;

/** Copies bundled examples to a folder and opens them in the workbench of the UI tests. */
final class TestScenarios {

	private TestScenarios() {
	}

	/** Copies the example file {@code name} (e.g. {@code 2016-sharing-limit.ksm}) into {@code folder}. */
	static Path copyExample(String name, Path folder) throws IOException {
		Examples.Example example = Examples.byFile(name).orElseThrow(() -> new AssertionError("no example " + name)); //$NON-NLS-1$
		Path target = folder.resolve(name);
		try (InputStream in = new java.net.URL(example.uri().toString()).openStream()) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}

	/** The active page of the workbench; call on the UI thread. */
	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens {@code file} in its editor (as the product does for files outside the workspace). */
	static ScenarioEditor open(UiDriver ui, Path file) {
		return ui.sync(() -> {
			try {
				IEditorPart editor = IDE.openEditorOnFileStore(page(), EFS.getLocalFileSystem().getStore(file.toUri()));
				return (ScenarioEditor) editor;
			} catch (PartInitException e) {
				throw new AssertionError(e);
			}
		});
	}

	/** Shows the view {@code id} and returns it. */
	static <V extends IViewPart> V showView(UiDriver ui, String id, Class<V> type) {
		return ui.sync(() -> {
			try {
				return type.cast(page().showView(id));
			} catch (PartInitException e) {
				throw new AssertionError(e);
			}
		});
	}

	/** Executes a workbench command as a key binding or toolbar button would. */
	static void command(UiDriver ui, String id) {
		ui.run(() -> {
			org.eclipse.ui.handlers.IHandlerService handlers = page().getWorkbenchWindow()
					.getService(org.eclipse.ui.handlers.IHandlerService.class);
			try {
				handlers.executeCommand(id, null);
			} catch (Exception e) {
				throw new AssertionError(id + ": " + e, e); //$NON-NLS-1$
			}
		});
	}

	/** Executes a command with one parameter. */
	static void command(UiDriver ui, String id, String parameter, String value) {
		ui.run(() -> {
			org.eclipse.ui.commands.ICommandService commands = page().getWorkbenchWindow()
					.getService(org.eclipse.ui.commands.ICommandService.class);
			org.eclipse.ui.handlers.IHandlerService handlers = page().getWorkbenchWindow()
					.getService(org.eclipse.ui.handlers.IHandlerService.class);
			try {
				handlers.executeCommand(org.eclipse.core.commands.ParameterizedCommand
						.generateCommand(commands.getCommand(id), java.util.Map.of(parameter, value)), null);
			} catch (Exception e) {
				throw new AssertionError(id + ": " + e, e); //$NON-NLS-1$
			}
		});
	}

	/** The action labelled {@code text} in the menu of {@code view}. */
	static org.eclipse.jface.action.IAction menuAction(IViewPart view, String text) {
		for (org.eclipse.jface.action.IContributionItem item : view.getViewSite().getActionBars().getMenuManager()
				.getItems()) {
			if (item instanceof org.eclipse.jface.action.ActionContributionItem action
					&& text.equals(action.getAction().getText())) {
				return action.getAction();
			}
		}
		throw new AssertionError("no menu item " + text); //$NON-NLS-1$
	}

	/** Closes every editor without saving and opens the KSM Studio perspective. */
	static void reset(UiDriver ui) {
		ui.run(() -> {
			for (org.eclipse.swt.widgets.Shell shell : ui.display().getShells()) {
				if (shell != page().getWorkbenchWindow().getShell() && shell.getData() instanceof org.eclipse.jface.window.Window dialog) {
					dialog.close();
				}
			}
			IWorkbenchPage page = page();
			page.closeAllEditors(false);
			page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
					.findPerspectiveWithId(org.ksmstudio.ui.internal.KsmStudioPerspective.ID));
			page.resetPerspective();
			page.getWorkbenchWindow().getShell().setSize(1400, 900);
		});
	}
}
