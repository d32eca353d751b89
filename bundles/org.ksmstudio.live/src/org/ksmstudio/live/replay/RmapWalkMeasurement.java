package org.ksmstudio.live.replay;

/**
 * Time to migrate one KSM page (two reverse-map walks of all its PTEs), from a reference file.
 *
 * @param ptesTotal          PTEs mapping the content
 * @param maxPageSharing     the sharing limit
 * @param ptesOnMigratedPage PTEs of the migrated page (one dup)
 * @param processes          processes the PTEs are spread over
 * @param minMs              fastest trial
 * @param medianMs           median trial
 * @param maxMs              slowest trial
 * @param trials             number of trials
 */
public record RmapWalkMeasurement(long ptesTotal, long maxPageSharing, long ptesOnMigratedPage, long processes,
		double minMs, double medianMs, double maxMs, long trials) {
}
