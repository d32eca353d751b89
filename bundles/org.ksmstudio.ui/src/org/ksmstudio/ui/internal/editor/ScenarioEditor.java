package org.ksmstudio.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EventObject;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;
import org.ksmstudio.model.scenario.provider.ScenarioItemProviderAdapterFactory;
import org.ksmstudio.model.validation.ObjectNames;
import org.ksmstudio.model.scenario.util.ScenarioResourceFactoryImpl;
import org.ksmstudio.model.scenario.ScenarioPackage;
import org.ksmstudio.ui.internal.Messages;
import org.ksmstudio.ui.internal.emf.EmfContentProvider;
import org.ksmstudio.ui.internal.emf.EmfPropertySourceProvider;
import org.ksmstudio.ui.internal.emf.ModelDragAdapter;
import org.ksmstudio.ui.internal.emf.ModelDropAdapter;
import org.ksmstudio.ui.internal.emf.ModelTransfer;
import org.ksmstudio.ui.internal.run.RunSlot;

/**
 * The scenario editor for {@code .ksm} files: the model as a tree, edited in the Properties view and
 * through the tree's New Child, New Sibling, Delete, Cut, Copy, Paste and drag and drop
 * ({@link ScenarioActionBarContributor}), every change a command on the editing domain's command
 * stack (undo/redo, dirty marker, the changed objects selected), validated after
 * every change (decorations, the problems list, Problems-view markers for workspace files), saved
 * atomically. A file that cannot be read shows its error (file:line:column) instead of the tree.
 * It also owns the run of the scenario ({@link RunSlot}).
 */
public class ScenarioEditor extends EditorPart implements IEditingDomainProvider, IGotoMarker {

	/** Editor id, as in plugin.xml. */
	public static final String ID = "org.ksmstudio.ui.editor.scenario"; //$NON-NLS-1$
	/** Widget data key of the model tree and of the problems table (for tests). */
	public static final String TREE_KEY = "org.ksmstudio.ui.scenarioTree"; //$NON-NLS-1$
	/** Widget data key of the problems table (for tests). */
	public static final String PROBLEMS_KEY = "org.ksmstudio.ui.scenarioProblems"; //$NON-NLS-1$

	private final ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(
			ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
	private final BasicCommandStack commandStack = new BasicCommandStack();
	private final AdapterFactoryEditingDomain domain;
	private final RunSlot runSlot = new RunSlot();
	private @Nullable Scenario scenario;
	private @Nullable ScenarioLoadException loadError;
	/** The file's version on disk when loaded or last saved. */
	private @Nullable DiskVersion diskVersion;
	private @Nullable TreeViewer tree;
	private @Nullable TableViewer problemsTable;
	private volatile ScenarioProblems problems = ScenarioProblems.none();
	private @Nullable PropertySheetPage propertySheetPage;
	private boolean validationScheduled;
	private final CommandStackListener commandStackListener = this::commandStackChanged;

	/** Creates the editor with its editing domain. */
	public ScenarioEditor() {
		adapterFactory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
		adapterFactory.addAdapterFactory(new ScenarioItemProviderAdapterFactory());
		adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		domain = new AdapterFactoryEditingDomain(adapterFactory, commandStack, new HashMap<>());
		ResourceSet resourceSet = domain.getResourceSet();
		ScenarioModel.init();
		resourceSet.getPackageRegistry().put(ScenarioPackage.eNS_URI, ScenarioPackage.eINSTANCE);
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap()
				.put(Resource.Factory.Registry.DEFAULT_EXTENSION, new ScenarioResourceFactoryImpl());
	}

	@Override
	@NonNullByDefault({})
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		setInputWithNotify(input);
		setPartName(input.getName());
		Path path = EditorInputs.path(input);
		if (path == null) {
			throw new PartInitException(NLS.bind(Messages.editorNoLocalFile, input.getName()));
		}
		try {
			diskVersion = DiskVersion.of(path);
			Scenario loaded = ScenarioResources.load(path, domain.getResourceSet());
			scenario = loaded;
			problems = ScenarioProblems.validate(loaded);
		} catch (ScenarioLoadException e) {
			loadError = e;
		}
		commandStack.addCommandStackListener(commandStackListener);
	}

	@Override
	@NonNullByDefault({})
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		ScenarioLoadException error = loadError;
		if (error != null) {
			LoadErrorPanel.create(parent, error);
			return;
		}
		Scenario model = Objects.requireNonNull(scenario, "init reads it when it sets no load error"); //$NON-NLS-1$
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		TreeViewer viewer = new TreeViewer(sash, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
		tree = viewer;
		viewer.getTree().setData(TREE_KEY, Boolean.TRUE);
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new EmfContentProvider(adapterFactory));
		viewer.setLabelProvider(new ProblemDecoratingLabelProvider(adapterFactory, () -> problems));
		viewer.setInput(model.eResource());
		viewer.expandToLevel(2);
		viewer.setSelection(new StructuredSelection(model));
		getSite().setSelectionProvider(viewer);
		createContextMenu(viewer);
		viewer.addDragSupport(DND.DROP_MOVE | DND.DROP_COPY, new Transfer[] { ModelTransfer.getInstance() },
				new ModelDragAdapter(viewer));
		viewer.addDropSupport(DND.DROP_MOVE | DND.DROP_COPY, new Transfer[] { ModelTransfer.getInstance() },
				new ModelDropAdapter(domain, viewer.getControl(),
						dragged -> NLS.bind(Messages.moveObjects, SelectionCommandAction.names(List.copyOf(dragged)))));
		createProblemsTable(sash);
		sash.setWeights(new int[] { 78, 22 });
		showProblems();
	}

	/** The tree's context menu: the contributor's New Child, New Sibling and edit actions, then others' contributions. */
	private void createContextMenu(TreeViewer viewer) {
		MenuManager menu = new MenuManager("#PopUp"); //$NON-NLS-1$
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(manager -> contributor().fillContextMenu(manager));
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(menu, viewer);
	}

	private ScenarioActionBarContributor contributor() {
		return (ScenarioActionBarContributor) getEditorSite().getActionBarContributor();
	}

	private void createProblemsTable(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		TableViewer table = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
		problemsTable = table;
		table.getTable().setHeaderVisible(true);
		table.getTable().setData(PROBLEMS_KEY, Boolean.TRUE);
		table.setContentProvider(ArrayContentProvider.getInstance());
		TableViewerColumn message = new TableViewerColumn(table, SWT.LEFT);
		message.getColumn().setText(Messages.problemsMessage);
		message.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return ((ScenarioProblems.Problem) element).message();
			}

			@Override
			@NonNullByDefault({})
			public Image getImage(Object element) {
				ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
				return images.getImage(((ScenarioProblems.Problem) element).severity() >= Diagnostic.ERROR
						? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_WARN_TSK);
			}
		});
		layout.setColumnData(message.getColumn(), new ColumnWeightData(75));
		TableViewerColumn object = new TableViewerColumn(table, SWT.LEFT);
		object.getColumn().setText(Messages.problemsObject);
		object.setLabelProvider(new ColumnLabelProvider() {
			@Override
			@NonNullByDefault({})
			public String getText(Object element) {
				return ObjectNames.of(((ScenarioProblems.Problem) element).object());
			}
		});
		layout.setColumnData(object.getColumn(), new ColumnWeightData(25));
		table.addDoubleClickListener(event -> {
			Object first = ((IStructuredSelection) event.getSelection()).getFirstElement();
			if (first instanceof ScenarioProblems.Problem problem) {
				reveal(problem.object());
			}
		});
	}

	private void commandStackChanged(EventObject event) {
		Display display = getSite().getShell().getDisplay();
		display.asyncExec(() -> {
			TreeViewer viewer = tree;
			if (viewer == null || viewer.getControl().isDisposed()) {
				return;
			}
			firePropertyChange(PROP_DIRTY);
			Command recent = commandStack.getMostRecentCommand();
			if (recent != null && !recent.getAffectedObjects().isEmpty()) {
				viewer.setSelection(new StructuredSelection(List.copyOf(recent.getAffectedObjects())), true);
			}
			PropertySheetPage page = propertySheetPage;
			if (page != null && !page.getControl().isDisposed()) {
				page.refresh();
			}
			scheduleValidation(display);
		});
	}

	private void scheduleValidation(Display display) {
		if (validationScheduled) {
			return;
		}
		validationScheduled = true;
		display.timerExec(150, () -> {
			validationScheduled = false;
			TreeViewer viewer = tree;
			Scenario model = scenario;
			if (viewer != null && !viewer.getControl().isDisposed() && model != null) {
				problems = ScenarioProblems.validate(model);
				showProblems();
				viewer.refresh(true);
			}
		});
	}

	private void showProblems() {
		TableViewer table = problemsTable;
		if (table != null) {
			table.setInput(problems.all());
		}
		IFile file = EditorInputs.workspaceFile(getEditorInput());
		if (file != null) {
			ProblemMarkers.update(file, problems);
		}
	}

	/** Selects and shows {@code object} in the tree. */
	public void reveal(EObject object) {
		TreeViewer viewer = tree;
		if (viewer != null) {
			viewer.setSelection(new StructuredSelection(object), true);
			viewer.getControl().setFocus();
		}
	}

	@Override
	@NonNullByDefault({})
	public void gotoMarker(IMarker marker) {
		String fragment = marker.getAttribute(ProblemMarkers.OBJECT, null);
		Scenario model = scenario;
		if (fragment != null && model != null) {
			EObject object = model.eResource().getEObject(fragment);
			if (object != null) {
				reveal(object);
			}
		}
	}

	@Override
	public void setFocus() {
		TreeViewer viewer = tree;
		if (viewer != null) {
			viewer.getControl().setFocus();
		}
	}

	@Override
	public boolean isDirty() {
		return commandStack.isSaveNeeded();
	}

	@Override
	@NonNullByDefault({})
	public void doSave(IProgressMonitor monitor) {
		save(EditorInputs.path(getEditorInput()));
	}

	@Override
	public boolean isSaveAsAllowed() {
		return scenario != null;
	}

	@Override
	public void doSaveAs() {
		Scenario model = scenario;
		if (model == null) {
			return; // not allowed: isSaveAsAllowed
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.ksm" }); //$NON-NLS-1$
		dialog.setOverwrite(true);
		Path current = EditorInputs.path(getEditorInput());
		if (current != null && current.getParent() != null) {
			dialog.setFilterPath(current.getParent().toString());
			dialog.setFileName(current.getFileName().toString());
		}
		String chosen = org.ksmstudio.ui.internal.export.FileDialogs.open(dialog);
		if (chosen == null) {
			return;
		}
		Path target = Path.of(chosen);
		model.eResource().setURI(URI.createFileURI(target.toAbsolutePath().toString()));
		if (save(target)) {
			setInputWithNotify(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(target.toUri())));
			setPartName(getEditorInput().getName());
		}
	}

	private boolean save(@Nullable Path path) {
		Scenario model = scenario;
		if (model == null || path == null) {
			return false;
		}
		DiskVersion loaded = diskVersion;
		if (loaded != null && path.equals(EditorInputs.path(getEditorInput()))
				&& !loaded.mayOverwrite(getSite().getShell(), path)) {
			return false;
		}
		try {
			ScenarioResources.save(model, path);
			diskVersion = DiskVersion.of(path);
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(getSite().getShell(), Messages.saveFailedTitle,
					NLS.bind(Messages.saveFailed, path, e.getMessage()));
			return false;
		}
		commandStack.saveIsDone();
		IFile file = EditorInputs.workspaceFile(getEditorInput());
		if (file != null) {
			try {
				file.refreshLocal(IResource.DEPTH_ZERO, null);
			} catch (CoreException e) {
				// the file was written; the workspace catches up on its next refresh
			}
		}
		firePropertyChange(PROP_DIRTY);
		return true;
	}

	@Override
	@NonNullByDefault({})
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IPropertySheetPage.class) {
			return adapter.cast(propertySheetPage());
		}
		if (adapter == RunSlot.class) {
			return adapter.cast(runSlot);
		}
		if (adapter == IGotoMarker.class) {
			return adapter.cast(this);
		}
		return super.getAdapter(adapter);
	}

	private IPropertySheetPage propertySheetPage() {
		PropertySheetPage page = propertySheetPage;
		if (page == null || page.getControl() == null || page.getControl().isDisposed()) {
			page = new PropertySheetPage() {
				@Override
				@NonNullByDefault({})
				public void setActionBars(org.eclipse.ui.IActionBars actionBars) {
					super.setActionBars(actionBars);
					contributor().shareGlobalActions(actionBars);
				}
			};
			page.setPropertySourceProvider(new EmfPropertySourceProvider(adapterFactory, domain));
			propertySheetPage = page;
		}
		return page;
	}

	@Override
	public EditingDomain getEditingDomain() {
		return domain;
	}

	/** The scenario being edited, null when the file could not be read. */
	public @Nullable Scenario getScenario() {
		return scenario;
	}

	/** Why the file could not be read, or null. */
	public @Nullable ScenarioLoadException getLoadError() {
		return loadError;
	}

	/** The validation problems of the current model. */
	public ScenarioProblems getProblems() {
		return problems;
	}

	/** The model tree (for tests and commands). */
	public @Nullable TreeViewer getTreeViewer() {
		return tree;
	}

	/** The run of this editor's scenario. */
	public RunSlot getRunSlot() {
		return runSlot;
	}

	/** Index of the run settings selected in the tree, or 0. */
	public int selectedRunIndex() {
		TreeViewer viewer = tree;
		Scenario model = scenario;
		if (viewer != null && model != null) {
			Object first = viewer.getStructuredSelection().getFirstElement();
			int index = model.getRuns().indexOf(first);
			if (index >= 0) {
				return index;
			}
		}
		return 0;
	}

	@Override
	public void dispose() {
		runSlot.dispose();
		commandStack.removeCommandStackListener(commandStackListener);
		if (propertySheetPage != null) {
			propertySheetPage.dispose();
		}
		adapterFactory.dispose();
		super.dispose();
	}
}
