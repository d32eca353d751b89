package org.ksmstudio.engine.reference;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.ksmstudio.engine.io.InputFiles;
import org.ksmstudio.engine.io.StrictJson;
import org.ksmstudio.engine.rmap.RmapWalkReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --reference FILE.json}: runs every case of a reference file, prints one line per phase
 * and {@code N passed, M failed}. The command line itself is parsed by the headless runner.
 */
public final class ReferenceCommand {
    private ReferenceCommand() {
    }

    /**
     * Runs every case of {@code path}. Prints one line per phase and {@code N passed, M failed} to
     * {@code out} and returns 0 when all pass, 1 when some fail.
     *
     * @throws ReferenceFileException for a file or format error (exit code 2), with one line naming
     *                                the file and the problem; nothing has run then
     */
    public static int execute(Path path, PrintStream out) throws ReferenceFileException {
        ReferenceFile file;
        List<RmapWalkReference.Row> walkRows;
        try {
            JsonNode tree = StrictJson.parse(InputFiles.readText(path));
            file = ReferenceFile.parse(tree, ReferenceWorkload.besides(path));
            walkRows = RmapWalkReference.rows(tree);
        } catch (IOException e) {
            throw new ReferenceFileException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ReferenceFileException(InputFiles.name(path) + ": " + e.getMessage());
        }
        List<PhaseResult> results;
        try {
            results = ReferenceRunner.run(file, r -> out.println(r.line()));
        } catch (IllegalArgumentException e) {
            throw new ReferenceFileException(InputFiles.name(path) + ": " + e.getMessage());
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
