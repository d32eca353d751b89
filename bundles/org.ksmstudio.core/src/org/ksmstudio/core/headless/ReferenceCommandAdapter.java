package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.ksmstudio.engine.reference.ReferenceCommand;
import org.ksmstudio.engine.reference.ReferenceFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --reference FILE.json}: the engine's reference runner. Results go to standard output, a usage
 * or file error to standard error as one line. Exit code 0 when every phase passes, 1 when one fails.
 */
final class ReferenceCommandAdapter implements HeadlessCommand {

    private static final String USAGE = "--reference FILE.json";

    @Override
    public String option() {
        return "--reference";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = new Options();
            if (!Cli.parse(options, USAGE, args, out)) {
                return 0;
            }
            if (options.files.size() != 1) {
                throw new UsageException("usage: ksmstudio --headless " + USAGE);
            }
            return ReferenceCommand.execute(Cli.input(options.files.get(0)), out);
        } catch (UsageException | ReferenceFileException e) {
            HeadlessMain.fail(err, e.getMessage());
            return 2;
        }
    }

    /** The command line as picocli reads it. */
    @Command(name = "ksmstudio --headless --reference", usageHelpAutoWidth = true,
            description = "Runs every case of a kernel reference file and compares the counters.")
    static final class Options {
        @Parameters(arity = "0..*", paramLabel = "FILE.json", descriptionKey = "Help_Reference")
        List<String> files = new ArrayList<>();
        @Option(names = { "-h", "--help" }, usageHelp = true, descriptionKey = "Help_Help")
        boolean help;
    }
}
