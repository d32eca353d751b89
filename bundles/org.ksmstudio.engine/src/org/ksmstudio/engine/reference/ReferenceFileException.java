package org.ksmstudio.engine.reference;

/** A reference file that cannot be run: bad usage, unreadable file or malformed content; one line. */
public final class ReferenceFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the problem */
    public ReferenceFileException(String message) {
        super(message);
    }
}
