package org.ksmstudio.ui.internal.views;

import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.ui.internal.Messages;

/**
 * The text of what migrating one KSM page costs under the run's cost model and policy, term by term, as
 * the engine computes it ({@link KsmSimulation#walkCost(int, int)}: the code of the migration itself).
 */
final class WalkCost {

	private WalkCost() {
	}

	/** The cost of migrating {@code dup} within its node, read off the UI thread; a message when it is gone. */
	static String describe(KsmSimulation simulation, DupView dup) {
		org.ksmstudio.engine.rmap.WalkCost c;
		try {
			c = simulation.walkCost(dup.dupId(), dup.node());
		} catch (IllegalArgumentException changedMeanwhile) {
			return Messages.rmapWalkChanged;
		}
		if (c.skipped()) {
			return Messages.format(Messages.rmapWalkSkipped, new Object[] { RmapTree.pfn(dup.kpfn()), dup.node(),
					dup.rmapItemCount() });
		}
		WalkCostModel m = simulation.walkCostModel();
		return Messages.format(Messages.rmapWalkDetail, new Object[] { RmapTree.pfn(dup.kpfn()), dup.node(),
				dup.rmapItemCount(), duration(c.totalNanos()), c.totalNanos(), c.walks(),
				c.items(), duration(m.anonVmaLockNanos()), c.vmas(), duration(m.vmaVisitNanos()),
				c.ptes(), c.pteMisses(), duration(m.pteMissNanos()), c.ipis(),
				duration(m.ipiNanos()), c.mmuNotifiers(), duration(m.mmuNotifierNanos()),
				duration(c.copyNanos()), duration(c.fixedNanos()), duration(c.longestWalkNanos()),
				duration(c.longestStretchNanos()), c.reschedPoints(),
				dup.rmapItemCount() == 0 ? 0 : c.items() / (double) dup.rmapItemCount(),
				m.ipiNanos() == 0 ? Messages.rmapWalkIpiNotMeasured : "" }); //$NON-NLS-1$
	}

	/** "2.94 ms", "350 ns", "61.2 s". */
	static String duration(long nanos) {
		if (nanos < 1_000) {
			return nanos + " ns"; //$NON-NLS-1$
		}
		if (nanos < 1_000_000) {
			return String.format("%.1f \u00b5s", nanos / 1e3); //$NON-NLS-1$
		}
		if (nanos < 1_000_000_000) {
			return String.format("%.2f ms", nanos / 1e6); //$NON-NLS-1$
		}
		return String.format("%.2f s", nanos / 1e9); //$NON-NLS-1$
	}
}
