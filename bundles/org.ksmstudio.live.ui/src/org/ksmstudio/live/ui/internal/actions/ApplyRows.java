package org.ksmstudio.live.ui.internal.actions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.sysfs.ApplyPlan;
import org.ksmstudio.live.sysfs.ApplyPlanner;
import org.ksmstudio.live.sysfs.KsmSample;
import org.ksmstudio.live.sysfs.WriteOutcome;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * What the Apply dialog shows: the plan's ordered writes with the kernel's current value, and
 * after applying each write's outcome (EBUSY with its fix).
 */
public final class ApplyRows {

	/**
	 * One write.
	 *
	 * @param index   1-based position in the plan
	 * @param file    the tunable
	 * @param now     its value before the write, or empty when unknown
	 * @param value   the value written
	 * @param reason  why it is there, in this place
	 * @param outcome what happened (empty until applied)
	 * @param ok      whether the kernel took it (false until applied)
	 */
	public record Row(int index, String file, String now, String value, String reason, String outcome, boolean ok) {
	}

	/**
	 * The plan for the kernel now: only the files this kernel has (the others are named in the
	 * returned notes, with the planner's own notes).
	 */
	public record Planned(ApplyPlan plan, List<String> notes) {
	}

	private ApplyRows() {
	}

	/** Plans {@code desired} against {@code current}; files missing on the kernel are left out with a note. */
	public static Planned plan(Map<KsmSysfsFile, String> desired, KsmSample current, Set<KsmSysfsFile> present) {
		Map<KsmSysfsFile, String> writable = new EnumMap<>(KsmSysfsFile.class);
		List<String> notes = new ArrayList<>();
		desired.forEach((file, value) -> {
			if (present.contains(file)) {
				writable.put(file, value);
			} else {
				notes.add(NLS.bind(Messages.applyNotOnKernel, file.fileName()));
			}
		});
		ApplyPlan plan = ApplyPlanner.plan(writable, current);
		notes.addAll(plan.notes());
		return new Planned(plan, notes);
	}

	/** The rows of a plan before it is applied. */
	public static List<Row> rows(ApplyPlan plan, @Nullable KsmSample current) {
		return rows(plan, current, List.of());
	}

	/** The rows of a plan with the outcomes of the writes done so far (in plan order). */
	public static List<Row> rows(ApplyPlan plan, @Nullable KsmSample current, List<WriteOutcome> outcomes) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < plan.steps().size(); i++) {
			ApplyPlan.Step step = plan.steps().get(i);
			String now = current == null ? "" : current.text(step.file()).orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
			WriteOutcome outcome = i < outcomes.size() ? outcomes.get(i) : null;
			// the planner marks plain writes with REASON_TUNABLE: nothing to explain there
			String reason = org.ksmstudio.live.Messages.REASON_TUNABLE.equals(step.reason()) ? "" : step.reason(); //$NON-NLS-1$
			rows.add(new Row(i + 1, step.file().fileName(), now, step.value(), reason,
					outcome == null ? "" : outcomeText(outcome), outcome != null && outcome.isOk())); //$NON-NLS-1$
		}
		return rows;
	}

	/** One outcome for the user: ok with the value read back, or the kernel's refusal with its fix. */
	public static String outcomeText(WriteOutcome outcome) {
		if (outcome.isOk()) {
			return NLS.bind(Messages.applyOk, outcome.valueAfter().orElse(outcome.value()));
		}
		return outcome.message() + outcome.fix().map(fix -> " \u2014 " + fix).orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A sentence on all outcomes. */
	public static String summary(List<WriteOutcome> outcomes) {
		long refused = outcomes.stream().filter(o -> !o.isOk()).count();
		return refused == 0 ? Messages.format(Messages.applyAllOk, outcomes.size())
				: Messages.format(Messages.applyRefused, refused, outcomes.size());
	}
}
