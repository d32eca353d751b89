package org.ksmstudio.core.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.io.InputFiles;
import org.ksmstudio.engine.io.OutputFile;
import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.scenario.ContentIdsFile;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The headless runner's command-line parsing (picocli) and the checks every subcommand makes on its
 * values before anything runs: durations, counts and indexes with documented maxima, input files
 * that are regular files, output targets that can be written. Every problem is a
 * {@link UsageException} of one line.
 */
final class Cli {

    /** Longest simulated run of {@code --for}: one week. */
    static final Duration MAX_RUN = Duration.ofDays(7);
    /** Longest {@code --phase-timeout}: one day. */
    static final Duration MAX_PHASE_TIMEOUT = Duration.ofDays(1);
    /** Largest scenario or input file read, in bytes. */
    static final long MAX_INPUT_BYTES = InputFiles.MAX_TEXT_BYTES;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)(ms|s|m|h)?");

    private Cli() {
    }

    /**
     * Parses {@code args} into the annotated {@code options}; prints the command's help to {@code out}
     * and returns false when {@code --help} was given.
     *
     * @throws UsageException one line for an unknown option, a missing value and the like
     */
    static boolean parse(Object options, String usage, List<String> args, PrintStream out) throws UsageException {
        CommandLine line = new CommandLine(options);
        line.setExpandAtFiles(false); // an argument @FILE is a file name, never read as more arguments
        line.setAbbreviatedOptionsAllowed(false);
        line.setPosixClusteredShortOptionsAllowed(false);
        line.setOverwrittenOptionsAllowed(true);
        line.setUnmatchedOptionsArePositionalParams(false);
        line.setTrimQuotes(false);
        line.setResourceBundle(new HelpTexts());
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (UnmatchedArgumentException e) {
            String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            throw new UsageException(NLS.bind(Messages.Headless_UnknownOption, Text.shown(first), usage));
        } catch (MissingParameterException e) {
            String option = e.getMissing().isEmpty() ? "" : e.getMissing().get(0).toString();
            throw new UsageException(NLS.bind(Messages.Headless_NeedsValue, option));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        if (line.isUsageHelpRequested()) {
            line.usage(out);
            return false;
        }
        return true;
    }

    /** The one scenario file of {@code files}, a regular file of bounded size. */
    static Path scenario(List<String> files, String usage) throws UsageException {
        if (files.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.Headless_NoFile, usage));
        }
        if (files.size() > 1) {
            throw new UsageException(
                    NLS.bind(Messages.Headless_OneFile, Text.shown(files.get(0)), Text.shown(files.get(1))));
        }
        return input(files.get(0));
    }

    /** {@code name} as an input path: a readable regular file (not a FIFO or device) of bounded size. */
    static Path input(String name) throws UsageException {
        Path file = path("FILE", name);
        try {
            InputFiles.checkReadable(file, MAX_INPUT_BYTES);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        return file;
    }

    /**
     * {@code name} after {@code option} as an output target, checked before anything runs
     * ({@link OutputFile#check}); null stays null.
     */
    static @Nullable Path output(String option, @Nullable String name) throws UsageException {
        if (name == null) {
            return null;
        }
        Path file = path(option, name);
        try {
            OutputFile.check(file);
        } catch (IOException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
        return file;
    }

    /**
     * Refuses, in one line, an output that would replace one of the command's input files or another of
     * its outputs ({@link OutputFile#replaces}: the same file through links, hard links or another
     * spelling): {@code --json run.ksm} must never overwrite the scenario it runs. {@code outputs} maps
     * each option to its checked target (null: not given).
     */
    static void distinct(List<Path> inputs, java.util.Map<String, @Nullable Path> outputs) throws UsageException {
        List<java.util.Map.Entry<String, @Nullable Path>> given = outputs.entrySet().stream()
                .filter(e -> e.getValue() != null).toList();
        for (int i = 0; i < given.size(); i++) {
            Path target = java.util.Objects.requireNonNull(given.get(i).getValue());
            String option = given.get(i).getKey();
            for (Path input : inputs) {
                if (OutputFile.replaces(target, input)) {
                    throw new UsageException(NLS.bind(Messages.Headless_OutputIsInput, option,
                            Text.shown(target.toString()), Text.shown(input.toString())));
                }
            }
            for (int j = 0; j < i; j++) {
                Path other = java.util.Objects.requireNonNull(given.get(j).getValue());
                if (OutputFile.replaces(target, other)) {
                    throw new UsageException(NLS.bind(Messages.Headless_SameOutput, given.get(j).getKey(),
                            option, Text.shown(target.toString())));
                }
            }
        }
    }

    /** The {@code --json} and {@code --csv} targets of a command (null: not given). */
    record JsonAndCsv(@Nullable Path json, @Nullable Path csv) {
    }

    /**
     * The {@code --json} and {@code --csv} targets of a run of {@code scenario}: each checked
     * ({@link #output}), neither replacing an input nor the other ({@link #distinct}).
     */
    static JsonAndCsv jsonAndCsv(Path scenario, @Nullable String json, @Nullable String csv) throws UsageException {
        JsonAndCsv targets = new JsonAndCsv(output("--json", json), output("--csv", csv));
        java.util.Map<String, @Nullable Path> outputs = new java.util.LinkedHashMap<>();
        outputs.put("--json", targets.json());
        outputs.put("--csv", targets.csv());
        distinct(inputsOf(scenario), outputs);
        return targets;
    }

    /** The files a run of {@code scenario} reads: the scenario and, when there, its page-contents sidecar. */
    static List<Path> inputsOf(Path scenario) {
        Path pages = ContentIdsFile.besides(scenario);
        return java.nio.file.Files.exists(pages) ? List.of(scenario, pages) : List.of(scenario);
    }

    private static Path path(String option, String name) throws UsageException {
        if (name.isEmpty()) {
            throw new UsageException(NLS.bind(Messages.Headless_EmptyValue, option));
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new UsageException(Text.shown(name) + ": " + e.getReason());
        }
    }

    /**
     * {@code text} after {@code option} as a duration: 60s, 500ms, 2m, 1h or a number of seconds, above
     * 0 and at most {@code max} (checked before any conversion, so 1e99s or Infinitys cannot overflow).
     */
    static Duration duration(String option, String text, Duration max) throws UsageException {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new UsageException(NLS.bind(Messages.Headless_Duration, option, Text.escape(text)));
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(NLS.bind(Messages.Headless_Duration, option, Text.escape(text)));
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal millisPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        });
        if (number.scale() < -12 || number.compareTo(BigDecimal.valueOf(max.toMillis())) > 0) {
            throw tooLong(option, text, max); // also refuses 1e99s before the multiplication
        }
        BigDecimal millis = number.multiply(millisPerUnit);
        if (millis.compareTo(BigDecimal.valueOf(max.toMillis())) > 0) {
            throw tooLong(option, text, max);
        }
        long nanos = millis.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        if (nanos <= 0) {
            throw new UsageException(NLS.bind(Messages.Headless_DurationPositive, option, Text.escape(text)));
        }
        return Duration.ofNanos(nanos);
    }

    private static UsageException tooLong(String option, String text, Duration max) {
        return new UsageException(NLS.bind(Messages.Headless_DurationTooLong, new Object[] { option, Text.shown(text),
                Long.toString(max.toSeconds()), max.toDays() + " days" }));
    }

    /** {@code text} after {@code option} as an integer in {@code min..max} (no overflow, no narrowing). */
    static int integer(String option, String text, int min, int max) throws UsageException {
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(NLS.bind(Messages.Headless_NumberRange, new Object[] { option, Integer.toString(min),
                Integer.toString(max), Text.escape(text) }));
    }

    /**
     * {@code text} after {@code --run} as an index of the scenario's {@code runs} run settings (0 when
     * absent; a scenario without run settings has only 0, its defaults).
     */
    static int runIndex(@Nullable String text, int runs) throws UsageException {
        if (text == null) {
            return 0;
        }
        int max = Math.max(0, runs - 1);
        try {
            long n = Long.parseLong(text);
            if (n >= 0 && n <= max) {
                return (int) n;
            }
            if (n > max) {
                throw new UsageException(NLS.bind(Messages.Headless_RunOutOfRange, text, Integer.toString(max)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(NLS.bind(Messages.Run_RunTakesIndex, Text.escape(text)));
    }

    /** {@code name} as a known sharing policy (with its parameters); one line naming the known ones otherwise. */
    static String policy(String option, String name) throws UsageException {
        if (name.isBlank()) {
            throw new UsageException(NLS.bind(Messages.Headless_EmptyValue, option));
        }
        try {
            SharingPolicies.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return name;
    }

    /**
     * The {@code Help_*} strings of {@link Messages} (loaded by NLS) as the resource bundle picocli takes its
     * option descriptions from, so that the help texts are in the one message scheme too.
     */
    @NonNullByDefault({}) // overrides of the unannotated ResourceBundle
    private static final class HelpTexts extends ResourceBundle {
        private static final String PREFIX = "Help_"; //$NON-NLS-1$

        @Override
        protected Object handleGetObject(String key) {
            if (!key.startsWith(PREFIX)) {
                return null;
            }
            try {
                return Messages.class.getField(key).get(null);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(Arrays.stream(Messages.class.getFields()).map(Field::getName)
                    .filter(name -> name.startsWith(PREFIX)).toList());
        }
    }
}
