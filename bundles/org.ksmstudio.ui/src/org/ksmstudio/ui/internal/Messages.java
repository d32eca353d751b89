package org.ksmstudio.ui.internal;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the KSM Studio user interface (messages.properties). */
public final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.ksmstudio.ui.internal.messages"; //$NON-NLS-1$

	public static String invalidValue;
	public static String editorNoLocalFile;
	public static String loadErrorTitle;
	public static String loadErrorHint;
	public static String markersJob;
	public static String openFailedTitle;
	public static String problemsMessage;
	public static String problemsObject;
	public static String undo;
	public static String redo;
	public static String saveFailedTitle;
	public static String saveFailed;
	public static String runRefusedTitle;
	public static String runJob;
	public static String runFaultingIn;
	public static String runProgress;
	public static String runFailed;
	public static String tunablesFile;
	public static String tunablesValue;
	public static String tunablesDefault;
	public static String tunablesLastWrite;
	public static String tunablesNoRun;
	public static String tunablesStarting;
	public static String tunablesRunOf;
	public static String tunablesReset;
	public static String tunablesResetTooltip;
	public static String tunablesWriteJob;
	public static String tunablesEcho;
	public static String tunablesWriteOk;
	public static String tunablesWriteRefused;
	public static String wizardWindowTitle;
	public static String wizardTitle;
	public static String wizardDescription;
	public static String wizardEmpty;
	public static String wizardEmptyDescription;
	public static String wizardExample;
	public static String wizardFile;
	public static String wizardBrowse;
	public static String wizardNoFile;
	public static String wizardNotKsm;
	public static String wizardExists;
	public static String wizardPickExample;
	public static String wizardSaveFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
