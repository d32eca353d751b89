package org.ksmstudio.live.ui.internal.actions;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/** Serializes the jobs that write the kernel's KSM (replays, calibrations): one runs at a time, the others queue. */
final class KernelRule implements ISchedulingRule {

	static final KernelRule INSTANCE = new KernelRule();

	private KernelRule() {
	}

	@Override
	public boolean contains(ISchedulingRule rule) {
		return rule == this;
	}

	@Override
	public boolean isConflicting(ISchedulingRule rule) {
		return rule == this;
	}
}
