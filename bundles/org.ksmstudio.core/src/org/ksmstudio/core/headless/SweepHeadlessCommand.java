package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.convert.SimulationPlan;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.core.run.PlanSweep;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;
import org.ksmstudio.model.MessageBundle;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

/**
 * {@code --sweep FILE.ksm [--param NAME=VALUES]... [--policies P1,P2] [--run N] [--threads N] [--json OUT] [--csv OUT]}:
 * runs a scenario over every combination of swept tunable values and policies, in parallel, and
 * prints one table (worst walk, p99 migration latency per node, pages saved, ksmd CPU share...) on
 * standard output; a progress line per finished run goes to standard error. The units, table and
 * files are the engine's ({@code org.ksmstudio.engine.sweep}); each run executes the whole converted
 * plan of the .ksm file (see {@link PlanSweep}). Exit code 0 when every run succeeded, 1 when some
 * failed, 2 for bad options or input (one line).
 */
final class SweepHeadlessCommand implements HeadlessCommand {

    @Override
    public String option() {
        return "--sweep";
    }

    @Override
    public String usage() {
        return Messages.Sweep_Usage;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = null;
        SimulationPlan plan;
        List<SweepUnit> units;
        try {
            options = Options.parse(args);
            ScenarioModel.init();
            org.ksmstudio.model.scenario.Scenario model = ScenarioResources.load(options.file);
            List<String> policies = options.policies.isEmpty() ? ScenarioConverter.policies(model, options.run)
                    : options.policies;
            plan = ScenarioConverter.convert(model, options.run, policies.get(0));
            units = new SweepPlan(options.file.toString(), options.parameters, policies).units();
            for (SweepUnit unit : units) {
                UnitRunner.configure(plan.scenario(), unit); // every name and value checked before anything runs
            }
        } catch (UsageException | ScenarioLoadException e) {
            err.println(Messages.Headless_Prefix + e.getMessage());
            return 2;
        } catch (ConversionException e) {
            err.println(Messages.Headless_Prefix + options.file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(Messages.Headless_Prefix + e.getMessage());
            return 2;
        }
        ProgressLine progress = new ProgressLine(err);
        List<SweepResult> results = new PlanSweep(plan, options.threads).run(units,
                (done, total, result) -> progress.show(MessageBundle.bind(Messages.Sweep_Progress, done, total,
                        result.unit().label(), result.ok() ? "" : ": " + result.error(), progress.seconds())));
        progress.end();
        SweepTable table = new SweepTable(results);
        out.print(table.toText());
        out.flush();
        try {
            if (options.json != null) {
                OutputFile.write(options.json, table.toJson());
            }
            if (options.csv != null) {
                OutputFile.write(options.csv, table.toCsv());
            }
        } catch (IOException e) {
            err.println(Messages.Headless_Prefix + MessageBundle.bind(Messages.Headless_CannotWrite, e.getMessage()));
            return 2;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        err.println(MessageBundle.bind(Messages.Sweep_Summary, results.size() - failed, failed));
        return failed == 0 ? 0 : 1;
    }

    /**
     * One progress line on standard error: rewritten in place on a terminal, one line per update
     * otherwise (a log, a test).
     */
    static final class ProgressLine {
        private final PrintStream err;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private int width;

        ProgressLine(PrintStream err) {
            this.err = err;
            this.terminal = err == System.err && System.console() != null;
        }

        String seconds() {
            return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
        }

        synchronized void show(String line) {
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
            } else {
                err.println(line);
            }
            err.flush();
        }

        synchronized void end() {
            if (terminal && width > 0) {
                err.println();
            }
        }
    }

    /** Parsed command line. */
    static final class Options {
        Path file;
        final List<SweepParameter> parameters = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        Path json;
        Path csv;
        int run;
        int threads = Runtime.getRuntime().availableProcessors();

        static Options parse(List<String> args) throws UsageException {
            Options o = new Options();
            try {
                for (int i = 0; i < args.size(); i++) {
                    String arg = args.get(i);
                    switch (arg) {
                        case "--param" -> o.parameters.add(SweepParameter.parse(value(args, ++i, arg)));
                        case "--policies" -> {
                            for (String policy : value(args, ++i, arg).split(",")) {
                                if (!policy.isBlank()) {
                                    SharingPolicies.byName(policy.trim()); // names the known ones if unknown
                                    o.policies.add(policy.trim());
                                }
                            }
                        }
                        case "--json" -> o.json = Path.of(value(args, ++i, arg));
                        case "--csv" -> o.csv = Path.of(value(args, ++i, arg));
                        case "--run" -> o.run = number(arg, value(args, ++i, arg), 0);
                        case "--threads" -> o.threads = number(arg, value(args, ++i, arg), 1);
                        default -> {
                            if (arg.startsWith("-")) {
                                throw new UsageException(MessageBundle.bind(Messages.Headless_UnknownOption, arg,
                                        Messages.Sweep_Usage));
                            }
                            if (o.file != null) {
                                throw new UsageException(MessageBundle.bind(Messages.Headless_OneFile, o.file, arg));
                            }
                            o.file = Path.of(arg);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (o.file == null) {
                throw new UsageException(MessageBundle.bind(Messages.Headless_NoFile, Messages.Sweep_Usage));
            }
            for (int i = 0; i < o.parameters.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (o.parameters.get(i).name().equals(o.parameters.get(j).name())) {
                        throw new UsageException(MessageBundle.bind(Messages.Sweep_ParamTwice, o.parameters.get(i).name()));
                    }
                }
            }
            return o;
        }

        private static String value(List<String> args, int i, String option) throws UsageException {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new UsageException(MessageBundle.bind(Messages.Headless_NeedsValue, option));
            }
            return args.get(i);
        }

        private static int number(String option, String text, int min) throws UsageException {
            try {
                int n = Integer.parseInt(text);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(MessageBundle.bind(Messages.Headless_NotANumber, option, text, min));
        }
    }
}
