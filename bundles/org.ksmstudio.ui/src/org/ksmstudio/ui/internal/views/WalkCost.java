package org.ksmstudio.ui.internal.views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.ksmstudio.engine.DupView;
import org.ksmstudio.engine.KsmSimulation;
import org.ksmstudio.engine.RmapItemView;
import org.ksmstudio.engine.rmap.WalkCostModel;
import org.ksmstudio.engine.scenario.ProcessSpec;
import org.ksmstudio.engine.scenario.Scenario;
import org.ksmstudio.ui.internal.Messages;

/**
 * What migrating one KSM page costs under the run's walk cost model, term by term: try_to_migrate()
 * visits every rmap item (anon_vma lock, VMA, PTE, local flush, a TLB-flush IPI per other CPU where
 * the mm runs, an MMU-notifier call for KVM guests), remove_migration_ptes() visits them again
 * without flushing, and the page is copied once.
 */
final class WalkCost {

	private WalkCost() {
	}

	/** The cost of migrating {@code dup}, read off the UI thread; a message when it cannot be computed. */
	static String describe(KsmSimulation simulation, Scenario scenario, DupView dup) {
		List<RmapItemView> items;
		try {
			items = simulation.rmapItems(dup.dupId(), Integer.MAX_VALUE);
		} catch (RuntimeException changedMeanwhile) {
			return Messages.rmapWalkChanged;
		}
		WalkCostModel m = simulation.walkCostModel();
		Map<Integer, ProcessSpec> specs = new HashMap<>();
		for (ProcessSpec spec : scenario.workload().processes()) {
			specs.put(spec.pid(), spec);
		}
		long ipis = 0;
		long kvmItems = 0;
		for (RmapItemView item : items) {
			ProcessSpec spec = specs.get(item.pid());
			if (spec == null) {
				continue;
			}
			if (spec.active()) {
				ipis += spec.cpus().size();
			}
			if (spec.kvm()) {
				kvmItems++;
			}
		}
		long n = items.size();
		long perItem = m.anonVmaLockNanos() + m.vmaVisitNanos() + m.pteNanos();
		long unmap = n * (perItem + m.localFlushNanos()) + ipis * m.ipiNanos() + kvmItems * m.mmuNotifierNanos();
		long restore = n * perItem;
		long fixed = m.migrationFixedNanos() + m.copyNanos(10);
		return NLS.bind(Messages.rmapWalkDetail, new Object[] { RmapTree.pfn(dup.kpfn()), dup.node(), n,
				duration(unmap + restore + fixed), duration(unmap), n, duration(perItem + m.localFlushNanos()), ipis,
				duration(m.ipiNanos()), kvmItems, duration(m.mmuNotifierNanos()), duration(restore), duration(fixed) });
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
