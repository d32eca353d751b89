package org.ksmstudio.engine.scenario;

import org.eclipse.jdt.annotation.NonNull;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A scenario value is out of range or inconsistent. The message names the field and the value.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    public ScenarioException(String field, @Nullable Object value, String problem) {
        super(field + " = " + value + ": " + problem);
        this.field = field;
        this.value = String.valueOf(value);
    }

    /** The offending field, e.g. {@code processes[2].regions[0].groups[1].copiesPerContent}. */
    public String field() {
        return field;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }

    /** Throws a ScenarioException naming {@code field} and {@code value} unless {@code ok}. */
    public static void check(boolean ok, String field, @Nullable Object value, String problem) {
        if (!ok) {
            throw new ScenarioException(field, value, problem);
        }
    }

    /**
     * {@code value}, or a ScenarioException "{@code field} = null: {@code problem}" when it is null: a
     * required value from a caller outside null analysis (a file reader).
     */
    public static <T> @NonNull T require(@Nullable T value, String field, String problem) {
        if (value == null) {
            throw new ScenarioException(field, null, problem);
        }
        return value;
    }
}
