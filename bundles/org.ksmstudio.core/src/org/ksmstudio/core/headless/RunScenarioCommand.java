package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.core.run.ScenarioRunner;
import org.ksmstudio.core.run.TimeSeriesExport;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.patch.PatchException;
import org.ksmstudio.engine.scenario.RunPlan;
import org.ksmstudio.engine.scenario.RunSettings;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioModel;
import org.ksmstudio.model.ScenarioResources;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        String file = args.isEmpty() ? "" : args.get(0);
        try {
            Options options = new Options();
            if (!Cli.parse(options, Messages.Run_Usage, args, out)) {
                return 0;
            }
            Settings settings = options.settings();
            file = settings.file.toString();
            ScenarioModel.init();
            org.ksmstudio.model.scenario.Scenario model = ScenarioResources.load(settings.file);
            int run = Cli.runIndex(options.run, model.getRuns().size());
            List<String> policies = settings.policies.isEmpty() ? ScenarioConverter.policies(model, run)
                    : settings.policies;
            List<RunPlan> plans = new ArrayList<>();
            for (String policy : policies) {
                plans.add(withLength(ScenarioConverter.convert(model, run, policy), settings));
            }
            List<RunResult> results = new ArrayList<>();
            for (RunPlan plan : plans) {
                results.add(ScenarioRunner.run(plan));
            }
            for (RunResult result : results) {
                if (results.size() > 1) {
                    out.println(NLS.bind(Messages.Headless_PolicyHeader, Text.oneLine(result.policy())));
                }
                for (Map.Entry<String, String> counter : result.last().counters().asSysfsMap().entrySet()) {
                    out.println(counter.getKey() + " " + counter.getValue());
                }
            }
            printWalks(results, out);
            if (settings.json instanceof Path json) {
                OutputFile.write(json, TimeSeriesExport.json(model.getName(), results));
            }
            if (settings.csv instanceof Path csv) {
                OutputFile.write(csv, TimeSeriesExport.csv(model.getName(), results));
            }
            return checksPassed(results, err) ? 0 : 1;
        } catch (UsageException | ScenarioLoadException e) {
            HeadlessMain.fail(err, e.getMessage());
        } catch (PatchException e) {
            HeadlessMain.fail(err, Text.shown(file) + ": " + e.getMessage());
            return 1;
        } catch (ConversionException | IllegalArgumentException | UnsupportedOperationException e) {
            HeadlessMain.fail(err, Text.shown(file) + ": " + e.getMessage());
        } catch (IOException e) {
            HeadlessMain.fail(err, NLS.bind(Messages.Headless_CannotWrite, e.getMessage()));
        }
        return 2;
    }

    /** Whether every checkpoint matched its expectation; else one line on {@code err} naming the first difference. */
    static boolean checksPassed(List<RunResult> results, PrintStream err) {
        String first = null;
        int differences = 0;
        for (RunResult result : results) {
            for (CheckpointResult checkpoint : result.checkpoints()) {
                for (CheckpointResult.Comparison c : checkpoint.comparisons()) {
                    if (c.matches()) {
                        continue;
                    }
                    differences++;
                    if (first == null) {
                        first = NLS.bind(Messages.Headless_CheckFailed, new Object[] { Text.shown(checkpoint.name()),
                                Text.shown(result.policy()),
                                c.pid() == 0 ? c.counter() : "pid " + c.pid() + " " + c.counter(),
                                Long.toString(c.expected()), Long.toString(c.simulated()) });
                    }
                }
            }
        }
        if (first == null) {
            return true;
        }
        HeadlessMain.fail(err, first
                + (differences > 1 ? NLS.bind(Messages.Headless_MoreDifferences, Integer.toString(differences - 1)) : ""));
        return false;
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
        String table = new SweepTable(results.stream().<SweepResult>mapMulti((r, measured) -> {
            if (r.measures() instanceof SweepResult m) {
                measured.accept(m);
            }
        }).toList()).toText();
        table.lines().forEach(line -> out.println("#  " + line));
    }

    /** The plan with the run length of the command line, if given. */
    private static RunPlan withLength(RunPlan plan, Settings settings) {
        Duration length = settings.length;
        if (length == null) {
            return plan;
        }
        RunSettings run = plan.scenario().run();
        RunSettings changed = new RunSettings(length, settings.untilConverged, run.seed(), run.policy(),
                run.sampleInterval());
        Scenario s = plan.scenario();
        return plan.withScenario(new Scenario(s.name(), s.topology(), s.workload(), s.tunables(), s.costModel(),
                s.timeline(), changed));
    }

    /** The command line as picocli reads it. */
    @Command(name = "ksmstudio --headless", usageHelpAutoWidth = true,
            description = "Runs a scenario and prints the final counters of /sys/kernel/mm/ksm.")
    static final class Options {
        @Parameters(arity = "0..*", paramLabel = "FILE.ksm", descriptionKey = "Help_File")
        List<String> files = new ArrayList<>();
        @Option(names = "--until", paramLabel = "converged", descriptionKey = "Help_Until")
        @Nullable String until;
        @Option(names = "--for", paramLabel = "DURATION", descriptionKey = "Help_For")
        @Nullable String length;
        @Option(names = "--json", paramLabel = "OUT", descriptionKey = "Help_Json")
        @Nullable String json;
        @Option(names = "--csv", paramLabel = "OUT", descriptionKey = "Help_Csv")
        @Nullable String csv;
        @Option(names = "--run", paramLabel = "N", descriptionKey = "Help_Run")
        @Nullable String run;
        @Option(names = "--policy", paramLabel = "ID", descriptionKey = "Help_Policy")
        List<String> policies = new ArrayList<>();
        @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "Help_Help")
        boolean help;

        /** The values, each checked: one regular scenario file, bounded length, known policies, writable outputs. */
        Settings settings() throws UsageException {
            Settings s = new Settings(Cli.scenario(files, Messages.Run_Usage));
            if (until != null && length != null) {
                throw new UsageException(NLS.bind(Messages.Headless_Exclusive, "--until", "--for"));
            }
            if (until instanceof String u) {
                if (!"converged".equals(u)) {
                    throw new UsageException(NLS.bind(Messages.Run_UntilTakesConverged, Text.escape(u)));
                }
                s.untilConverged = true;
                s.length = Duration.ZERO;
            } else if (length != null) {
                s.length = Cli.duration("--for", length, Cli.MAX_RUN);
            }
            for (String policy : policies) {
                s.policies.add(Cli.policy("--policy", policy));
            }
            Cli.JsonAndCsv targets = Cli.jsonAndCsv(s.file, json, csv);
            s.json = targets.json();
            s.csv = targets.csv();
            return s;
        }
    }

    /** Checked values of the command line. */
    private static final class Settings {
        final Path file;
        @Nullable Duration length;
        boolean untilConverged;
        @Nullable Path json;
        @Nullable Path csv;
        final List<String> policies = new ArrayList<>();

        Settings(Path file) {
            this.file = file;
        }
    }
}
