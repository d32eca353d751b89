package org.ksmstudio.model;

import java.nio.file.Path;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.io.Text;

/**
 * A scenario file could not be read: it is missing, not XML, truncated, of another model, or
 * does not hold a scenario. The message is one line, {@code file:line:column: problem}, with any
 * control character of the file's name or content escaped.
 */
public class ScenarioLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file    the file read
     * @param line    1-based line of the problem, or 0 when unknown
     * @param column  1-based column of the problem, or 0 when unknown
     * @param problem what is wrong, in one sentence
     * @param cause   the underlying exception, may be null
     */
    public ScenarioLoadException(Path file, int line, int column, String problem, @Nullable Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(Path file, int line, int column, String problem) {
        StringBuilder message = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            message.append(':').append(line);
            if (column > 0) {
                message.append(':').append(column);
            }
        }
        return Text.oneLine(message.append(": ").append(problem).toString());
    }

    /** The file that could not be read. */
    public Path getFile() {
        return file;
    }

    /** 1-based line of the problem, 0 when unknown. */
    public int getLine() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int getColumn() {
        return column;
    }

    /** The problem without the position. */
    public String getProblem() {
        return problem;
    }
}
