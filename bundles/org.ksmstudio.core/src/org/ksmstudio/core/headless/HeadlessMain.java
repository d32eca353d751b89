package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.policy.PolicyRegistry;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.patch.PatchJars;
import org.ksmstudio.live.sysfs.ExperimentLock;
import org.ksmstudio.live.sysfs.KsmSysfs;
import org.ksmstudio.live.sysfs.PendingSnapshot;
import org.ksmstudio.live.sysfs.RestoreGuard;

/**
 * The headless runner, started without OSGi on a plain classpath of the engine, model, core, EMF,
 * Jackson, Commons CSV and picocli jars (the launcher script strips {@code --headless}):
 * <pre>
 * FILE.ksm [--until converged | --for 60s] [--json OUT] [--csv OUT] [--run N] [--policy ID]...
 * --reference FILE.json
 * --sweep FILE.ksm --param max_page_sharing=2..1048576:x2 --policies stock,no-limit [--json OUT] [--csv OUT]
 * --replay FILE.ksm [--yes] [--record-reference OUT.json]
 * --capture PID[,PID...] --out FILE.ksm [--window DURATION] [--all-anonymous]
 * </pre>
 * Leading {@code --patches DIR|JAR} options load patches from jars first ({@link PatchJars}), so that
 * every command finds them by name. A subcommand is chosen by its option in the first position
 * only ({@link HeadlessCommand}s listed in {@link #commands()} or found through
 * {@link ServiceLoader}); each parses the rest with picocli and has its own {@code --help}. Exit
 * code 0 on success, 1 when a check fails or a patch failed during a run, 2 on bad options,
 * missing files or invalid models. Every message is one line on standard error, with what came from
 * the input escaped; an unexpected error is one line too (its stack trace only with {@code --debug}).
 */
public final class HeadlessMain {

    /** The option that prints a stack trace for an internal error. */
    public static final String DEBUG = "--debug";
    /** The option that loads patches from a jar or a folder of jars, before the command. */
    public static final String PATCHES = "--patches";

    private HeadlessMain() {
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains(DEBUG);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            internalError(e, debug, System.err);
            Runtime.getRuntime().halt(2);
        });
        recoverPendingSnapshot(System.err);
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit code. Never throws. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && rest.get(0).equals("--headless")) {
            rest.remove(0);
        }
        boolean debug = rest.remove(DEBUG);
        try {
            if (!loadPatches(rest, err)) {
                return 2;
            }
            return dispatch(rest, out, err);
        } catch (Throwable e) { // the last resort: no input ever shows a stack trace
            return internalError(e, debug, err);
        }
    }

    private static int dispatch(List<String> rest, PrintStream out, PrintStream err) {
        PolicyRegistry.ensureRegistered(); // inside Eclipse (HeadlessApplication): contributed policies too
        if (rest.isEmpty()) {
            err.println(usage());
            return 2;
        }
        if (rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            out.println(usage());
            return 0;
        }
        for (HeadlessCommand command : commands()) {
            if (!command.option().isEmpty() && command.option().equals(rest.get(0))) {
                return command.run(List.copyOf(rest.subList(1, rest.size())), out, err);
            }
        }
        return new RunScenarioCommand().run(rest, out, err);
    }

    /**
     * Takes the leading {@code --patches DIR|JAR} options off {@code rest} and registers their
     * patches ({@link PatchJars}); false after one line on {@code err} when one cannot be loaded.
     */
    private static boolean loadPatches(List<String> rest, PrintStream err) {
        while (!rest.isEmpty() && (rest.get(0).equals(PATCHES) || rest.get(0).startsWith(PATCHES + "="))) {
            String option = rest.remove(0);
            String value;
            if (option.equals(PATCHES)) {
                if (rest.isEmpty()) {
                    fail(err, NLS.bind(Messages.Headless_NeedsValue, PATCHES));
                    return false;
                }
                value = rest.remove(0);
            } else {
                value = option.substring(PATCHES.length() + 1);
            }
            try {
                PatchJars.load(Path.of(value));
            } catch (InvalidPathException e) {
                fail(err, PATCHES + " " + Text.shown(value) + ": " + e.getReason());
                return false;
            } catch (IllegalArgumentException e) {
                fail(err, e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Prints one line for an error that is a bug (or the machine's limit), the trace only when asked; exit code 2. */
    static int internalError(Throwable e, boolean debug, PrintStream err) {
        if (e instanceof OutOfMemoryError) {
            err.println(Messages.Headless_Prefix + Text.oneLine(
                    "out of memory: the scenario needs more heap than " + (Runtime.getRuntime().maxMemory() >> 20)
                            + " MiB; raise it with JAVA_TOOL_OPTIONS=-Xmx8g or make the scenario smaller"));
        } else {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            err.println(Messages.Headless_Prefix
                    + Text.oneLine(NLS.bind(Messages.Headless_InternalError, what)));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 2;
    }

    /** Prints {@code message} (one line, control characters escaped) after the {@code ksmstudio:} prefix. */
    static void fail(PrintStream err, String message) {
        err.println(Messages.Headless_Prefix + Text.oneLine(message));
    }

    /** Restores the tunables a killed experiment left behind, before any command, and says so in one line. */
    static void recoverPendingSnapshot(PrintStream err) {
        PendingSnapshot.recover(KsmSysfs.system(), RestoreGuard.defaultRestoreFile(), ExperimentLock.defaultFile(),
                Duration.ofSeconds(1)).ifPresent(o -> fail(err, switch (o.kind()) {
                case RESTORED -> NLS.bind(Messages.Headless_PendingRestored, o.file());
                case NEEDS_ROOT -> NLS.bind(Messages.Headless_PendingNeedsRoot, o.file());
                case FAILED -> NLS.bind(Messages.Headless_PendingFailed, o.file(), o.detail());
                }));
    }

    /** Every subcommand: the built-in ones, then those registered as services. */
    public static List<HeadlessCommand> commands() {
        List<HeadlessCommand> commands = new ArrayList<>(
                List.of(new ReferenceCommandAdapter(), new SweepHeadlessCommand(), new ReplayCommand(), new CaptureCommand()));
        ServiceLoader.load(HeadlessCommand.class, HeadlessMain.class.getClassLoader()).forEach(commands::add);
        return commands;
    }

    private static String usage() {
        StringBuilder usage = new StringBuilder(NLS.bind(Messages.Headless_Usage, new RunScenarioCommand().usage()));
        for (HeadlessCommand command : commands()) {
            usage.append('\n').append(NLS.bind(Messages.Headless_UsageMore, command.usage()));
        }
        usage.append('\n').append(Messages.Headless_UsageHelp);
        return usage.toString();
    }
}
