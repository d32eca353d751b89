package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.ksmstudio.core.internal.Messages;
import org.ksmstudio.engine.reference.ReferenceCommand;
import org.ksmstudio.engine.reference.ReferenceFileException;

/**
 * {@code --reference FILE.json}: the engine's reference runner. Results go to standard output, a usage
 * or file error to standard error as one line.
 */
final class ReferenceCommandAdapter implements HeadlessCommand {

    @Override
    public String option() {
        return "--reference";
    }

    @Override
    public String usage() {
        return "--reference FILE.json";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println(Messages.Headless_Prefix + "usage: " + usage());
            return 2;
        }
        try {
            return ReferenceCommand.execute(Path.of(args.get(0)), out);
        } catch (ReferenceFileException e) {
            err.println(Messages.Headless_Prefix + e.getMessage());
            return 2;
        }
    }
}
