package org.ksmstudio.live.sysfs;

import org.ksmstudio.engine.sysfs.KsmSysfsFile;

import java.util.List;

/**
 * The ordered writes that bring the running kernel's KSM to a scenario's tunables, made
 * by {@link ApplyPlanner} and applied by {@link KsmSysfsWriter#apply(ApplyPlan)} (a script for a
 * machine in an unknown state is {@link org.ksmstudio.engine.sysfs.SysfsScript}'s).
 *
 * @param steps the writes, in order
 * @param notes what the plan left out and why (e.g. pages_to_scan under the advisor)
 */
public record ApplyPlan(List<Step> steps, List<String> notes) {

	/** One write and why it is there, in this place. */
	public record Step(KsmSysfsFile file, String value, String reason) {
	}

	public ApplyPlan {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

	/** Whether the plan writes nothing. */
	public boolean isEmpty() {
		return steps.isEmpty();
	}
}
