package org.ksmstudio.live.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.sysfs.KsmSysfsFile;
import org.ksmstudio.live.Messages;

/**
 * Orders the writes of a set of tunables the way the kernel accepts them, from the rules of
 * {@link org.ksmstudio.engine.sysfs.KsmSysfsFile} and the kernel's state now:
 * <ol>
 * <li>{@code run=2} first when max_page_sharing or merge_across_nodes change while
 * pages are shared (the kernel answers EBUSY otherwise),</li>
 * <li>those two,</li>
 * <li>the other tunables, the advisor's limits before advisor_mode, advisor_mode before
 * pages_to_scan (switching the mode resets pages_to_scan, and pages_to_scan is EINVAL
 * under the scan-time advisor),</li>
 * <li>run last.</li>
 * </ol>
 */
public final class ApplyPlanner {

	private ApplyPlanner() {
	}

	/**
	 * The plan that brings the kernel from {@code current} to {@code desired}.
	 *
	 * @param desired tunables to set (counters are ignored); values as written to sysfs
	 * @param current the kernel's state now, or {@code null} when unknown (a script to run
	 *                later): then max_page_sharing and merge_across_nodes are always
	 *                preceded by an unmerge, and every value is written
	 */
	public static ApplyPlan plan(Map<KsmSysfsFile, String> desired, @Nullable KsmSample current) {
		List<ApplyPlan.Step> steps = new ArrayList<>();
		List<String> notes = new ArrayList<>();

		List<KsmSysfsFile> sharingLimits = new ArrayList<>();
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			if (file.busyWhileShared() && changes(desired, current, file)) {
				sharingLimits.add(file);
			}
		}
		boolean unmerge = !sharingLimits.isEmpty() && (current == null || current.hasSharedPages());
		if (unmerge) {
			String names = String.join(" and ", sharingLimits.stream().map(KsmSysfsFile::fileName).toList());
			steps.add(new ApplyPlan.Step(KsmSysfsFile.RUN, "2", NLS.bind(Messages.REASON_UNMERGE, names)));
		}
		for (KsmSysfsFile file : sharingLimits) {
			steps.add(new ApplyPlan.Step(file, desired.get(file), Messages.REASON_TUNABLE));
		}
		List<KsmSysfsFile> underAdvisor = KsmSysfsFile.tunables().stream()
				.filter(f -> f.refusedUnderAdvisor() && desired.containsKey(f)).toList();
		for (KsmSysfsFile file : KsmSysfsFile.tunables()) {
			boolean plain = !file.busyWhileShared() && !file.refusedUnderAdvisor() && file != KsmSysfsFile.RUN;
			if (plain && changes(desired, current, file)) {
				steps.add(new ApplyPlan.Step(file, desired.get(file),
						file == KsmSysfsFile.ADVISOR_MODE && !underAdvisor.isEmpty() ? Messages.REASON_ADVISOR_FIRST
								: Messages.REASON_TUNABLE));
			}
		}
		boolean modeChanges = changes(desired, current, KsmSysfsFile.ADVISOR_MODE);
		String modeAfter = desired.getOrDefault(KsmSysfsFile.ADVISOR_MODE,
				current != null ? current.text(KsmSysfsFile.ADVISOR_MODE).orElse("none") : "none");
		for (KsmSysfsFile file : underAdvisor) {
			if (!"none".equals(modeAfter)) {
				notes.add(Messages.REASON_ADVISOR_MANAGES);
			} else if (modeChanges || changes(desired, current, file)) {
				steps.add(new ApplyPlan.Step(file, desired.get(file), Messages.REASON_TUNABLE));
			}
		}
		// run last: the value asked for, else (after an unmerge) what ksmd was doing, unknown: merge
		Optional<String> run = desired.containsKey(KsmSysfsFile.RUN) ? Optional.of(desired.get(KsmSysfsFile.RUN))
				: unmerge ? Optional.of(current != null ? current.text(KsmSysfsFile.RUN).orElse("1") : "1")
						: Optional.empty();
		run.filter(value -> unmerge || changes(desired, current, KsmSysfsFile.RUN))
				.ifPresent(value -> steps.add(new ApplyPlan.Step(KsmSysfsFile.RUN, value, Messages.REASON_RUN_LAST)));
		return new ApplyPlan(steps, notes);
	}

	private static boolean changes(Map<KsmSysfsFile, String> desired, @Nullable KsmSample current, KsmSysfsFile file) {
		if (!desired.containsKey(file)) {
			return false;
		}
		String value = desired.get(file).trim();
		return current == null || !current.text(file).filter(value::equals).isPresent();
	}
}
