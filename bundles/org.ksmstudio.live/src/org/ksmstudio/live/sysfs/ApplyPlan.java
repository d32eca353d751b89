package org.ksmstudio.live.sysfs;

import java.nio.file.Path;
import java.util.List;

import org.ksmstudio.live.Messages;

/**
 * The ordered writes that bring the running kernel's KSM to a scenario's tunables, made
 * by {@link ApplyPlanner}, applied by {@link KsmSysfsWriter#apply(ApplyPlan)} or exported
 * as a shell script.
 *
 * @param steps the writes, in order
 * @param notes what the plan left out and why (e.g. pages_to_scan under the advisor)
 */
public record ApplyPlan(List<Step> steps, List<String> notes) {

	/** One write and why it is there, in this place. */
	public record Step(KsmFile file, String value, String reason) {
	}

	public ApplyPlan {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

	/** Whether the plan writes nothing. */
	public boolean isEmpty() {
		return steps.isEmpty();
	}

	/**
	 * A POSIX shell script that performs the plan as root, stopping at the first refused write.
	 *
	 * @param directory the KSM directory to write (normally {@link KsmSysfs#DEFAULT_DIRECTORY})
	 */
	public String toShellScript(Path directory) {
		StringBuilder script = new StringBuilder();
		script.append("#!/bin/sh\n");
		script.append("# KSM tunables exported by KSM Studio. Run as root; the order of the writes matters.\n");
		script.append("set -e\n");
		for (String note : notes) {
			script.append("# ").append(note).append('\n');
		}
		for (Step step : steps) {
			if (!step.reason().equals(Messages.REASON_TUNABLE)) {
				script.append("# ").append(step.reason()).append('\n');
			}
			script.append("echo ").append(shellWord(step.value())).append(" > ")
					.append(shellWord(directory.resolve(step.file().fileName()).toString())).append('\n');
		}
		return script.toString();
	}

	private static String shellWord(String word) {
		if (word.matches("[A-Za-z0-9_./-]+")) {
			return word;
		}
		return "'" + word.replace("'", "'\\''") + "'";
	}
}
