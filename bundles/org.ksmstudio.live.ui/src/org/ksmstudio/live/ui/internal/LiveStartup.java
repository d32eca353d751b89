package org.ksmstudio.live.ui.internal;

import org.eclipse.ui.IStartup;

/** At workbench start (off the UI thread): restores the KSM tunables of an experiment that did not finish. */
public final class LiveStartup implements IStartup {

	@Override
	public void earlyStartup() {
		PendingRestore.recoverOnce(LiveSources.current());
	}
}
