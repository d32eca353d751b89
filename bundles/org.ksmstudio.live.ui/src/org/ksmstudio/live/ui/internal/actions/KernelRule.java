package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Serializes the jobs that write the kernel's KSM (replays, calibrations): one runs at a time, the others queue. */
final class KernelRule implements ISchedulingRule {

	static final KernelRule INSTANCE = new KernelRule();

	private KernelRule() {
	}

	@Override
	@NonNullByDefault({})
	public boolean contains(ISchedulingRule rule) {
		return rule == this;
	}

	@Override
	@NonNullByDefault({})
	public boolean isConflicting(ISchedulingRule rule) {
		return rule == this;
	}
}
