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
	public static String runRefused;
	public static String runFailedBecause;
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
	public static String chartTime;
	public static String chartPages;
	public static String chartPagesAxis;
	public static String chartStableTree;
	public static String chartNodesAxis;
	public static String chartProfit;
	public static String chartMiB;
	public static String chartCpu;
	public static String chartPercent;
	public static String countersName;
	public static String countersValue;
	public static String countersPid;
	public static String countersProcess;
	public static String countersNoRun;
	public static String countersTitle;
	public static String statusStarting;
	public static String statusRunning;
	public static String statusPaused;
	public static String statusDone;
	public static String statusCancelled;
	public static String statusFailed;
	public static String exportTitle;
	public static String exportNothing;
	public static String exportFailed;
	public static String exportCountersCsv;
	public static String exportCountersJson;
	public static String exportChartsPng;
	public static String exportTunablesScript;
	public static String rmapFilter;
	public static String rmapNode;
	public static String rmapItems;
	public static String rmapFill;
	public static String rmapNumaNode;
	public static String rmapSummary;
	public static String rmapSummaryTruncated;
	public static String rmapChainLabel;
	public static String rmapRegularLabel;
	public static String rmapDup;
	public static String rmapDupStale;
	public static String rmapGroup;
	public static String rmapLoading;
	public static String rmapMore;
	public static String rmapChainDetail;
	public static String rmapWalkComputing;
	public static String rmapWalkChanged;
	public static String rmapWalkDetail;
	public static String latencyChart;
	public static String latencyChartAxis;
	public static String latencyWorstMigration;
	public static String latencyWorstStretch;
	public static String latencyNode;
	public static String latencyOperation;
	public static String latencyPages;
	public static String latencyKsmPages;
	public static String latencyLongestWalk;
	public static String latencyStretch;
	public static String latencyIpis;
	public static String latencyFailures;
	public static String latencyPolicyCell;
	public static String latencyMemory;
	public static String exportLatencyCsv;
	public static String opMigrate;
	public static String opMigratePrompt;
	public static String opCompact;
	public static String opCompactPrompt;
	public static String opPressure;
	public static String opPressurePrompt;
	public static String opWrite;
	public static String opWritePrompt;
	public static String opWriteInvalid;
	public static String opWriteDone;
	public static String opNumbers;
	public static String opRefused;
	public static String opResult;
	public static String rmapChainFill;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
