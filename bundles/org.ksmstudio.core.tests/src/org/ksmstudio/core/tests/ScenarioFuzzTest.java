package org.ksmstudio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ksmstudio.core.convert.ConversionException;
import org.ksmstudio.core.convert.ScenarioConverter;
import org.ksmstudio.model.Examples;
import org.ksmstudio.model.Examples.Example;
import org.ksmstudio.model.ScenarioLoadException;
import org.ksmstudio.model.ScenarioResources;
import org.ksmstudio.model.scenario.Scenario;

/**
 * Mutates every bundled example (hostile attribute values, duplicated, dropped and truncated
 * elements, DOCTYPEs) and puts each mutant through the headless path up to the engine: load,
 * validation, size guard, conversion. Every mutant must be accepted (exit 0) or refused with one
 * line and no stack trace (exit 2), within a time bound; anything else (an unexpected exception,
 * a second line, a hang) fails. {@value #CASES} seeded cases per example, so CI stays bounded.
 */
class ScenarioFuzzTest {

    private static final int CASES = 60;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final List<String> HOSTILE = List.of("-1", "-5", "0", "1", "2", "4294967297", "4294967298",
            "2147483648", "536870912", "536870913", "9223372036854775807", "-9223372036854775808",
            "99999999999999999999", "1e30", "-1e30", "NaN", "Infinity", "1.5", "0x10", "", " ", "a&#10;b",
            "&#27;[31mred", "x\u202Ey", "4194305", "604800001", "86400000", "1000000000");

    @TempDir
    Path dir;

    static Stream<Example> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void mutantsAreAcceptedOrRefusedInOneLine(Example example) throws IOException {
        String original;
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + example.file())) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Random random = new Random(example.file().hashCode());
        for (int i = 0; i < CASES; i++) {
            String mutant = mutate(original, random);
            Path file = dir.resolve("case" + i + "-" + example.file());
            Files.writeString(file, mutant, StandardCharsets.UTF_8);
            String outcome = assertTimeoutPreemptively(BOUND, () -> headlessCheck(file), file::toString);
            assertTrue(outcome.equals("0") || outcome.startsWith("2 "), outcome);
            String message = outcome.substring(1).strip();
            assertEquals(1, Math.max(1, message.lines().count()), "one line: " + message);
            assertFalse(message.chars().anyMatch(c -> c < 0x20), "no control character: " + message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
        }
    }

    /** What the headless runner does before building the engine: "0", or "2 " and the one-line error. */
    private static String headlessCheck(Path file) {
        try {
            Scenario scenario = ScenarioResources.load(file);
            int runs = Math.max(1, scenario.getRuns().size());
            for (int run = 0; run < runs; run++) {
                for (String policy : ScenarioConverter.policies(scenario, run)) {
                    ScenarioConverter.convert(scenario, run, policy);
                }
            }
            return "0";
        } catch (ScenarioLoadException | ConversionException e) {
            return "2 " + e.getMessage();
        }
    }

    private static String mutate(String text, Random random) {
        return switch (random.nextInt(6)) {
        case 0, 1, 2 -> replaceAttribute(text, random);
        case 3 -> duplicateLine(text, random);
        case 4 -> text.substring(0, random.nextInt(text.length()));
        default -> text.replaceFirst("\\?>", "?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        };
    }

    private static String replaceAttribute(String text, Random random) {
        List<int[]> values = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("xmlns") && !m.group(1).equals("version")) {
                values.add(new int[] { m.start(2), m.end(2) });
            }
        }
        int[] span = values.get(random.nextInt(values.size()));
        return text.substring(0, span[0]) + HOSTILE.get(random.nextInt(HOSTILE.size())) + text.substring(span[1]);
    }

    private static String duplicateLine(String text, Random random) {
        String[] lines = text.split("\n", -1);
        int i = 2 + random.nextInt(Math.max(1, lines.length - 3));
        List<String> out = new ArrayList<>(List.of(lines));
        if (random.nextBoolean()) {
            out.add(i, lines[i]);
        } else {
            out.remove(i);
        }
        return String.join("\n", out);
    }
}
