package org.ksmstudio.live.sysfs;

import java.io.IOException;

/** Thrown when the running kernel's KSM cannot be read or written, with a message for the user. */
public class KsmUnavailableException extends IOException {

	private static final long serialVersionUID = 1L;

	public KsmUnavailableException(String message) {
		super(message);
	}

	public KsmUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
