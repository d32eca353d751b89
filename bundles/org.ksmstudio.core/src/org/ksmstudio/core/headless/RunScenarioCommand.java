package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.model.MessageBundle;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

/**
 * {@code FILE.ksm [--until converged | --for 60s] [--json OUT] [--csv OUT] [--run N] [--policy ID]}:
 * runs a scenario and prints the final counters as {@code name value} lines with their sysfs names.
 * Several policies (from the run settings or repeated {@code --policy}) run one after the other;
 * each block of counters is then headed by a {@code # policy ID} line.
 */
final class RunScenarioCommand implements HeadlessCommand {

    @Override
    public String option() {
        return "";
    }

    @Override
    public String usage() {
        return Messages.Run_Usage;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            ScenarioModel.init();
            org.ksmstudio.model.scenario.Scenario model = ScenarioResources.load(options.file);
            List<String> policies = options.policies.isEmpty() ? ScenarioConverter.policies(model, options.run)
                    : options.policies;
            List<RunResult> results = new ArrayList<>();
            for (String policy : policies) {
                SimulationPlan plan = ScenarioConverter.convert(model, options.run, policy);
                results.add(ScenarioRunner.run(withLength(plan, options)));
            }
            for (RunResult result : results) {
                if (results.size() > 1) {
                    out.println(MessageBundle.bind(Messages.Headless_PolicyHeader, result.policy()));
                }
                for (Map.Entry<String, String> counter : result.last().counters().asSysfsMap().entrySet()) {
                    out.println(counter.getKey() + " " + counter.getValue());
                }
            }
            printWalks(results, out);
            if (options.json != null) {
                OutputFile.write(options.json, TimeSeriesWriter.json(model.getName(), results));
            }
            if (options.csv != null) {
                OutputFile.write(options.csv, TimeSeriesWriter.csv(results));
            }
            return 0;
        } catch (UsageException | ScenarioLoadException e) {
            err.println(Messages.Headless_Prefix + e.getMessage());
        } catch (ConversionException | IllegalArgumentException | UnsupportedOperationException e) {
            err.println(Messages.Headless_Prefix + args.get(0) + ": " + e.getMessage());
        } catch (IOException e) {
            err.println(Messages.Headless_Prefix + MessageBundle.bind(Messages.Headless_CannotWrite, e.getMessage()));
        }
        return 2;
    }

    /**
     * When reverse-map walks ran, the policies side by side as {@code #} lines after the counters:
     * worst walk, migration p99 per node, pages saved, KSM pages and the extra pages the dups cost.
     */
    private static void printWalks(List<RunResult> results, PrintStream out) {
        if (results.stream().noneMatch(RunResult::walked)) {
            return;
        }
        out.println(Messages.Headless_WalksHeader);
        String table = new SweepTable(results.stream().map(RunResult::measures).toList()).toText();
        table.lines().forEach(line -> out.println("#  " + line));
    }

    /** The plan with the run length of the command line, if given. */
    private static SimulationPlan withLength(SimulationPlan plan, Options options) {
        if (options.length == null) {
            return plan;
        }
        RunSettings run = plan.scenario().run();
        RunSettings changed = new RunSettings(options.length, options.untilConverged, run.seed(), run.policy(),
                run.sampleInterval());
        Scenario s = plan.scenario();
        return new SimulationPlan(new Scenario(s.name(), s.topology(), s.workload(), s.tunables(), s.costModel(),
                s.timeline(), changed), plan.steps());
    }

    /** Parsed command line. */
    private static final class Options {
        Path file;
        Duration length;
        boolean untilConverged;
        Path json;
        Path csv;
        int run;
        final List<String> policies = new ArrayList<>();

        static Options parse(List<String> args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--until" -> {
                        if (!"converged".equals(value(args, ++i, arg))) {
                            throw new UsageException(MessageBundle.bind(Messages.Run_UntilTakesConverged, args.get(i)));
                        }
                        o.untilConverged = true;
                        o.length = Duration.ZERO;
                    }
                    case "--for" -> {
                        o.length = duration(arg, value(args, ++i, arg));
                        o.untilConverged = false;
                    }
                    case "--json" -> o.json = Path.of(value(args, ++i, arg));
                    case "--csv" -> o.csv = Path.of(value(args, ++i, arg));
                    case "--policy" -> o.policies.add(value(args, ++i, arg));
                    case "--run" -> {
                        String n = value(args, ++i, arg);
                        try {
                            o.run = Integer.parseInt(n);
                        } catch (NumberFormatException e) {
                            throw new UsageException(MessageBundle.bind(Messages.Run_RunTakesIndex, n));
                        }
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException(
                                    MessageBundle.bind(Messages.Headless_UnknownOption, arg, Messages.Run_Usage));
                        }
                        if (o.file != null) {
                            throw new UsageException(MessageBundle.bind(Messages.Headless_OneFile, o.file, arg));
                        }
                        o.file = Path.of(arg);
                    }
                }
            }
            if (o.file == null) {
                throw new UsageException(MessageBundle.bind(Messages.Headless_NoFile, Messages.Run_Usage));
            }
            return o;
        }

        private static String value(List<String> args, int i, String option) throws UsageException {
            if (i >= args.size()) {
                throw new UsageException(MessageBundle.bind(Messages.Headless_NeedsValue, option));
            }
            return args.get(i);
        }
    }

    /** {@code text} after {@code option}: 60s, 500ms, 2m, 1h or a number of seconds. */
    static Duration duration(String option, String text) throws UsageException {
        Duration d;
        try {
            if (text.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else {
                char unit = text.charAt(text.length() - 1);
                String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
                double value = Double.parseDouble(number);
                double seconds = switch (Character.isDigit(unit) ? 's' : unit) {
                    case 's' -> value;
                    case 'm' -> value * 60;
                    case 'h' -> value * 3600;
                    default -> throw new NumberFormatException();
                };
                d = Duration.ofNanos(Math.round(seconds * 1e9));
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException | ArithmeticException e) {
            throw new UsageException(MessageBundle.bind(Messages.Headless_Duration, option, text));
        }
        if (d.isNegative() || d.isZero()) {
            throw new UsageException(MessageBundle.bind(Messages.Headless_DurationPositive, option, text));
        }
        return d;
    }
}
