package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.policy.PolicyRegistry;
import org.ksmstudio.model.MessageBundle;

/**
 * The headless runner, started without OSGi on a plain classpath of the engine, model, core and
 * EMF jars (the launcher script strips {@code --headless}):
 * <pre>
 * FILE.ksm [--until converged | --for 60s] [--json OUT] [--csv OUT] [--run N] [--policy ID]...
 * --reference FILE.json
 * --sweep FILE.ksm --param max_page_sharing=2..1048576:x2 --policies stock,no-limit [--json OUT] [--csv OUT]
 * --replay FILE.ksm [--yes] [--record-reference OUT.json]
 * </pre>
 * Subcommands are {@link HeadlessCommand}s listed in {@link #commands()} or
 * found through {@link ServiceLoader}. Exit code 0 on success, 1 when a check fails, 2 on bad
 * options, missing files or invalid models (one line on standard error).
 */
public final class HeadlessMain {

    private HeadlessMain() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        PolicyRegistry.ensureRegistered(); // inside Eclipse (HeadlessApplication): contributed policies too
        List<String> rest = new ArrayList<>(args);
        rest.remove("--headless");
        if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            (rest.isEmpty() ? err : out).println(usage());
            return rest.isEmpty() ? 2 : 0;
        }
        for (HeadlessCommand command : commands()) {
            int at = rest.indexOf(command.option());
            if (!command.option().isEmpty() && at >= 0) {
                List<String> commandArgs = new ArrayList<>(rest.subList(0, at));
                commandArgs.addAll(rest.subList(at + 1, rest.size()));
                return command.run(commandArgs, out, err);
            }
        }
        return new RunScenarioCommand().run(rest, out, err);
    }

    /** Every subcommand: the built-in ones, then those registered as services. */
    public static List<HeadlessCommand> commands() {
        List<HeadlessCommand> commands = new ArrayList<>(
                List.of(new ReferenceCommandAdapter(), new SweepHeadlessCommand(), new ReplayCommand()));
        ServiceLoader.load(HeadlessCommand.class, HeadlessMain.class.getClassLoader()).forEach(commands::add);
        return commands;
    }

    private static String usage() {
        StringBuilder usage = new StringBuilder(MessageBundle.bind(Messages.Headless_Usage, new RunScenarioCommand().usage()));
        for (HeadlessCommand command : commands()) {
            usage.append('\n').append(MessageBundle.bind(Messages.Headless_UsageMore, command.usage()));
        }
        return usage.toString();
    }
}
