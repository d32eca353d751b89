package org.ksmstudio.rcp.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** User-visible strings of the product application. */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "org.ksmstudio.rcp.internal.messages"; //$NON-NLS-1$

	public static String menuFile;
	public static String menuEdit;
	public static String menuWindow;
	public static String menuShowView;
	public static String menuHelp;
	public static String openFailedTitle;
	public static String openFailed;
	public static String missingScenarios;
	public static String workspaceSaveFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
