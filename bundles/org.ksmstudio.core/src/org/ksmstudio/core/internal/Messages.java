package org.ksmstudio.core.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * User strings of the core bundle (headless runner, conversion, replay), from
 * {@code messages.properties} beside this class through {@link NLS}, which needs no running framework:
 * the headless runner's plain classpath carries the org.eclipse.osgi jar. Patterns take {@code {0}}-style
 * arguments: {@code NLS.bind(Messages.X, a, b)}, more than two as an {@code Object[]}.
 */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
@SuppressWarnings("javadoc")
public final class Messages extends NLS {

    public static String Headless_Prefix;
    public static String Headless_InternalError;
    public static String Headless_UsageHelp;
    public static String Headless_DurationTooLong;
    public static String Headless_NumberRange;
    public static String Headless_Exclusive;
    public static String Headless_RunOutOfRange;
    public static String Headless_CheckFailed;
    public static String Headless_MoreDifferences;
    public static String Headless_EmptyValue;
    public static String Headless_OutputIsInput;
    public static String Headless_SameOutput;
    public static String Sweep_TooManyRuns;
    public static String Headless_PendingRestored;
    public static String Headless_PendingNeedsRoot;
    public static String Headless_PendingFailed;
    public static String Headless_Usage;
    public static String Headless_UsageMore;
    public static String Headless_UnknownOption;
    public static String Headless_OneFile;
    public static String Headless_NoFile;
    public static String Headless_NeedsValue;
    public static String Headless_NotANumber;
    public static String Headless_CannotWrite;
    public static String Headless_PolicyHeader;
    public static String Headless_WalksHeader;
    public static String Headless_Duration;
    public static String Headless_DurationPositive;

    public static String Run_Usage;
    public static String Run_UntilTakesConverged;
    public static String Run_RunTakesIndex;

    public static String Sweep_Usage;
    public static String Sweep_Progress;
    public static String Sweep_Summary;
    public static String Sweep_ParamTwice;

    public static String Convert_Invalid;
    public static String Convert_MoreProblems;
    public static String Convert_OneMoreProblem;
    public static String Convert_NoRunSettings;
    public static String Convert_EngineRefuses;
    public static String Convert_RegionNode;
    public static String Convert_CapturedNotSaved;
    public static String Capture_Architecture;
    public static String Capture_Usage;
    public static String Capture_Note;
    public static String Capture_Summary;
    public static String Capture_Wrote;
    public static String Capture_SaveFailed;
    public static String Capture_NoComparison;
    public static String Capture_Interrupted;
    public static String Capture_BadPid;
    public static String Capture_NoPid;
    public static String Capture_NoOut;
    public static String Capture_HugePages;
    public static String Capture_NoRegion;
    public static String Convert_CapturedNoFile;
    public static String Convert_CapturedNoStream;
    public static String Convert_CapturedPages;
    public static String Convert_AtAfterConvergence;
    public static String Convert_MovePagesRange;
    public static String Guard_TimelineTooLong;
    public static String Guard_TooManyFirings;
    public static String Guard_TooManyProcesses;
    public static String Guard_TooManyPages;
    public static String Guard_TooManySamples;
    public static String Guard_NotEnoughHeap;
    public static String Convert_Unsupported;

    public static String Policies_BadContribution;
    public static String Policies_NameDiffers;
    public static String Policies_NameTaken;
    public static String Policies_CannotCreate;

    public static String Replay_Usage;
    public static String Replay_ProcessCounter;
    public static String Replay_KsmUnavailable;
    public static String Replay_NotRoot;
    public static String Replay_NoConsole;
    public static String Replay_Confirm;
    public static String Replay_ConfirmPrompt;
    public static String Replay_Declined;
    public static String Replay_Phase;
    public static String Replay_Restored;
    public static String Replay_RestoreFailed;
    public static String Replay_Failed;
    public static String Replay_Cancelled;
    public static String Replay_Header;
    public static String Replay_PhaseHeader;
    public static String Replay_NotSettled;
    public static String Replay_NotSimulated;
    public static String Replay_ColumnCounter;
    public static String Replay_ColumnKernel;
    public static String Replay_ColumnSimulated;
    public static String Replay_Same;
    public static String Replay_SameSum;
    public static String Replay_Differs;
    public static String Replay_Summary;
    public static String Replay_VerdictSame;
    public static String Replay_VerdictDiffers;
    public static String Replay_Recorded;

    public static String Compare_Scenario;
    public static String Compare_Policy;
    public static String Compare_Source;
    public static String Compare_Changed;
    public static String Compare_PagesSaved;
    public static String Compare_MemorySaved;
    public static String Compare_KsmPages;
    public static String Compare_DupMemory;
    public static String Compare_CpuShare;
    public static String Compare_CpuTime;
    public static String Compare_MergedBy;
    public static String Compare_SimulatedTime;
    public static String Compare_WorstWalk;
    public static String Compare_LongestStretch;
    public static String Compare_Failures;
    public static String Compare_OperationOnNode;
    public static String Compare_Pages;
    public static String Compare_P99;
    public static String Compare_Max;
    public static String Compare_Delta;

    /** The option descriptions of the command line ({@code descriptionKey} of picocli). */
    public static String Help_File;
    public static String Help_Pids;
    public static String Help_Out;
    public static String Help_Window;
    public static String Help_AllAnonymous;
    public static String Help_Until;
    public static String Help_For;
    public static String Help_Json;
    public static String Help_Csv;
    public static String Help_Run;
    public static String Help_Policy;
    public static String Help_Help;
    public static String Help_Reference;
    public static String Help_Param;
    public static String Help_Policies;
    public static String Help_Threads;
    public static String Help_Yes;
    public static String Help_RecordReference;
    public static String Help_PhaseTimeout;
    public static String Help_Lock;

    static {
        NLS.initializeMessages("org.ksmstudio.core.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
