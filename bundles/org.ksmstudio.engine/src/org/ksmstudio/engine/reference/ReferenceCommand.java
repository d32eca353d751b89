package org.ksmstudio.engine.reference;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** Runs the command; args: FILE.json. Results and usage or file errors go to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        try {
            return execute(args, out);
        } catch (ReferenceFileException e) {
            out.println(e.getMessage());
            return 2;
        }
    }

    /**
     * Runs the command; args: FILE.json. Prints one line per phase and {@code N passed, M failed}
     * to {@code out} and returns 0 when all pass, 1 when some fail.
     *
     * @throws ReferenceFileException for a usage, file or format error (exit code 2), with one line
     *                                naming the file and the problem
     */
    public static int execute(String[] args, PrintStream out) throws ReferenceFileException {
        if (args.length != 1 || args[0].startsWith("-")) {
            throw new ReferenceFileException("usage: --reference FILE.json");
        }
        Path path = Path.of(args[0]);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReferenceFileException(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ReferenceFileException(path + ": permission denied");
        } catch (IOException | RuntimeException e) {
            throw new ReferenceFileException(path + ": cannot read: " + e.getMessage());
        }
        ReferenceFile file;
        List<PhaseResult> results;
        List<RmapWalkReference.Row> walkRows;
        try {
            file = ReferenceFile.parse(text);
            walkRows = RmapWalkReference.rows(Json.parse(text));
            results = ReferenceRunner.run(file, r -> out.println(r.line()));
        } catch (JsonException | IllegalArgumentException e) {
            throw new ReferenceFileException(path + ": " + e.getMessage());
        }
        long passed = results.stream().filter(PhaseResult::passed).count();
        long failed = results.size() - passed;
        // rmap_walks rows (rmap extension): one line each, counted with the phases
        for (RmapWalkReference.Row row : walkRows) {
            RmapWalkReference.Result r = RmapWalkReference.run(row);
            out.println(r.line());
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
