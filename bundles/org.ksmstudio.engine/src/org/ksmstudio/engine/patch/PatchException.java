package org.ksmstudio.engine.patch;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A patch failed: one of its hooks threw, or it broke a rule of the patch API (a value out of
 * range, a column it did not ask for, an invariant of the engine's tables). Ends the run with a
 * message naming the patch; the product goes on.
 */
public final class PatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String patch;

    /** A failure of patch {@code patch}: {@code what} says which hook and what went wrong. */
    public PatchException(String patch, String what, @Nullable Throwable cause) {
        super("patch " + patch + ": " + what, cause);
        this.patch = patch;
    }

    /** A rule of the API that patch {@code patch} broke. */
    public PatchException(String patch, String what) {
        this(patch, what, null);
    }

    /** The name of the patch that failed. */
    public String patch() {
        return patch;
    }
}
