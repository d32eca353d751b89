package org.ksmstudio.core.headless;

import java.io.PrintStream;
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
        try {
            return ReferenceCommand.execute(args.toArray(String[]::new), out);
        } catch (ReferenceFileException e) {
            err.println(Messages.Headless_Prefix + e.getMessage());
            return 2;
        }
    }
}
