package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of the headless runner, selected by its option ({@code --reference}, {@code --sweep}).
 * Found by {@link HeadlessMain} in its built-in list and through {@link java.util.ServiceLoader},
 * so another bundle or jar can add one.
 */
public interface HeadlessCommand {

    /** The option that selects the command, e.g. {@code --reference}. */
    String option();

    /** One usage line, e.g. {@code --reference FILE.json}. */
    String usage();

    /**
     * Runs the command with the arguments that follow its option.
     *
     * @return the exit code: 0 success, 1 a check failed, 2 usage or input error
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
