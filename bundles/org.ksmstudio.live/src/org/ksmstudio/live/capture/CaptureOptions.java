package org.ksmstudio.live.capture;

import java.time.Duration;
import java.util.List;

/**
 * What to capture.
 *
 * @param pids         the processes, in the order they are to be scanned
 * @param window       how long to watch for writes (zero: no volatility)
 * @param allAnonymous capture every anonymous private VMA, mergeable or not ("what if KSM were
 *                     enabled here"), instead of the VMAs KSM scans
 */
public record CaptureOptions(List<Integer> pids, Duration window, boolean allAnonymous) {

	/** The default watch window. */
	public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(3);

	public CaptureOptions {
		pids = List.copyOf(pids);
		if (pids.isEmpty()) {
			throw new IllegalArgumentException("no process to capture");
		}
		if (window == null || window.isNegative()) {
			throw new IllegalArgumentException("window must be zero or more, was " + window);
		}
	}
}
