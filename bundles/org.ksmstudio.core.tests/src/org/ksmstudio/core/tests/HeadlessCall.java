package org.ksmstudio.core.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ksmstudio.core.headless.HeadlessMain;

/** Runs {@link HeadlessMain} in the test's JVM and keeps what it wrote to standard output and error. */
final class HeadlessCall {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The exit code of {@code ksmstudio ARGS}; its output is added to what earlier calls wrote. */
    int run(String... args) {
        return HeadlessMain.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Forgets what earlier calls wrote. */
    void reset() {
        out.reset();
        err.reset();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
