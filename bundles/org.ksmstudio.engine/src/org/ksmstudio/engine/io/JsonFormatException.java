package org.ksmstudio.engine.io;

/** Invalid JSON, or JSON of the wrong shape: one line that names the place (line and column, or the JSON path). */
public final class JsonFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error; {@code message} is made one line. */
    public JsonFormatException(String message) {
        super(Text.oneLine(message));
    }
}
