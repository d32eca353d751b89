package org.ksmstudio.model.validation;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.osgi.util.NLS;

/**
 * User strings of the scenario validation: the allowed values of each constraint ({@code Constraint_*},
 * shown after {@code object: feature = value:}), and the names of model objects ({@code Name_*}).
 * From {@code messages.properties} beside this class through {@link NLS} (which needs no running
 * framework: the headless runner's plain classpath carries the org.eclipse.osgi jar).
 */
@NonNullByDefault({}) // the fields are assigned reflectively when the class loads
@SuppressWarnings("javadoc")
public final class Messages extends NLS {

    public static String Constraint_APercentageTheKernelAcceptsIt;
    public static String Constraint_WithAdvisorModeScanTimeThe;
    public static String Constraint_AboveAdvisorMaxPagesToScan;
    public static String Constraint_TheKernelAnswers;
    public static String Constraint_X8664Has4096ByteBase;
    public static String Constraint_Arm64Has409616384Or65536;
    public static String Constraint_AtLeastOneNUMANodeNode;
    public static String Constraint_NodeIdsMustBe0To;
    public static String Constraint_OneSLITDistancePerNodeExpected;
    public static String Constraint_DistanceToItselfColumnMustBe;
    public static String Constraint_DistanceToNodeMustBe11;
    public static String Constraint_CPUDoesNotExistCPUsAre;
    public static String Constraint_CPUAlreadyBelongsToNode;
    public static String Constraint_ACpulistSuchAs03;
    public static String Constraint_PidsMustBeUniqueProcessesHave;
    public static String Constraint_AlreadyThePidOfAChild;
    public static String Constraint_NoSuchNodeNodesAre;
    public static String Constraint_RegionNamesMustBeUniqueWithin;
    public static String Constraint_ChildrenGetPidsToWhichInclude;
    public static String Constraint_0ToPages;
    public static String Constraint_CapturedStream;
    public static String Constraint_CapturedDistinct;
    public static String Constraint_TheContentGroupsAddUpTo;
    public static String Constraint_TheContentGroupsMustFitIn;
    public static String Constraint_1TheProcessSHomeNode;
    public static String Constraint_LargerThanNodeSMemoryMiB;
    public static String Constraint_AFiniteRateOf0Or;
    public static String Constraint_AFractionFrom0To1;
    public static String Constraint_HugePagesWithinContent;
    public static String Constraint_PinnedPagesWithinContent;
    public static String Constraint_0OrMoreDistinctContents;
    public static String Constraint_0OrMoreCopies;
    public static String Constraint_ContentsXCopiesPagesAboveThe;
    public static String Constraint_ContentsXCopiesOverflowsA64;
    public static String Constraint_ATickRateFrom1To;
    public static String Constraint_ACostOf0NsOr;
    public static String Constraint_0MsOrLater;
    public static String Constraint_0OnceOrAPeriodIn;
    public static String Constraint_0UntilTheRunEndsOr;
    public static String Constraint_AnEventThatFiresMoreThan;
    public static String Constraint_EmptyOkEINVALOrEBUSY;
    public static String Constraint_TheKernelAnswersNotOk;
    public static String Constraint_TheSameNodeAsFromNode;
    public static String Constraint_AStepOf1PageOr;
    public static String Constraint_ARangeWith0FromPage;
    public static String Constraint_NoProcessHasARegionOf;
    public static String Constraint_NoSuchProcessPidsAre;
    public static String Constraint_HasNoSuchRegion;
    public static String Constraint_OutsideWhichHasPages;
    public static String Constraint_0OneReclaimPassOrA;
    public static String Constraint_AFileOfSysKernelMm;
    public static String Constraint_AnIntervalAbove0Ms;
    public static String Constraint_Problem;
    public static String Constraint_AWritableFile;
    public static String Constraint_AKsmStatField;
    public static String Constraint_ADurationAbove0Ms;
    public static String Constraint_NotAShippedPolicy;
    public static String Constraint_NoBoundOrABoundAbove0Ms;
    public static String Name_Node;
    public static String Name_KVMGuest;
    public static String Name_Process;
    public static String Name_ForkOf;
    public static String Name_RegionOf;
    public static String Name_ContentGroupOf;
    public static String Name_KSMConfiguration;
    public static String Name_Topology;
    public static String Name_CostModel;
    public static String Name_TimelineEvent;
    public static String Name_Timeline;
    public static String Name_ExpectedOf;
    public static String Name_Index;
    public static String Name_RunSettings;
    public static String Name_Named;
    public static String Name_Quoted;
    public static String Name_Scenario;

    public static String Constraint_CpuCountRange;
    public static String Constraint_KsmdCpuTimeRange;
    public static String Constraint_NodeMemoryRange;
    public static String Constraint_PidRange;
    public static String Constraint_VcpuRange;
    public static String Constraint_ChildrenRange;
    public static String Constraint_FirstPidRange;
    public static String Constraint_DurationRange;
    public static String Constraint_RepeatRange;

    static {
        NLS.initializeMessages("org.ksmstudio.model.validation.messages", Messages.class);
    }

    private Messages() {
    }
}
