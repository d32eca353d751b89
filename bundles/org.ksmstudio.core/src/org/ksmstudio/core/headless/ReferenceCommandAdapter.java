package org.ksmstudio.core.headless;

import java.io.PrintStream;
import java.util.List;

import org.ksmstudio.engine.reference.ReferenceCommand;

/** {@code --reference FILE.json [--verbose]}: the engine's reference runner. */
final class ReferenceCommandAdapter implements HeadlessCommand {

    @Override
    public String option() {
        return "--reference";
    }

    @Override
    public String usage() {
        return "--reference FILE.json [--verbose]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return ReferenceCommand.run(args.toArray(String[]::new), out);
    }
}
