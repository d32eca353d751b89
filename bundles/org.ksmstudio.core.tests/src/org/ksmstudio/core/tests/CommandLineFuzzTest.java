package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ksmstudio.core.headless.HeadlessMain;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.ScenarioResources;

/**
 * A property test of the headless command line with a generator of its own: seeded random command
 * lines (subcommands at any position, hostile values: huge and negative numbers, NaN, newlines,
 * escape sequences, devices, FIFOs, directories, @files) and mutated reference files (flipped,
 * dropped and duplicated characters, numbers replaced by huge or negative ones, deep nesting,
 * control characters). For every case: exit code 0, 1 or 2; on 2 (and on 1 unless standard
 * output says why) exactly one {@code ksmstudio:} line on standard error (progress lines of a sweep aside); never a stack trace; a bounded time.
 * {@code -Dksmstudio.fuzz.cases=N} and {@code -Dksmstudio.fuzz.seed=S} change the bounded CI default.
 */
class CommandLineFuzzTest {

    private static final int CASES = Integer.getInteger("ksmstudio.fuzz.cases", 120);
    private static final long SEED = Long.getLong("ksmstudio.fuzz.seed", 20261202L);
    private static final Duration TIME_PER_CASE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<String> files = new ArrayList<>();
    private String reference;

    @BeforeEach
    void corpus() throws Exception {
        for (String example : List.of("reference-a-b-2000x1-mps256.ksm", "reference-e-zero5000-uzp1.ksm")) {
            Path file = dir.resolve(example);
            ScenarioResources.save(Examples.byFile(example).orElseThrow().load(), file);
            files.add(file.toString());
        }
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        files.addAll(List.of(fifo.toString(), "/dev/zero", "/dev/null", dir.toString(), dir.resolve("missing.ksm").toString(),
                "@/dev/zero", "", "a\nksmstudio: forged", "\u001b[31mred.ksm", "-"));
        reference = Files.readString(Path.of("../org.ksmstudio.engine/data/kernel-reference.json"));
        // one case of the reference file keeps a valid run short
        int second = reference.indexOf("\n    {", reference.indexOf("\"cases\"") + 20);
        int casesEnd = reference.indexOf("\n  ]", second);
        if (second > 0 && casesEnd > second) {
            reference = reference.substring(0, reference.lastIndexOf(',', second)) + reference.substring(casesEnd);
        }
    }

    private static final String[] OPTIONS = { "--for", "--until", "--json", "--csv", "--run", "--policy", "--param",
            "--policies", "--threads", "--record-reference", "--phase-timeout", "--lock", "--help", "--sweep",
            "--reference", "--replay", "--frobnicate", "-h", "--", "--debug" };
    private static final String[] VALUES = { "1s", "500ms", "2s", "converged", "0", "-1", "1", "4294967297",
            "99999999999999999999", "1e99s", "1e12s", "Infinitys", "NaN", "", " ", "\n", "a\nksmstudio: forged",
            "\u001b[31mred", "stock", "no-limit", "stock,no-limit", ",", "max_page_sharing=2,4",
            "max_page_sharing=4294967298", "max_page_sharing=2..1048576:+1", "max_page_sharing=-3..2:x2",
            "pages_to_scan=1..9223372036854775807:x2", "nonsense=1", "/proc/x", "/dev/null", "/dev/full" };

    @Test
    void randomCommandLinesAreOneLineAndNeverAStackTrace() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            List<String> args = new ArrayList<>();
            int shape = random.nextInt(4);
            if (shape == 1) {
                args.add("--sweep");
            } else if (shape == 2) {
                args.add("--replay"); // never --yes: nothing is written to the kernel
            }
            args.add(files.get(random.nextInt(files.size())));
            int extra = random.nextInt(5);
            for (int k = 0; k < extra; k++) {
                args.add(random.nextInt(8) == 0 ? files.get(random.nextInt(files.size()))
                        : OPTIONS[random.nextInt(OPTIONS.length)]);
                if (random.nextInt(4) != 0) {
                    args.add(value(random));
                }
            }
            args.remove("--yes");
            if (shape != 1 && !args.contains("--for") && !args.contains("--until")) {
                args.add("--for");
                args.add("1s");
            }
            check(args);
        }
    }

    private String value(Random random) {
        return random.nextInt(6) == 0 ? dir.resolve("out-" + random.nextInt(3)).toString()
                : VALUES[random.nextInt(VALUES.length)];
    }

    @Test
    void mutatedReferenceFilesAreOneLineAndNeverAStackTrace() throws Exception {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES / 2; i++) {
            Path file = dir.resolve("ref-" + i + ".json");
            Files.writeString(file, mutate(reference, random), StandardCharsets.UTF_8);
            check(List.of("--reference", file.toString()));
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(9)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, (char) random.nextInt(0x80));
                case 2 -> b.insert(at, b.charAt(at));
                case 3 -> replaceNumber(b, random, "4294967297");
                case 4 -> replaceNumber(b, random, "-5");
                case 5 -> replaceNumber(b, random, "1e308");
                case 6 -> replaceNumber(b, random, "08");
                case 7 -> b.insert(at, "[".repeat(10_000));
                default -> b.insert(Math.max(1, b.indexOf("{") + 1), "\"cases\": [], ");
            }
        }
        return b.toString();
    }

    private static void replaceNumber(StringBuilder b, Random random, String with) {
        int from = random.nextInt(b.length());
        for (int i = from; i < b.length(); i++) {
            if (Character.isDigit(b.charAt(i))) {
                int end = i;
                while (end < b.length() && Character.isDigit(b.charAt(end))) {
                    end++;
                }
                b.replace(i, end, with);
                return;
            }
        }
    }

    private void check(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(TIME_PER_CASE, () -> HeadlessMain.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                () -> "took too long: " + args);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String what = args + " -> " + code + ": " + stderr;
        assertTrue(code == 0 || code == 1 || code == 2, what);
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception in thread"), "no stack trace: " + what);
        assertFalse(stderr.contains("\u001b") || out.toString(StandardCharsets.UTF_8).contains("\u001b"),
                "no terminal escape: " + what);
        List<String> messages = stderr.lines().filter(l -> !l.startsWith("sweep [") && !l.matches("\\d+ runs, \\d+ failed"))
                .toList();
        if (code == 0) {
            assertTrue(messages.isEmpty(), what);
        } else if (code == 2 || !messages.isEmpty()) {
            // 2: the reason; 1: the failed check (a reference run says it on standard output)
            assertEquals(1, messages.size(), what);
            assertTrue(messages.get(0).startsWith("ksmstudio: "), what);
        }
        assertFalse(stderr.contains("internal error"), "every bad input is a known error: " + what);
    }
}
