package org.ksmstudio.core.headless;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.replay.KernelReplay;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.proc.ProcessKsmReader;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.replay.ReferenceDocument;
import org.ksmstudio.live.replay.ReferenceFormat;
import org.ksmstudio.live.replay.ReferenceRecorder;
import org.ksmstudio.live.replay.ReplayCase;
import org.ksmstudio.live.replay.ReplayListener;
import org.ksmstudio.live.replay.ReplayRunner;
import org.ksmstudio.live.replay.WorkloadGenerator;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmAccess;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.RestoreGuard;
import org.ksmstudio.live.sysfs.RestoreReport;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --replay FILE.ksm [--yes] [--record-reference OUT.json]}: replays the scenario's workload on
 * the real kernel (the live bundle's workload generator, the scenario's tunables written to
 * /sys/kernel/mm/ksm, the previous values restored afterwards, also on failure or Ctrl-C), runs the
 * same case in the simulator, and prints both side by side per phase with a verdict. Writes /sys
 * only as root and only after a confirmation on the terminal, or with {@code --yes}; without a
 * terminal and without {@code --yes} it refuses with one line. Exit code 0 when every counter
 * matches, 1 when some differ, 2 when nothing could be compared (bad options or file, a scenario
 * the generator cannot replay, no KSM, not root, not confirmed, the replay failed).
 */
public final class ReplayCommand implements HeadlessCommand {

    /** Asks the user a question on a terminal. */
    @FunctionalInterface
    public interface Terminal {
        /** Shows {@code prompt} and returns the line typed, or null at end of input. */
        String readLine(String prompt);
    }

    /**
     * Where the replay reads and writes: the KSM directory, proc, the terminal (null when there is
     * none), the tunables' restore file and the generator's build cache.
     */
    public record Environment(Path ksmDirectory, Path proc, Supplier<@Nullable Terminal> terminal, Path restoreFile,
            Path generatorCache) {

        /** This machine: /sys/kernel/mm/ksm, /proc, the console when it is a terminal. */
        public static Environment system() {
            return new Environment(KsmSysfs.DEFAULT_DIRECTORY, ProcessKsmReader.DEFAULT_PROC, ReplayCommand::console,
                    RestoreGuard.defaultRestoreFile(), WorkloadGenerator.defaultCacheDirectory());
        }
    }

    private final Environment environment;

    /** The command on this machine. */
    public ReplayCommand() {
        this(Environment.system());
    }

    /** The command on {@code environment} (tests: fake trees, scripted answers). */
    public ReplayCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String option() {
        return "--replay";
    }

    @Override
    public String usage() {
        return Messages.Replay_Usage;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Settings options;
        RunPlan plan;
        ReplayCase replayCase;
        try {
            Options parsed = new Options();
            if (!Cli.parse(parsed, Messages.Replay_Usage, args, out)) {
                return 0;
            }
            options = parsed.settings();
        } catch (UsageException e) {
            return fail(err, e.getMessage());
        }
        try {
            ScenarioModel.init();
            org.ksmstudio.model.scenario.Scenario model = ScenarioResources.load(options.file);
            plan = ScenarioConverter.convert(model, Cli.runIndex(options.run, model.getRuns().size()), options.policy);
            replayCase = KernelReplay.replayCase(plan);
        } catch (UsageException | ScenarioLoadException e) {
            return fail(err, e.getMessage());
        } catch (ConversionException | IllegalArgumentException e) {
            return fail(err, Text.shown(options.file.toString()) + ": " + e.getMessage());
        }
        KsmSysfs sysfs = new KsmSysfs(environment.ksmDirectory());
        KsmAccess access = sysfs.access();
        if (access.level() == KsmAccess.Level.ABSENT) {
            return fail(err, NLS.bind(Messages.Replay_KsmUnavailable, access.message()));
        }
        if (!access.canWrite()) {
            return fail(err, NLS.bind(Messages.Replay_NotRoot, sysfs.directory()));
        }
        if (!options.yes && !confirmed(replayCase, sysfs, err)) {
            return 2;
        }
        ReplayRunner runner = new ReplayRunner(sysfs, new ProcessKsmReader(environment.proc()),
                ReplayRunner.Options.defaults().withRestoreFile(environment.restoreFile())
                        .withLockFile(options.lock).withPhaseTimeout(options.phaseTimeout)
                        .withGeneratorCacheDirectory(environment.generatorCache()));
        ReferenceDocument document;
        try {
            document = new ReferenceRecorder(runner, environment.proc()).record(List.of(replayCase), listener(err),
                    () -> Thread.currentThread().isInterrupted());
        } catch (CancellationException e) {
            return fail(err, NLS.bind(Messages.Replay_Cancelled, e.getMessage()));
        } catch (IOException e) {
            return fail(err, NLS.bind(Messages.Replay_Failed, options.file, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, NLS.bind(Messages.Replay_Cancelled, options.file));
        }
        RecordedCase recorded = document.cases().get(0);
        RunResult simulated = KernelReplay.simulate(plan.scenario(), recorded);
        boolean same = print(out, options.file, document.kernel(), plan.scenario().run().policy(), recorded, simulated);
        if (options.recordReference != null) {
            try {
                ReferenceFormat.write(document, options.recordReference);
                err.println(Text.oneLine(NLS.bind(Messages.Replay_Recorded, options.recordReference)));
            } catch (IOException e) {
                return fail(err, NLS.bind(Messages.Headless_CannotWrite, e.getMessage()));
            }
        }
        return same ? 0 : 1;
    }

    private static int fail(PrintStream err, String message) {
        HeadlessMain.fail(err, message);
        return 2;
    }

    /** Shows what will be written and asks; one line and false without a terminal or without a yes. */
    private boolean confirmed(ReplayCase replayCase, KsmSysfs sysfs, PrintStream err) {
        Terminal terminal = environment.terminal().get();
        if (terminal == null) {
            fail(err, NLS.bind(Messages.Replay_NoConsole, sysfs.directory()));
            return false;
        }
        StringBuilder tunables = new StringBuilder();
        for (Map.Entry<KsmSysfsFile, String> t : replayCase.tunables().entrySet()) {
            tunables.append("  ").append(t.getKey().fileName()).append(" = ").append(t.getValue()).append('\n');
        }
        err.println(NLS.bind(Messages.Replay_Confirm, new Object[] { replayCase.name(), sysfs.directory(), tunables,
                replayCase.workload().processes().size(), replayCase.pages() }));
        String answer = terminal.readLine(Messages.Replay_ConfirmPrompt);
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            fail(err, Messages.Replay_Declined);
            return false;
        }
        return true;
    }

    private static ReplayListener listener(PrintStream err) {
        return new ReplayListener() {
            @Override
            @NonNullByDefault({})
            public void phaseStarted(ReplayCase replayCase, ReplayCase.Phase phase) {
                err.println(NLS.bind(Messages.Replay_Phase, phase.name()));
            }

            @Override
            @NonNullByDefault({})
            public void restored(RestoreReport report) {
                err.println(report.verified() ? NLS.bind(Messages.Replay_Restored, report.writes().size())
                        : NLS.bind(Messages.Replay_RestoreFailed, String.join("; ", report.mismatches())));
            }
        };
    }

    /** Prints kernel and simulation side by side, phase by phase; returns whether every counter matched. */
    static boolean print(PrintStream out, Path file, String kernel, String policy, RecordedCase recorded,
            RunResult simulated) {
        out.println(Text.oneLine(NLS.bind(Messages.Replay_Header, new Object[] { file, kernel, policy })));
        int compared = 0;
        int equal = 0;
        for (int i = 0; i < recorded.phases().size(); i++) {
            RecordedPhase phase = recorded.phases().get(i);
            out.println(NLS.bind(Messages.Replay_PhaseHeader, phase.name(),
                    phase.converged() ? "" : Messages.Replay_NotSettled));
            if (i >= simulated.checkpoints().size()) {
                out.println(Messages.Replay_NotSimulated);
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { Messages.Replay_ColumnCounter, Messages.Replay_ColumnKernel,
                    Messages.Replay_ColumnSimulated, "" });
            for (CheckpointResult.Comparison c : simulated.checkpoints().get(i).comparisons()) {
                compared++;
                equal += c.matches() ? 1 : 0;
                rows.add(new String[] { c.pid() == 0 ? c.counter()
                        : NLS.bind(Messages.Replay_ProcessCounter, Integer.toString(c.pid()), c.counter()),
                        Long.toString(c.expected()), Long.toString(c.simulated()),
                        c.expected() == c.simulated() ? Messages.Replay_Same
                                : c.matches() ? Messages.Replay_SameSum : Messages.Replay_Differs });
            }
            printAligned(out, rows);
        }
        boolean same = compared > 0 && equal == compared;
        out.println(NLS.bind(Messages.Replay_Summary, new Object[] { equal, compared,
                same ? Messages.Replay_VerdictSame : Messages.Replay_VerdictDiffers }));
        return same;
    }

    private static void printAligned(PrintStream out, List<String[]> rows) {
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            String line = String.format(Locale.ROOT, "  %-" + width[0] + "s  %" + width[1] + "s  %" + width[2] + "s  %s",
                    (Object[]) row);
            out.println(line.stripTrailing());
        }
    }

    /** The console, when standard input and output are a terminal (Java 22+ also has one when they are not). */
    static @Nullable Terminal console() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            if (!(Boolean) isTerminal.invoke(console)) {
                return null;
            }
        } catch (NoSuchMethodException e) {
            // Java 21: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return null;
        }
        return prompt -> console.readLine("%s", prompt);
    }

    /** The command line as picocli reads it. */
    @Command(name = "ksmstudio --headless --replay", usageHelpAutoWidth = true,
            description = "Replays the scenario's workload on the real kernel and compares it with the simulation.")
    static final class Options {
        @Parameters(arity = "0..*", paramLabel = "FILE.ksm", descriptionKey = "Help_File")
        List<String> files = new ArrayList<>();
        @Option(names = "--yes", descriptionKey = "Help_Yes")
        boolean yes;
        @Option(names = "--record-reference", paramLabel = "OUT.json", descriptionKey = "Help_RecordReference")
        @Nullable String recordReference;
        @Option(names = "--lock", paramLabel = "FILE", descriptionKey = "Help_Lock")
        @Nullable String lock;
        @Option(names = "--policy", paramLabel = "ID", descriptionKey = "Help_Policy")
        @Nullable String policy;
        @Option(names = "--run", paramLabel = "N", descriptionKey = "Help_Run")
        @Nullable String run;
        @Option(names = "--phase-timeout", paramLabel = "DURATION", descriptionKey = "Help_PhaseTimeout")
        @Nullable String phaseTimeout;
        @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "Help_Help")
        boolean help;

        /** The values, each checked before anything is written. */
        Settings settings() throws UsageException {
            Settings s = new Settings(Cli.scenario(files, Messages.Replay_Usage));
            s.yes = yes;
            s.recordReference = Cli.output("--record-reference", recordReference);
            Cli.distinct(Cli.inputsOf(s.file), java.util.Collections.singletonMap("--record-reference", s.recordReference));
            if (lock != null) {
                s.lock = Path.of(lock);
            }
            s.policy = policy == null ? null : Cli.policy("--policy", policy);
            s.run = run;
            if (phaseTimeout != null) {
                s.phaseTimeout = Cli.duration("--phase-timeout", phaseTimeout, Cli.MAX_PHASE_TIMEOUT);
            }
            return s;
        }
    }

    /** Checked values of the command line. */
    static final class Settings {
        final Path file;
        boolean yes;
        @Nullable Path recordReference;
        @Nullable String run;
        @Nullable String policy;
        Path lock = ExperimentLock.defaultFile();
        Duration phaseTimeout = Duration.ofMinutes(5);

        Settings(Path file) {
            this.file = file;
        }
    }
}
