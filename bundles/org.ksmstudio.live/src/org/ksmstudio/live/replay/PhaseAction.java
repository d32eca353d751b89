package org.ksmstudio.live.replay;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;

/** What a phase of a replayed case does before it waits for the counters to settle. */
public sealed interface PhaseAction {

	/** run=1 after the workload has faulted in every page. */
	record Start() implements PhaseAction {
	}

	/**
	 * Writes pages {@code fromPage} (inclusive) to {@code toPage} (exclusive) stepping by
	 * {@code every}: unique gives each written page a content of its own, same rewrites it with
	 * its own content (a COW copy with equal content).
	 */
	record Write(long fromPage, long toPage, long every, boolean unique, boolean inEveryProcess)
			implements PhaseAction {
		public Write {
			if (every < 1 || fromPage < 0 || toPage < fromPage) {
				throw new IllegalArgumentException(
						"write: pages " + fromPage + ".." + toPage + " every " + every + " is not a page range");
			}
		}
	}

	/**
	 * Waits {@code seconds} (if given) and for {@code fullScans} full scans (if given). With full scans
	 * the phase is the snapshot right after the last of them (expect then holds full_scans too);
	 * a wait of seconds only then lasts until converged, as in the reference measurements.
	 */
	record Wait(@Nullable Double seconds, @Nullable Long fullScans) implements PhaseAction {
	}

	/** Writes KSM tunables in order while the workload runs. */
	record Sysfs(List<SysfsWrite> writes) implements PhaseAction {
		public Sysfs {
			writes = List.copyOf(writes);
		}
	}

	/**
	 * One write of a sysfs action.
	 *
	 * @param result the errno name or {@code ok}: expected (read from a reference) or
	 *               observed (recorded); {@code null} when unknown
	 */
	record SysfsWrite(KsmSysfsFile file, String value, @Nullable String result) {
	}
}
