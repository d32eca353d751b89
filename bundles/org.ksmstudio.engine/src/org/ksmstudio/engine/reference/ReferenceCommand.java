package org.ksmstudio.engine.reference;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ksmstudio.engine.json.Json;
import org.ksmstudio.engine.json.JsonException;
import org.ksmstudio.engine.rmap.RmapWalkReference;

/**
 * {@code --reference FILE.json}: runs every case of a reference file, prints one line per phase
 * and {@code N passed, M failed}. Exit code 0 when all pass, 1 when some fail, 2 for a usage,
 * file or format error (one line naming the file and the problem).
 */
public final class ReferenceCommand {
    private ReferenceCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command; args: FILE.json. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1 || args[0].startsWith("-")) {
            out.println("usage: --reference FILE.json");
            return 2;
        }
        Path path = Path.of(args[0]);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            out.println(path + ": cannot read: " + e.getMessage());
            return 2;
        }
        ReferenceFile file;
        try {
            file = ReferenceFile.parse(text);
        } catch (JsonException e) {
            out.println(path + ": " + e.getMessage());
            return 2;
        }
        List<PhaseResult> results;
        try {
            results = ReferenceRunner.run(file, r -> out.println(r.line()));
        } catch (IllegalArgumentException e) {
            out.println(path + ": " + e.getMessage());
            return 2;
        }
        long passed = results.stream().filter(PhaseResult::passed).count();
        long failed = results.size() - passed;
        // rmap_walks rows (rmap extension): one line each, counted with the phases
        try {
            for (RmapWalkReference.Row row : RmapWalkReference.rows(Json.parse(text))) {
                RmapWalkReference.Result r = RmapWalkReference.run(row);
                out.println(r.line());
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        } catch (JsonException | IllegalArgumentException e) {
            out.println(path + ": " + e.getMessage());
            return 2;
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
