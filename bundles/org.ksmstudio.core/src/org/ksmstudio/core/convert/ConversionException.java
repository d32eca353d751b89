package org.ksmstudio.core.convert;

import org.ksmstudio.engine.io.Text;

/**
 * A model cannot be converted to an engine scenario: the message names the model object, the
 * feature and the value, in one line (control characters that came from the file are escaped).
 */
public class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A conversion problem described by {@code message}. */
    public ConversionException(String message) {
        super(Text.oneLine(message));
    }

    /** A conversion problem described by {@code message}, caused by {@code cause}. */
    public ConversionException(String message, Throwable cause) {
        super(Text.oneLine(message), cause);
    }
}
