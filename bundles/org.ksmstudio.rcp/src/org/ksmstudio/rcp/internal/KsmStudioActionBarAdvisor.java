package org.ksmstudio.rcp.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The standard File, Edit, Window and Help menus with the workbench's own actions
 * (save, undo/redo with Ctrl+Z/Ctrl+Y, preferences, about); views and editors add the rest.
 */
final class KsmStudioActionBarAdvisor extends ActionBarAdvisor {

	KsmStudioActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	@NonNullByDefault({})
	protected void makeActions(IWorkbenchWindow window) {
		for (ActionFactory factory : new ActionFactory[] { ActionFactory.SAVE, ActionFactory.SAVE_AS,
				ActionFactory.SAVE_ALL, ActionFactory.CLOSE, ActionFactory.CLOSE_ALL, ActionFactory.QUIT,
				ActionFactory.UNDO, ActionFactory.REDO, ActionFactory.CUT, ActionFactory.COPY, ActionFactory.PASTE,
				ActionFactory.DELETE, ActionFactory.SELECT_ALL, ActionFactory.PREFERENCES,
				ActionFactory.RESET_PERSPECTIVE, ActionFactory.ABOUT }) {
			register(factory.create(window));
		}
	}

	@Override
	@NonNullByDefault({})
	protected void fillMenuBar(IMenuManager menuBar) {
		IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

		MenuManager file = new MenuManager(Messages.menuFile, IWorkbenchActionConstants.M_FILE);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
		file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
		file.add(new Separator());
		file.add(getAction(ActionFactory.CLOSE.getId()));
		file.add(getAction(ActionFactory.CLOSE_ALL.getId()));
		file.add(new Separator());
		file.add(getAction(ActionFactory.SAVE.getId()));
		file.add(getAction(ActionFactory.SAVE_AS.getId()));
		file.add(getAction(ActionFactory.SAVE_ALL.getId()));
		file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(getAction(ActionFactory.QUIT.getId()));
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

		MenuManager edit = new MenuManager(Messages.menuEdit, IWorkbenchActionConstants.M_EDIT);
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		edit.add(getAction(ActionFactory.UNDO.getId()));
		edit.add(getAction(ActionFactory.REDO.getId()));
		edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
		edit.add(new Separator());
		edit.add(getAction(ActionFactory.CUT.getId()));
		edit.add(getAction(ActionFactory.COPY.getId()));
		edit.add(getAction(ActionFactory.PASTE.getId()));
		edit.add(new Separator());
		edit.add(getAction(ActionFactory.DELETE.getId()));
		edit.add(getAction(ActionFactory.SELECT_ALL.getId()));
		edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

		MenuManager windowMenu = new MenuManager(Messages.menuWindow, IWorkbenchActionConstants.M_WINDOW);
		MenuManager showView = new MenuManager(Messages.menuShowView, "showView"); //$NON-NLS-1$
		showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		windowMenu.add(showView);
		windowMenu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
		windowMenu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		windowMenu.add(new Separator());
		windowMenu.add(getAction(ActionFactory.PREFERENCES.getId()));

		MenuManager help = new MenuManager(Messages.menuHelp, IWorkbenchActionConstants.M_HELP);
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
		help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		help.add(new Separator());
		help.add(getAction(ActionFactory.ABOUT.getId()));
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

		menuBar.add(file);
		menuBar.add(edit);
		menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(windowMenu);
		menuBar.add(help);
	}
}
