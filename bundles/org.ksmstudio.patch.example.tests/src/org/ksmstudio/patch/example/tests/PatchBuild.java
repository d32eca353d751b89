package org.ksmstudio.patch.example.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

import javax.tools.JavaCompiler;

import org.ksmstudio.engine.patch.KsmPatch;

/**
 * Builds a patch jar from a source file the way docs/patches.md tells a kernel developer to: one
 * {@code javac} against the engine jar, a services file, one {@code jar}.
 */
final class PatchBuild {
    /** The example of docs/patches.md, shipped in this bundle as source (not compiled by the build). */
    static final String EXAMPLE = "patch-src/org/example/VolatileTwicePatch.java";

    private PatchBuild() {
    }

    /** The source text of the example patch. */
    static String exampleSource() throws IOException {
        try (InputStream in = PatchBuild.class.getResourceAsStream("/" + EXAMPLE)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        for (Path p : List.of(Path.of(EXAMPLE), Path.of("bundles/org.ksmstudio.patch.example.tests", EXAMPLE),
                Path.of("../org.ksmstudio.patch.example.tests", EXAMPLE))) {
            if (Files.isRegularFile(p)) {
                return Files.readString(p);
            }
        }
        throw new IllegalStateException(EXAMPLE + " not found");
    }

    /** What the product ships for {@code javac -cp}: the engine bundle (its jar, or its classes in the reactor). */
    static Path engineApi() throws URISyntaxException {
        Path p = Path.of(KsmPatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String cls = KsmPatch.class.getName().replace('.', '/') + ".class";
        if (Files.isDirectory(p) && !Files.exists(p.resolve(cls))) {
            for (String out : List.of("target/classes", "bin")) {
                if (Files.exists(p.resolve(out).resolve(cls))) {
                    return p.resolve(out);
                }
            }
        }
        return p;
    }

    /**
     * {@code javac --release 21 -cp ENGINE -d classes FILE.java}, the services file naming
     * {@code className}, {@code jar --create --file JAR -C classes .}; returns the jar.
     */
    static Path jar(Path work, String source, String className) throws Exception {
        Path file = work.resolve("src").resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = work.resolve("classes");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, log, log, "--release", "21", "-cp", engineApi().toString(), "-d", classes.toString(),
                file.toString());
        if (rc != 0) {
            throw new AssertionError("javac failed: " + log.toString(StandardCharsets.UTF_8));
        }
        Path services = classes.resolve("META-INF/services/org.ksmstudio.engine.policy.SharingPolicy");
        Files.createDirectories(services.getParent());
        Files.writeString(services, className + "\n");
        Path jar = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".jar");
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        if (jarTool.run(ps, ps, "--create", "--file", jar.toString(), "-C", classes.toString(), ".") != 0) {
            throw new AssertionError("jar failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
