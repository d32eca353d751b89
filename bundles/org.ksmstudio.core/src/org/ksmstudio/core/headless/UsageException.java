package org.ksmstudio.core.headless;

/** Bad command line or input: printed as one line, exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
