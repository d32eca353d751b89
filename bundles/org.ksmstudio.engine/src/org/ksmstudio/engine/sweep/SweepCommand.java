package org.ksmstudio.engine.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ksmstudio.engine.policy.SharingPolicies;

/**
 * {@code --sweep FILE.ksm --param NAME=VALUES ... --policies P1,P2 [--json OUT] [--csv OUT] [--threads N]}:
 * runs the scenario over every combination of parameter values and policies, in parallel on the
 * local cores with a progress line, prints the table and writes it as JSON / CSV. Exit code 0 when
 * every run succeeded, 1 when some failed, 2 for a usage or file error (one line saying what is wrong).
 * The caller (the headless application) supplies the {@link ScenarioSource} that converts .ksm files.
 */
public final class SweepCommand {
    private SweepCommand() {
    }

    /** Parsed options. */
    record Options(String scenario, List<SweepParameter> parameters, List<String> policies, Path json, Path csv,
            int threads) {
    }

    static final String USAGE = "usage: --sweep FILE.ksm [--param NAME=VALUES]... [--policies P1,P2,...] "
            + "[--json OUT] [--csv OUT] [--threads N]   (VALUES: a,b,c | LO..HI:xF | LO..HI:+S)";

    /** Runs the command; {@code source} loads the scenario file named on the command line. */
    public static int run(String[] args, PrintStream out, ScenarioSource source) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        ScenarioSource cached = ScenarioSource.cached(source);
        org.ksmstudio.engine.scenario.Scenario base;
        try {
            base = cached.load(o.scenario());
        } catch (Exception e) {
            out.println(o.scenario() + ": " + e.getMessage());
            return 2;
        }
        List<SweepUnit> units;
        try {
            units = new SweepPlan(o.scenario(), o.parameters(), o.policies()).units();
            for (SweepUnit u : units) {
                UnitRunner.configure(base, u); // names and values checked before anything runs
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        SweepRunner runner = new SweepRunner(o.threads());
        long start = System.nanoTime();
        List<SweepResult> results = runner.run(units, cached, (done, total, r) -> {
            synchronized (out) {
                out.printf(Locale.ROOT, "[%d/%d] %s%s (%.1f s)%n", done, total, r.unit().label(),
                        r.ok() ? "" : ": " + r.error(), (System.nanoTime() - start) / 1e9);
            }
        });
        SweepTable table = new SweepTable(results);
        out.print(table.toText());
        try {
            if (o.json() != null) {
                write(o.json(), table.toJson());
            }
            if (o.csv() != null) {
                write(o.csv(), table.toCsv());
            }
        } catch (IOException e) {
            out.println(e.getMessage());
            return 2;
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(results.size() - failed + " runs, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Writes next to the target, then renames, so a failed write never leaves half a file. */
    private static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    static Options parse(String[] args) {
        String scenario = null;
        List<SweepParameter> params = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        Path json = null;
        Path csv = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--param" -> params.add(SweepParameter.parse(value(args, ++i, a)));
                case "--policies" -> {
                    for (String p : value(args, ++i, a).split(",")) {
                        if (!p.isBlank()) {
                            SharingPolicies.byName(p.trim());
                            policies.add(p.trim());
                        }
                    }
                }
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--csv" -> csv = Path.of(value(args, ++i, a));
                case "--threads" -> {
                    String v = value(args, ++i, a);
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        threads = 0;
                    }
                    if (threads < 1) {
                        throw new IllegalArgumentException("--threads " + v + ": must be a positive integer");
                    }
                }
                default -> {
                    if (a.startsWith("-") || scenario != null) {
                        throw new IllegalArgumentException(a + ": unknown option");
                    }
                    scenario = a;
                }
            }
        }
        if (scenario == null) {
            throw new IllegalArgumentException("--sweep: no scenario file given");
        }
        if (policies.isEmpty()) {
            policies.add("stock");
        }
        for (int i = 0; i < params.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (params.get(i).name().equals(params.get(j).name())) {
                    throw new IllegalArgumentException("--param " + params.get(i).name() + ": given twice");
                }
            }
        }
        return new Options(scenario, params, policies, json, csv, threads);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[i];
    }
}
