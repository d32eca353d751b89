package org.ksmstudio.live.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/** User-visible strings of the live kernel user interface (messages.properties). */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.ksmstudio.live.ui.internal.messages"; //$NON-NLS-1$

	public static String liveTitle;
	public static String liveFile;
	public static String liveValue;
	public static String liveKind;
	public static String liveDefault;
	public static String liveRate;
	public static String liveTunable;
	public static String liveCounter;
	public static String liveUnknown;
	public static String liveMissingHeader;
	public static String liveAllPresent;
	public static String liveUnknownFiles;
	public static String liveSamplingFailed;
	public static String liveProcessesNone;
	public static String liveProcessesCount;
	public static String livePid;
	public static String liveCommand;
	public static String liveNotReported;
	public static String liveYes;
	public static String liveNo;
	public static String livePause;
	public static String liveResume;
	public static String liveChartPages;
	public static String liveChartTree;
	public static String liveChartProfit;
	public static String liveChartScan;
	public static String liveAxisTime;
	public static String liveAxisPages;
	public static String liveAxisDups;
	public static String liveAxisChains;
	public static String liveAxisMiB;
	public static String liveAxisPerSecond;
	public static String liveScanRate;
	public static String restorePendingJob;
	public static String restoreDone;
	public static String restoreFailed;
	public static String restoreNeedsRoot;
	public static String chooseScenarioTitle;
	public static String chooseScenarioFailed;
	public static String noScenarioEditor;
	public static String applyTitle;
	public static String applyMessage;
	public static String applyNothing;
	public static String applyNotRoot;
	public static String applyAbsent;
	public static String applyStep;
	public static String applyFile;
	public static String applyNow;
	public static String applyNew;
	public static String applyWhy;
	public static String applyOutcome;
	public static String applyButton;
	public static String applyExport;
	public static String applyNotOnKernel;
	public static String applyRunning;
	public static String applyOk;
	public static String applyAllOk;
	public static String applyRefused;
	public static String applyLockFailed;
	public static String applyFailed;
	public static String scriptDialogTitle;
	public static String scriptSaved;
	public static String scriptFailed;
	public static String replayTitle;
	public static String replayButton;
	public static String replayCannot;
	public static String replayNeedsRoot;
	public static String replayConfirm;
	public static String replayJob;
	public static String replayPhase;
	public static String replaySimulating;
	public static String replayCancelled;
	public static String replayFailed;
	public static String replayRestoreFailed;
	public static String replayConvertFailed;
	public static String compareNone;
	public static String compareHeader;
	public static String compareVerdictSame;
	public static String compareVerdictDiffers;
	public static String comparePhase;
	public static String compareCounter;
	public static String compareKernel;
	public static String compareSimulated;
	public static String compareDifference;
	public static String compareSame;
	public static String compareSameSum;
	public static String compareDiffers;
	public static String compareNotSettled;
	public static String compareNotSimulated;
	public static String calibrateTitle;
	public static String calibrateButton;
	public static String calibrateNeedsRoot;
	public static String calibrateConfirm;
	public static String calibrateJob;
	public static String calibrateCase;
	public static String calibrateResultTitle;
	public static String calibrateResult;
	public static String calibrateNotes;
	public static String calibrateSave;
	public static String calibrateNameTitle;
	public static String calibrateNamePrompt;
	public static String calibrateNameDefault;
	public static String calibrateSaved;
	public static String calibrateSavedFile;
	public static String calibrateFailed;
	public static String calibrateCancelled;
	public static String calibrateCommand;
	public static String importTitle;
	public static String importDescription;
	public static String importFile;
	public static String importBrowse;
	public static String importName;
	public static String importProcesses;
	public static String importTunables;
	public static String importPreview;
	public static String importReadFailed;
	public static String importNoFile;
	public static String importNotKsm;
	public static String importExists;
	public static String importSaveFailed;
	public static String importSummaryTopology;
	public static String importSummaryNode;
	public static String importSummaryProcesses;
	public static String importSummaryProcess;
	public static String importSummaryNoProcess;
	public static String importSummaryWarnings;
	public static String captureTitle;
	public static String captureDescription;
	public static String captureProcesses;
	public static String captureColumnPid;
	public static String captureColumnCommand;
	public static String captureColumnMerging;
	public static String captureColumnMergeAny;
	public static String captureYes;
	public static String captureOtherPids;
	public static String captureWindow;
	public static String captureAllAnonymous;
	public static String capturePrivacy;
	public static String captureBadPid;
	public static String captureTask;
	public static String captureCancelled;
	public static String captureSaving;
	public static String captureSimulating;
	public static String importRegionClamped;
	public static String importProcessNoRegion;

	/**
	 * {@code pattern} with {@code arguments} as {@link java.text.MessageFormat} formats them, for the
	 * messages with a plural ({@code {0,choice,1#page|1<pages}}); the others go through {@link NLS#bind}.
	 */
	public static String format(String pattern, Object... arguments) {
		return java.text.MessageFormat.format(pattern, arguments);
	}

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
