package org.ksmstudio.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.sweep.SweepParameter;
import org.ksmstudio.engine.sweep.SweepPlan;
import org.ksmstudio.engine.sweep.SweepResult;
import org.ksmstudio.engine.sweep.SweepTable;
import org.ksmstudio.engine.sweep.SweepUnit;
import org.ksmstudio.engine.sweep.UnitRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit ksmstudio-spark.jar FILE.ksm [--param NAME=VALUES]... [--policies P1,P2] [--run N]
 * [--master URL] [--csv OUT] [--json OUT] [--parquet DIR]}: the headless {@code --sweep} on Apache
 * Spark. Prints the same table as the local sweep; exit code 0 when every run succeeded, 1 when
 * some failed, 2 for a bad command line or scenario (one line on standard error).
 */
@Command(name = "ksmstudio-spark", mixinStandardHelpOptions = true, version = "KSM Studio 0.1.0",
        description = "Runs a KSM Studio sweep as Apache Spark tasks (one task per combination).")
public final class SparkSweepMain implements Callable<Integer> {

    private static final String PREFIX = "ksmstudio-spark: ";

    @Parameters(index = "0", paramLabel = "FILE.ksm", description = "the scenario")
    Path file;

    @Option(names = "--param", paramLabel = "NAME=VALUES",
            description = "a swept tunable, e.g. max_page_sharing=2..1024:x4 or pages_to_scan=100,1000")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--policies", split = ",", paramLabel = "P1,P2", description = "policies to compare")
    List<String> policies = new ArrayList<>();

    @Option(names = "--run", paramLabel = "N", description = "which run of the file (default ${DEFAULT-VALUE})")
    int run;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://HOST:PORT, yarn, k8s://...); default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--csv", paramLabel = "OUT", description = "the table as CSV")
    Path csv;

    @Option(names = "--json", paramLabel = "OUT", description = "the table as JSON")
    Path json;

    @Option(names = "--parquet", paramLabel = "DIR", description = "the table as a Parquet data set")
    String parquet;

    private final PrintWriter out;
    private final PrintWriter err;

    SparkSweepMain(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point for spark-submit. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line {@code args}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new SparkSweepMain(out, err));
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((e, a) -> {
            err.println(PREFIX + oneLine(e.getMessage()) + " (see --help)");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println(PREFIX + oneLine(String.valueOf(e.getMessage())));
            return 2;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            err.println(PREFIX + oneLine(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file")));
            return 2;
        }
        for (Path target : new Path[] { csv, json }) {
            String problem = unwritable(target);
            if (problem != null) {
                err.println(PREFIX + oneLine(target + ": " + problem));
                return 2;
            }
        }
        List<SweepUnit> units;
        ScenarioText scenario;
        try {
            scenario = ScenarioText.read(file, run);
            List<SweepParameter> swept = new ArrayList<>();
            for (String p : parameters) {
                swept.add(SweepParameter.parse(p));
            }
            List<String> compared = new ArrayList<>();
            for (String p : policies.isEmpty() ? scenario.policies() : policies) {
                SharingPolicies.byName(p.trim()); // names the known ones if unknown
                compared.add(p.trim());
            }
            units = new SweepPlan(file.toString(), swept, compared).units();
            for (SweepUnit unit : units) {
                UnitRunner.configure(scenario.plan().scenario(), unit); // every value checked before Spark starts
            }
        } catch (Exception e) {
            err.println(PREFIX + oneLine(e.getMessage()));
            return 2;
        }
        SparkConf conf = new SparkConf().setAppName("KSM Studio sweep " + file.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        boolean running = SparkSession.getDefaultSession().isDefined(); // e.g. a test's, or a notebook's
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            List<SweepResult> results = new SparkSweep(spark).run(scenario, units);
            SweepTable table = new SweepTable(results);
            out.print(table.toText());
            out.flush();
            write(csv, table.toCsv());
            write(json, table.toJson());
            if (parquet != null) {
                ParquetTable.write(spark, table, parquet);
            }
            long failed = results.stream().filter(r -> !r.ok()).count();
            err.println(PREFIX + (results.size() - failed) + " runs succeeded, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    /** Why {@code target} cannot be written, checked before anything runs; null if it can (or is null). */
    private static String unwritable(Path target) {
        if (target == null) {
            return null;
        }
        if (Files.isDirectory(target)) {
            return "is a directory";
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return "no such folder";
        }
        return Files.isWritable(folder) ? null : "folder not writable";
    }

    private static void write(Path target, String text) throws IOException {
        if (target != null) {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\p{Cntrl}", " ");
    }
}
