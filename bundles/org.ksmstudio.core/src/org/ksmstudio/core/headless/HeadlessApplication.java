package org.ksmstudio.core.headless;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The headless runner as an Eclipse application ({@code -application org.ksmstudio.core.headless}),
 * for runs inside an installed product. The plain-classpath {@link HeadlessMain} starts faster.
 */
public class HeadlessApplication implements IApplication {

    @Override
    @NonNullByDefault({})
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        rest.remove("--headless");
        return HeadlessMain.run(rest, System.out, System.err);
    }

    @Override
    public void stop() {
        // a headless run ends by itself
    }
}
