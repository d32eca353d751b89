package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepRunner;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --sweep FILE.ksm [--param NAME=VALUES]... [--policies P1,P2] [--run N] [--threads N] [--json OUT] [--csv OUT]}:
 * runs a scenario over every combination of swept tunable values and policies, in parallel, and
 * prints one table (worst walk, p99 migration latency per node, pages saved, ksmd CPU share...) on
 * standard output; a progress line per finished run goes to standard error. The units, table and
 * files are the engine's ({@code org.ksmstudio.engine.sweep}); each run executes the whole converted
 * plan of the .ksm file (see {@link SweepRunner}). Exit code 0 when every run succeeded, 1 when some
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
        Settings settings;
        RunPlan plan;
        List<SweepUnit> units;
        try {
            Options options = new Options();
            if (!Cli.parse(options, Messages.Sweep_Usage, args, out)) {
                return 0;
            }
            settings = options.settings();
        } catch (UsageException e) {
            HeadlessMain.fail(err, e.getMessage());
            return 2;
        }
        try {
            ScenarioModel.init();
            org.ksmstudio.model.scenario.Scenario model = ScenarioResources.load(settings.file);
            int run = Cli.runIndex(settings.run, model.getRuns().size());
            List<String> policies = settings.policies.isEmpty() ? ScenarioConverter.policies(model, run)
                    : settings.policies;
            plan = ScenarioConverter.convert(model, run, policies.get(0));
            units = new SweepPlan(settings.file.toString(), settings.parameters, policies).units();
            for (SweepUnit unit : units) {
                UnitRunner.configure(plan.scenario(), unit); // every name and value checked before anything runs
            }
        } catch (UsageException | ScenarioLoadException e) {
            HeadlessMain.fail(err, e.getMessage());
            return 2;
        } catch (ConversionException e) {
            HeadlessMain.fail(err, Text.shown(settings.file.toString()) + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            HeadlessMain.fail(err, e.getMessage());
            return 2;
        }
        ProgressLine progress = new ProgressLine(err);
        List<SweepResult> results = new SweepRunner(settings.threads).run(units, plan,
                (done, total, result) -> progress.show(NLS.bind(Messages.Sweep_Progress, new Object[] { done, total,
                        Text.oneLine(result.unit().label()),
                        result.error() instanceof String error ? ": " + Text.oneLine(error) : "",
                        progress.seconds() })));
        progress.end();
        SweepTable table = new SweepTable(results);
        out.print(table.toText());
        out.flush();
        try {
            if (settings.json instanceof Path json) {
                OutputFile.write(json, table.toJson());
            }
            if (settings.csv instanceof Path csv) {
                OutputFile.write(csv, table.toCsv());
            }
        } catch (IOException e) {
            HeadlessMain.fail(err, NLS.bind(Messages.Headless_CannotWrite, e.getMessage()));
            return 2;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        err.println(NLS.bind(Messages.Sweep_Summary, results.size() - failed, failed));
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

    /** The command line as picocli reads it. */
    @Command(name = "ksmstudio --headless --sweep", usageHelpAutoWidth = true,
            description = "Runs a scenario over every combination of swept tunable values and policies.")
    static final class Options {
        @Parameters(arity = "0..*", paramLabel = "FILE.ksm", descriptionKey = "Help_File")
        List<String> files = new ArrayList<>();
        @Option(names = "--param", paramLabel = "NAME=VALUES", descriptionKey = "Help_Param")
        List<String> parameters = new ArrayList<>();
        @Option(names = "--policies", paramLabel = "P1,P2", descriptionKey = "Help_Policies")
        List<String> policies = new ArrayList<>();
        @Option(names = "--json", paramLabel = "OUT", descriptionKey = "Help_Json")
        @Nullable String json;
        @Option(names = "--csv", paramLabel = "OUT", descriptionKey = "Help_Csv")
        @Nullable String csv;
        @Option(names = "--run", paramLabel = "N", descriptionKey = "Help_Run")
        @Nullable String run;
        @Option(names = "--threads", paramLabel = "N", descriptionKey = "Help_Threads")
        @Nullable String threads;
        @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "Help_Help")
        boolean help;

        /** The values, each checked before the scenario is loaded. */
        Settings settings() throws UsageException {
            Settings s = new Settings(Cli.scenario(files, Messages.Sweep_Usage));
            try {
                for (String parameter : parameters) {
                    SweepParameter p = SweepParameter.parse(parameter);
                    if (s.parameters.stream().anyMatch(q -> q.name().equals(p.name()))) {
                        throw new UsageException(NLS.bind(Messages.Sweep_ParamTwice, Text.shown(p.name())));
                    }
                    s.parameters.add(p);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            for (String list : policies) {
                if (list.isBlank()) {
                    throw new UsageException(NLS.bind(Messages.Headless_EmptyValue, "--policies"));
                }
                for (String policy : list.split(",")) {
                    if (!policy.isBlank()) {
                        s.policies.add(Cli.policy("--policies", policy.trim()));
                    }
                }
            }
            s.run = run;
            s.threads = threads == null ? Runtime.getRuntime().availableProcessors()
                    : Cli.integer("--threads", threads, 1, MAX_THREADS);
            Cli.JsonAndCsv targets = Cli.jsonAndCsv(s.file, json, csv);
            s.json = targets.json();
            s.csv = targets.csv();
            return s;
        }
    }

    /** Most runs in parallel. */
    static final int MAX_THREADS = 256;

    /** Checked values of the command line. */
    private static final class Settings {
        final Path file;
        final List<SweepParameter> parameters = new ArrayList<>();
        final List<String> policies = new ArrayList<>();
        @Nullable Path json;
        @Nullable Path csv;
        @Nullable String run;
        int threads;

        Settings(Path file) {
            this.file = file;
        }
    }
}
