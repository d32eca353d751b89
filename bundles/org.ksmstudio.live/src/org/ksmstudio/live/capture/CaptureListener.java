package org.ksmstudio.live.capture;

/** Progress of a capture. */
public interface CaptureListener {

	/** No progress reports. */
	CaptureListener NONE = new CaptureListener() {
	};

	/** A step began: reading a process, watching the window. */
	default void step(String description) {
	}

	/** {@code done} of {@code total} pages read so far (total is known before reading starts). */
	default void pages(long done, long total) {
	}
}
