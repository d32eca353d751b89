package org.ksmstudio.ui.internal.commands;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.ksmstudio.ui.internal.run.Speed;

/**
 * The items of Simulation > Speed, built each time the menu opens: one radio item per
 * {@link Speed}, the active editor's marked.
 */
public final class SpeedMenu extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		double current = SpeedHandler.current(window);
		Speed[] speeds = Speed.values();
		IContributionItem[] items = new IContributionItem[speeds.length];
		for (int i = 0; i < speeds.length; i++) {
			Speed speed = speeds[i];
			IAction action = new Action(speed.label(), IAction.AS_RADIO_BUTTON) {
				@Override
				public void run() {
					if (isChecked()) {
						SpeedHandler.set(window, speed.value());
					}
				}
			};
			action.setChecked(speed.value() == current);
			items[i] = new ActionContributionItem(action);
		}
		return items;
	}
}
