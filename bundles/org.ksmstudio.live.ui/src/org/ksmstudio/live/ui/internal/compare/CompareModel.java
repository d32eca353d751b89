package org.ksmstudio.live.ui.internal.compare;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.ksmstudio.engine.CheckpointResult;
import org.ksmstudio.core.run.RunResult;
import org.ksmstudio.live.replay.RecordedCase;
import org.ksmstudio.live.replay.RecordedPhase;
import org.ksmstudio.live.ui.internal.Messages;

/**
 * A replay on the kernel side by side with its simulation: one row per counter and phase.
 *
 * @param scenario the scenario's name
 * @param kernel   the kernel release and architecture
 * @param policy   the simulated policy
 * @param rows     the rows, phase by phase
 */
public record CompareModel(String scenario, String kernel, String policy, List<Row> rows) {

	/** How a simulated value relates to the kernel's. */
	public enum Verdict {
		/** Equal. */
		SAME,
		/** pages_unshared or pages_volatile differ, their sum is equal (smart scan moves pages between them). */
		SAME_SUM,
		/** Different. */
		DIFFERS,
		/** The simulation did not reach this phase. */
		NOT_SIMULATED
	}

	/**
	 * One counter in one phase.
	 *
	 * @param phase     the phase's name (with "not settled" when the kernel's counters did not settle)
	 * @param counter   the sysfs counter, or "pid N ksm_stat field"
	 * @param kernel    the kernel's value
	 * @param simulated the simulation's value (null when not simulated)
	 * @param verdict   how they relate
	 */
	public record Row(String phase, String counter, long kernel, @Nullable Long simulated, Verdict verdict) {

		/** simulated − kernel, or null. */
		public @Nullable Long difference() {
			return simulated == null ? null : simulated - kernel;
		}

		/** Whether the row shows a difference the user must see. */
		public boolean differs() {
			return verdict == Verdict.DIFFERS || verdict == Verdict.NOT_SIMULATED;
		}
	}

	public CompareModel {
		rows = List.copyOf(rows);
	}

	/** The rows of a recorded case and the simulation of its phases (one checkpoint per phase, in order). */
	public static CompareModel of(String scenario, String kernel, String policy, RecordedCase recorded,
			RunResult simulated) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < recorded.phases().size(); i++) {
			RecordedPhase phase = recorded.phases().get(i);
			String name = phase.converged() ? phase.name() : phase.name() + " " + Messages.compareNotSettled; //$NON-NLS-1$
			if (i >= simulated.checkpoints().size()) {
				phase.expect().forEach((counter, value) -> rows.add(new Row(name, counter, value, null,
						Verdict.NOT_SIMULATED)));
				continue;
			}
			for (CheckpointResult.Comparison c : simulated.checkpoints().get(i).comparisons()) {
				Verdict verdict = c.expected() == c.simulated() ? Verdict.SAME
						: c.matches() ? Verdict.SAME_SUM : Verdict.DIFFERS;
				rows.add(new Row(name, c.pid() == 0 ? c.counter() : "pid " + c.pid() + " " + c.counter(), //$NON-NLS-1$ //$NON-NLS-2$
						c.expected(), c.simulated(), verdict));
			}
		}
		return new CompareModel(scenario, kernel, policy, rows);
	}

	/** Rows whose values are equal (or equal by sum). */
	public long equalCount() {
		return rows.stream().filter(r -> !r.differs()).count();
	}

	/** Whether every counter of every phase matches. */
	public boolean matches() {
		return !rows.isEmpty() && equalCount() == rows.size();
	}

	/** The header sentence with the verdict. */
	public String summary() {
		return Messages.format(Messages.compareHeader, new Object[] { scenario, kernel, policy, equalCount(), rows.size(),
				matches() ? Messages.compareVerdictSame : Messages.compareVerdictDiffers });
	}

	/** The verdict column's text. */
	public static String text(Verdict verdict) {
		return switch (verdict) {
		case SAME -> Messages.compareSame;
		case SAME_SUM -> Messages.compareSameSum;
		case DIFFERS -> Messages.compareDiffers;
		case NOT_SIMULATED -> Messages.compareNotSimulated;
		};
	}
}
