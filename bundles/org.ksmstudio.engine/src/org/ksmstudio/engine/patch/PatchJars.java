package org.ksmstudio.engine.patch;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.ksmstudio.engine.io.Text;
import org.ksmstudio.engine.policy.SharingPolicies;
import org.ksmstudio.engine.policy.SharingPolicy;

/**
 * Loads patches from jars outside the product ({@code --patches DIR|JAR}, the patch-jar folder of
 * the preferences): each jar's {@code META-INF/services/org.ksmstudio.engine.policy.SharingPolicy}
 * lists its classes, found through {@link ServiceLoader} in a class loader over the jars whose
 * parent sees the engine's API. Every patch is checked once (it loads, has a public no-argument
 * constructor, a name not taken) and registered with {@link SharingPolicies#register}; each run
 * then gets a new instance.
 */
public final class PatchJars {
    private PatchJars() {
    }

    /**
     * Registers the patches of {@code path}: a jar, or a folder whose {@code *.jar} files are all
     * loaded (in name order).
     *
     * @return the names of the patches registered, in order
     * @throws IllegalArgumentException one line naming the path, the jar or the class and what is wrong
     */
    public static List<String> load(Path path) {
        String shown = Text.shown(path.toString());
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                        .forEach(jars::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("patches " + shown + ": cannot list the folder (" + e.getMessage()
                        + ")");
            }
            if (jars.isEmpty()) {
                throw new IllegalArgumentException("patches " + shown + ": no .jar file in this folder");
            }
        } else if (Files.isRegularFile(path)) {
            jars.add(path);
        } else {
            throw new IllegalArgumentException("patches " + shown + ": no such jar or folder");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = checkedJar(jars.get(i));
        }
        ClassLoader loader = new URLClassLoader("ksm-patches", urls, KsmPatch.class.getClassLoader());
        List<String> taken = new ArrayList<>(SharingPolicies.all().stream().map(SharingPolicy::name).toList());
        List<ServiceLoader.Provider<SharingPolicy>> found = new ArrayList<>();
        try {
            ServiceLoader.load(SharingPolicy.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader) // not the patches the engine ships
                    .forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("patches " + shown + ": " + Text.oneLine(e.getMessage()));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("patches " + shown + ": no patch listed in META-INF/services/"
                    + SharingPolicy.class.getName());
        }
        List<String> names = new ArrayList<>();
        for (ServiceLoader.Provider<SharingPolicy> p : found) {
            SharingPolicy first = create(shown, p);
            String name = first.name();
            if (name == null || name.isBlank() || name.contains(":") || name.contains(",")) {
                throw new IllegalArgumentException("patches " + shown + ": " + p.type().getName() + ".name() = '"
                        + name + "': a name without ':' or ',' is needed");
            }
            if (taken.contains(name)) {
                throw new IllegalArgumentException("patches " + shown + ": " + p.type().getName() + " is named '" + name
                        + "', which is taken (known: " + taken + ")");
            }
            taken.add(name);
            names.add(name);
            SharingPolicies.register(() -> create(shown, p));
        }
        return names;
    }

    private static URL checkedJar(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            f.size();
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("patches " + Text.shown(jar.toString()) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("patches " + Text.shown(jar.toString()) + ": not a jar (" + e.getMessage()
                    + ")");
        }
    }

    private static SharingPolicy create(String shown, ServiceLoader.Provider<SharingPolicy> p) {
        try {
            return p.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("patches " + shown + ": cannot create " + p.type().getName() + " ("
                    + Text.oneLine(String.valueOf(cause)) + ")");
        }
    }
}
