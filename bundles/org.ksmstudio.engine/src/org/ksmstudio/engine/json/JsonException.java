package org.ksmstudio.engine.json;

/** Malformed JSON, with the position (line:column) where parsing stopped. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
